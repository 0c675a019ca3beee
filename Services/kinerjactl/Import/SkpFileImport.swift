import Foundation
import KinerjaProto

/// What an import did to one SKP of the file.
struct SkpImportOutcome: Codable, Equatable, Sendable {
    /// A refusal by the service, for the rows it covers.
    struct Rejection: Codable, Equatable, Sendable {
        /// First row of what was refused (the SKP's, the RHK's or the IKI's).
        var row: Int
        /// Number of IKI rows refused with it.
        var rows: Int
        var status: String
        var message: String
    }

    var row: Int
    var nip: String
    var year: Int32
    var skpID = ""
    var version: UInt32 = 0
    var state = ""
    var revision: UInt64 = 0
    var created = false
    var rhksAdded = 0
    var rhksPresent = 0
    var ikisAdded = 0
    var ikisPresent = 0
    var rejections: [Rejection] = []

    var rejectedRows: Int { rejections.reduce(0) { $0 + $1.rows } }
}

/// The outcomes of a whole import.
struct SkpImportSummary: Codable, Equatable, Sendable {
    var file: String
    var fingerprint: String
    var skps: [SkpImportOutcome] = []

    var rejectedRows: Int { skps.reduce(0) { $0 + $1.rejectedRows } }

    /// `2 SKPs (1 created), RHKs: 5 added, 1 already there; IKIs: 12 added, 2 already there; 0 rows rejected`.
    var totalsLine: String {
        let created = skps.filter(\.created).count
        let sum = { (value: (SkpImportOutcome) -> Int) in self.skps.reduce(0) { $0 + value($1) } }
        return "\(skps.count) SKP\(skps.count == 1 ? "" : "s") (\(created) created); RHKs: \(sum(\.rhksAdded)) added, "
            + "\(sum(\.rhksPresent)) already there; IKIs: \(sum(\.ikisAdded)) added, \(sum(\.ikisPresent)) already there; "
            + "\(rejectedRows) row\(rejectedRows == 1 ? "" : "s") rejected"
    }

    /// One line per SKP.
    func table() -> Table {
        var table = Table([.init("ROW", alignRight: true), .init("NIP", maxWidth: 18), .init("YEAR"), .init("SKP ID", maxWidth: 26),
                           .init("VER", alignRight: true), .init("STATE", maxWidth: 12), .init("RHK +", alignRight: true),
                           .init("RHK =", alignRight: true), .init("IKI +", alignRight: true), .init("IKI =", alignRight: true),
                           .init("REJECTED", alignRight: true)])
        for skp in skps {
            table.append([String(skp.row), skp.nip, String(skp.year), skp.skpID + (skp.created ? " (new)" : ""),
                          skp.version == 0 ? "" : String(skp.version), skp.state, String(skp.rhksAdded), String(skp.rhksPresent),
                          String(skp.ikisAdded), String(skp.ikisPresent), String(skp.rejectedRows)])
        }
        return table
    }

    /// The refusals: row, rows covered, status, message.
    func rejectionTable() -> Table {
        var table = Table([.init("ROW", alignRight: true), .init("ROWS", alignRight: true), .init("STATUS", maxWidth: 20),
                           .init("MESSAGE", maxWidth: 100)])
        for rejection in skps.flatMap(\.rejections).sorted(by: { $0.row < $1.row }) {
            table.append([String(rejection.row), String(rejection.rows), rejection.status, rejection.message])
        }
        return table
    }
}

/// Sends an SKP file: for each SKP, finds it (or creates it), then adds the RHKs whose text it
/// does not have yet (with their IKIs in the same AddRhk call) and, to RHKs it has, the IKIs
/// (aspek and indicator) they lack. Every write carries a key derived from the file and the row
/// (``SkpFile/idempotencyKey(row:operation:)``), so a call whose answer was lost is answered
/// again rather than applied twice; what a completed call added is found by content on a re-run
/// (also after the keys expired), so running the same import again adds only what is missing.
///
/// Refusals that concern the file (INVALID_ARGUMENT, NOT_FOUND, FAILED_PRECONDITION, …) reject
/// the rows concerned and the import goes on; anything else (unreachable service, expired
/// session) stops it, saying how far it got.
struct SkpFileImporter {
    let file: SkpFile
    let name: String
    /// Called with a line for people after each SKP.
    var note: (String) -> Void = { _ in }

