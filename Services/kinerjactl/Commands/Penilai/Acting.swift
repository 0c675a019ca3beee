import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl acting`: Plt and Plh appointed by decree.
    struct Acting: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record, end and list acting officials (Plt/Plh) for units' head positions.",
            discussion: "Pengelola kinerja record the decree; they never rate. Nobody records themselves.",
            subcommands: [Record.self, End.self, List.self])

        /// Plt or Plh.
        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case plt, plh
            var value: Common.PenilaiKind { self == .plt ? .plt : .plh }
        }
    }
}

extension Kinerjactl.Acting {
    /// `kinerjactl acting record`.
    struct Record: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record a Plt or Plh for a unit's head position, by decree.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: ArgumentHelp("The unit whose head position is acted (id or code).", valueName: "unit")) var unit: UnitReference
        @Option(help: "The acting official's NIP.") var nip: String
        @Option(help: "plt (vacant position) or plh (the head is away).") var kind: Kind
        @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "date")) var from: DateArgument
        @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (at most 366 days later).", valueName: "date")) var until: DateArgument
        @Option(help: "The decree's number (surat perintah / SK).") var decree: String
        @Option(name: .customLong("decree-date"), help: ArgumentHelp("The decree's date, YYYY-MM-DD.", valueName: "date"))
        var decreeDate: DateArgument
        @Option(help: "A note (audited).") var note: String = ""

        func validate() throws {
            _ = try ArgumentChecks.nip(nip, option: "--nip")
            guard !decree.isEmpty, decree.count <= 100 else { throw CLIError.invalidArguments("--decree must be 1–100 characters") }
            guard until.value.isoString >= from.value.isoString else { throw CLIError.invalidArguments("--until must not be before --from") }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                let unitID = try await UnitLookup.unitID(unit, caller, verify: true)
                let assignment = Identity.ActingAssignment(unitID: unitID, actingNIP: nip, kind: kind.value, validFrom: from.value,
                                                           validUntil: until.value, decreeNumber: decree, decreeDate: decreeDate.value, note: note)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("acting-record")) {
                    try await $0.recordActingAssignment(.init(assignment: assignment), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let a = response.assignment ?? Identity.ActingAssignment()
            print("Recorded \(kind.rawValue.uppercased()) \(a.actingNIP) for \(unit) from \(a.validFrom?.isoString ?? "") until \(a.validUntil?.isoString ?? "") (\(a.assignmentID))")
        }
    }

    /// `kinerjactl acting end`.
    struct End: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End an acting assignment early (the head was appointed or came back).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The assignment id.") var id: String
        @Option(name: .customLong("last-day"), help: ArgumentHelp("Its new last day (default today).", valueName: "date"))
        var lastDay: DateArgument?
        @Option(help: "Why (audited).") var reason: String

        func validate() throws {
            _ = try ArgumentChecks.reason(reason)
        }

        func run() async throws {
            let reason = try ArgumentChecks.reason(reason)
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call {
                    try await $0.endActingAssignment(Identity.EndActingAssignmentRequest(assignmentID: id, lastDay: lastDay?.value, reason: reason),
                                                     options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Acting assignment \(id) now ends \(response.assignment?.validUntil?.isoString ?? "")")
        }
    }

    /// `kinerjactl acting list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List acting assignments.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: ArgumentHelp("Only for this unit (id or code) and its sub-units.", valueName: "unit")) var unit: UnitReference?
        @Option(help: "Only of this acting official.") var nip: String?
        @Option(help: ArgumentHelp("Only those in force on this day.", valueName: "date")) var date: DateArgument?

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let (response, codes) = try await CommandEnvironment.withSignedIn(connection) { caller in
                let scope = try await unit.asyncMap { Common.UnitScope(unitID: try await UnitLookup.unitID($0, caller), includeSubunits: true) }
                let response = try await caller.call {
                    try await $0.listActingAssignments(Identity.ListActingAssignmentsRequest(unit: scope, actingNIP: nip ?? "", onDate: date?.value,
                                                                                           page: Common.PageRequest(pageSize: 1000)), options: $1)
                }
                return (response, await UnitLookup.codes(caller))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            var table = Table([.init("ID", maxWidth: 26), .init("UNIT", maxWidth: 30), .init("KIND", maxWidth: 4), .init("ACTING", maxWidth: 18),
                               .init("FROM", maxWidth: 10), .init("UNTIL", maxWidth: 10), .init("DECREE", maxWidth: 40)])
            for a in response.assignments {
                table.append([a.assignmentID, codes[a.unitID] ?? a.unitID, PenilaiText.kind(a.kind), a.actingNIP, a.validFrom?.isoString ?? "",
                              a.validUntil?.isoString ?? "", a.decreeNumber])
            }
            print(table.render())
        }
    }
}
