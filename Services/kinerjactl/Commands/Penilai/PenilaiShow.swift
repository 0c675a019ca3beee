import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Penilai {
    /// `kinerjactl penilai show NIP…`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the pejabat penilai of employees on a day (default today).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "NIPs (1–500; default: yours).") var nips: [String] = []
        @Option(help: ArgumentHelp("The WITA day, YYYY-MM-DD.", valueName: "date")) var date: DateArgument?

        func validate() throws {
            guard nips.count <= 500 else { throw CLIError.invalidArguments("at most 500 NIPs") }
            for nip in nips { _ = try ArgumentChecks.person(nip) }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                let nips = nips.isEmpty ? [try await caller.call { try await $0.whoAmI(.init(), options: $1) }.principal] : nips
                return try await caller.call {
                    try await $0.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: nips, onDate: date?.value), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(PenilaiText.table(response.penilai).render())
        }
    }

    /// `kinerjactl penilai inbox`.
    struct Inbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Everyone a penilai rates on a day (default: you, today).")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The penilai (NIP or NONASN. identifier; default: you).") var penilai: String?
        @Option(help: ArgumentHelp("The WITA day, YYYY-MM-DD.", valueName: "date")) var date: DateArgument?

        func validate() throws {
            if let penilai { _ = try ArgumentChecks.person(penilai, option: "--penilai") }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                var who = penilai ?? ""
                if who.isEmpty { who = try await caller.call { try await $0.whoAmI(.init(), options: $1) }.principal }
                return try await caller.call {
                    try await $0.listDinilai(Identity.ListDinilaiRequest(penilai: who, onDate: date?.value), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(PenilaiText.table(response.dinilai).render())
            print("\(response.dinilai.count) employee(s)")
        }
    }

    /// `kinerjactl penilai history NIP`.
    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Who was an employee's pejabat penilai, day by day, over a range.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The employee's NIP.") var nip: String
        @Option(help: ArgumentHelp("First day (default 1 January).", valueName: "date")) var from: DateArgument?
        @Option(help: ArgumentHelp("Last day (default today).", valueName: "date")) var until: DateArgument?

        func validate() throws {
            _ = try ArgumentChecks.person(nip)
        }

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call {
                    try await $0.getPenilaiHistory(Identity.GetPenilaiHistoryRequest(nip: nip, from: from?.value, until: until?.value), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            var table = Table([.init("FROM", maxWidth: 10), .init("UNTIL", maxWidth: 10), .init("PENILAI KIND", maxWidth: 24),
                               .init("PENILAI", maxWidth: 24), .init("NAME", maxWidth: 36), .init("DECREE / WHY", maxWidth: 50)])
            for period in response.periods {
                let p = period.penilai ?? Identity.PejabatPenilai()
                table.append([period.from?.isoString ?? "", period.until?.isoString ?? "", PenilaiText.kind(p.kind), p.penilai?.nip ?? "—",
                              p.penilai?.displayName ?? "", p.kind == .none ? p.reason : p.decreeNumber])
            }
            print(table.render())
        }
    }
}