    /// Statuses that reject rows instead of stopping the import.
    static let rejecting: Set<RPCError.Code> = [.invalidArgument, .notFound, .alreadyExists, .failedPrecondition,
                                                .permissionDenied, .outOfRange, .aborted]

    func run(_ caller: PlanningCaller) async throws -> SkpImportSummary {
        var summary = SkpImportSummary(file: name, fingerprint: file.fingerprint)
        for (index, skp) in file.skps.enumerated() {
            let outcome: SkpImportOutcome
            do {
                outcome = try await importSkp(skp, caller)
            } catch {
                let done = "\(index) of \(file.skps.count) SKPs done; run the same command again to resume"
                switch error {
                case let error as RPCError:
                    throw CLIError(ErrorReporting.exitStatus(for: error.code) == 69 ? .unavailable : .failure,
                                   "\(ErrorReporting.message(of: error)) (\(done))", status: error.code, cause: error)
                case var error as CLIError:
                    error.message += " (\(done))"
                    throw error
                default:
                    throw CLIError(.failure, "\(error) (\(done))", cause: error)
                }
            }
            summary.skps.append(outcome)
            note("\(name): SKP \(index + 1)/\(file.skps.count) (\(skp.nip), \(skp.year)): \(outcome.skpID)"
                + (outcome.created ? " created" : "") + ", \(outcome.rhksAdded) RHKs and \(outcome.ikisAdded) IKIs added"
                + (outcome.rejectedRows > 0 ? ", \(outcome.rejectedRows) rows rejected" : ""))
        }
        return summary
    }

    /// A refusal to record, or nil when `error` must stop the import.
    static func rejection(_ error: any Error, row: Int, rows: Int) -> SkpImportOutcome.Rejection? {
        switch error {
        case let error as RPCError where rejecting.contains(error.code):
            return .init(row: row, rows: rows, status: error.code.description, message: ErrorReporting.message(of: error))
        case let error as CLIError where error.status.map(rejecting.contains) ?? false:
            return .init(row: row, rows: rows, status: error.status?.description ?? "", message: error.message)
        default:
            return nil
        }
    }

    private func importSkp(_ planned: SkpFile.SkpRows, _ caller: PlanningCaller) async throws -> SkpImportOutcome {
        var outcome = SkpImportOutcome(row: planned.row, nip: planned.nip, year: planned.year)
        let allRows = planned.rhks.reduce(0) { $0 + $1.ikis.count }
        var skp: Planning.Skp
        do {
            skp = try await findOrCreate(planned, caller, created: &outcome.created)
        } catch {
            guard let rejection = Self.rejection(error, row: planned.row, rows: allRows) else { throw error }
            outcome.rejections.append(rejection)
            return outcome
        }
        outcome.skpID = skp.skpID
        func record(_ skp: Planning.Skp) {
            outcome.version = skp.version
            outcome.state = Display.name(skp.state)
            outcome.revision = skp.revision
        }
        record(skp)

        // What the SKP lacks.
        var missing: [(planned: SkpFile.RhkRows, existing: Planning.Rhk?, ikis: [SkpFile.IkiRow])] = []
        for rhk in planned.rhks {
            guard let existing = skp.rhks.first(where: { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == rhk.rhk.text }) else {
                missing.append((rhk, nil, rhk.ikis))
                continue
            }
            outcome.rhksPresent += 1
            let lacking = rhk.ikis.filter { row in
                !existing.ikis.contains { $0.aspek == row.iki.aspek && $0.indicator.trimmingCharacters(in: .whitespacesAndNewlines) == row.iki.indicator }
            }
            outcome.ikisPresent += rhk.ikis.count - lacking.count
            if !lacking.isEmpty { missing.append((rhk, existing, lacking)) }
        }
        guard !missing.isEmpty else { return outcome }
        let missingRows = missing.reduce(0) { $0 + $1.ikis.count }
        if let approach = planned.approach, approach != skp.approach {
            outcome.rejections.append(.init(row: planned.row, rows: missingRows, status: RPCError.Code.failedPrecondition.description,
                                            message: "the SKP is \(Display.name(skp.approach).lowercased()), the file says "
                                                + Display.name(approach).lowercased()))
            return outcome
        }
        guard skp.state == .draft else {
            outcome.rejections.append(.init(row: missing[0].planned.row, rows: missingRows,
                                            status: RPCError.Code.failedPrecondition.description,
                                            message: "SKP \(skp.skpID) version \(skp.version) is \(Display.name(skp.state)); only a "
                                                + "Draft can change (withdraw or revise it, then import again)"))
            return outcome
        }

        for item in missing {
            if let existing = item.existing {
                for row in item.ikis {
                    do {
                        let response = try await addIki(row, to: existing.rhkID, caller)
                        outcome.ikisAdded += 1
                        outcome.revision = response.skpRevision
                    } catch {
                        guard let rejection = Self.rejection(error, row: row.row, rows: 1) else { throw error }
                        outcome.rejections.append(rejection)
                    }
                }
                continue
            }
            // A new RHK goes in one call with its IKIs.
            let response: Planning.AddRhkResponse
            do {
                let request = Planning.AddRhkRequest(skpID: skp.skpID, rhk: item.planned.rhk)
                response = try await caller.call(idempotencyKey: file.idempotencyKey(row: item.planned.row, operation: "rhk")) {
                    try await $0.addRhk(request, options: $1)
                }
            } catch {
                guard let rejection = Self.rejection(error, row: item.planned.row, rows: item.ikis.count) else { throw error }
                outcome.rejections.append(rejection)
                continue
            }
            outcome.rhksAdded += 1
            outcome.revision = response.skpRevision
            let added = response.rhk ?? Planning.Rhk()
            for row in item.ikis {
                if added.ikis.contains(where: { $0.aspek == row.iki.aspek && $0.indicator == row.iki.indicator }) {
                    outcome.ikisAdded += 1
                    continue
                }
                // The service took the RHK without this IKI: add it on its own.
                do {
                    let response = try await addIki(row, to: added.rhkID, caller)
                    outcome.ikisAdded += 1
                    outcome.revision = response.skpRevision
                } catch {
                    guard let rejection = Self.rejection(error, row: row.row, rows: 1) else { throw error }
                    outcome.rejections.append(rejection)
                }
            }
        }
        return outcome
    }

    private func addIki(_ row: SkpFile.IkiRow, to rhkID: String, _ caller: PlanningCaller) async throws -> Planning.AddIkiResponse {
        let request = Planning.AddIkiRequest(rhkID: rhkID, iki: row.iki)
        return try await caller.call(idempotencyKey: file.idempotencyKey(row: row.row, operation: "iki")) {
            try await $0.addIki(request, options: $1)
        }
    }

    /// The latest version of the SKP of the planned NIP and year, created (version 1) when there is none.
    private func findOrCreate(_ planned: SkpFile.SkpRows, _ caller: PlanningCaller, created: inout Bool) async throws -> Planning.Skp {
        do {
            let current = try await caller.call {
                try await $0.getCurrentSkp(.init(nip: planned.nip, year: planned.year), options: $1)
            }
            // GetCurrentSkp may answer with the approved version in force; changes go to the latest.
            let id = current.skp?.skpID ?? ""
            return try SkpFetch.required(try await SkpFetch.skp(id, caller))
        } catch let error as RPCError where error.code == .notFound {
            let request = Planning.CreateSkpRequest(nip: planned.nip, year: planned.year, approach: planned.approach ?? .kuantitatif)
            let response = try await caller.call(idempotencyKey: file.idempotencyKey(row: planned.row, operation: "skp")) {
                try await $0.createSkp(request, options: $1)
            }
            guard let skp = response.skp else {
                throw CLIError(.failure, "the server answered CreateSkp without an SKP", status: .internal)
            }
            created = true
            return skp
        }
    }
}
