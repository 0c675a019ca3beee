import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Report {
    /// `kinerjactl report inbox`.
    struct Inbox: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "inbox",
            abstract: "Your verification inbox: your bawahan's reports awaiting verification, oldest first.",
            discussion: "--overdue: only those past the policy's review deadline. --unit: the overdue verifications of a unit, per atasan (pengelola kinerja, pimpinan)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Flag(help: "Only reports past their review deadline.") var overdue = false
        @Option(help: "A unit's overdue verifications (id or code), grouped per atasan.") var unit: UnitReference?
        @Option(help: "Most reports to show, 1–1000.") var limit: UInt32 = 200

        func run() async throws {
            let (response, names) = try await CommandEnvironment.withReporting(connection) { caller in
                var request = Reporting.ListDailyReportsRequest(states: [.diajukan], page: Common.PageRequest(pageSize: limit), overdueOnly: overdue || unit != nil)
                if let unit {
                    request.unit = Common.UnitScope(unitID: try await ReportLookup.unitID(unit, caller), includeSubunits: true)
                } else {
                    request.verifierNIP = try caller.signedInNIP()
                }
                let chosen = request
                let response = try await caller.call { try await $0.listDailyReports(chosen, options: $1) }
                let names = connection.json ? [:] : await ReportLookup.names(Set(response.reports.flatMap { [$0.nip, $0.verifierNIP] }), caller)
                return (response, names)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            if response.reports.isEmpty { print(unit != nil ? "No overdue verifications." : overdue ? "Nothing overdue." : "Your inbox is empty."); return }
            if unit != nil {
                for (verifier, reports) in Dictionary(grouping: response.reports, by: \.verifierNIP).sorted(by: { $0.value.count > $1.value.count }) {
                    print("\(names[verifier] ?? verifier) (\(verifier)): \(reports.count) overdue")
                    print(ReportText.list(reports, names: names, showAuthor: true).render())
                    print("")
                }
                return
            }
            print(ReportText.list(response.reports, names: names, showAuthor: true).render())
            let late = response.reports.filter(\.reviewOverdue).count
            print("\n\(response.reports.count) awaiting verification" + (late > 0 ? ", \(late) overdue" : "") + ". Verify with: kinerjactl report verify ID…")
        }
    }

    /// `kinerjactl report verify`.
    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Verify one or more reports of your bawahan (Diverifikasi): their realisation then counts.",
            discussion: "Several ids are decided in one batch call (each applied or refused on its own)."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Report ids.") var reportIDs: [String]
        @Option(help: "A note to the employee, at most 2000 characters.") var note: String?

        func validate() throws {
            guard !reportIDs.isEmpty, reportIDs.count <= 500 else { throw CLIError.invalidArguments("give 1–500 report ids") }
            _ = try SkpValues.optionalText(note, option: "--note", limit: 2000)
        }

        func run() async throws {
            let note = try SkpValues.optionalText(note, option: "--note", limit: 2000)
            try await ReviewCall.decide(reportIDs, decision: .verify, note: note, connection)
        }
    }

    /// `kinerjactl report reject`.
    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reject",
            abstract: "Reject one or more reports with a reason (Ditolak); the employee corrects and resubmits them."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Report ids.") var reportIDs: [String]
        @Option(help: "Why, and what to correct (1–2000 characters).") var reason: String

        func validate() throws {
            guard !reportIDs.isEmpty, reportIDs.count <= 500 else { throw CLIError.invalidArguments("give 1–500 report ids") }
            _ = try SkpValues.text(reason, option: "--reason", limit: 2000)
        }

        func run() async throws {
            try await ReviewCall.decide(reportIDs, decision: .reject, note: try SkpValues.text(reason, option: "--reason", limit: 2000), connection)
        }
    }

    /// `kinerjactl report revoke`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke",
            abstract: "Revoke the verification of a report found false (Dicabut), with a reason; allowed until the period is finalised."
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Report id.") var reportID: String
        @Option(help: "Why (1–2000 characters).") var reason: String

        func validate() throws { _ = try SkpValues.text(reason, option: "--reason", limit: 2000) }

        func run() async throws {
            let reason = try SkpValues.text(reason, option: "--reason", limit: 2000)
            let response = try await CommandEnvironment.withReporting(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("report-revoke")) {
                    try await $0.revokeVerification(Reporting.RevokeVerificationRequest(reportID: reportID, reason: reason), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Verification revoked: report \(reportID) is \(ReportText.state(response.report?.state ?? .dicabut)); it no longer counts.")
        }
    }
}

/// Verify or reject: one id with the single call, several with one batch call.
enum ReviewCall {
    static func decide(_ ids: [String], decision: Reporting.ReviewDecision, note: String, _ connection: ConnectionOptions) async throws {
        let verb = decision == .verify ? "Verified" : "Rejected"
        if ids.count == 1 {
            let id = ids[0]
            let state = try await CommandEnvironment.withReporting(connection) { caller -> Reporting.ReportState in
                if decision == .verify {
                    let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("report-verify")) {
                        try await $0.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: id, note: note), options: $1)
                    }
                    if CommandEnvironment.printJSON(response, connection) { return .unspecified }
                    return response.report?.state ?? .unspecified
                }
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("report-reject")) {
                    try await $0.rejectDailyReport(Reporting.RejectDailyReportRequest(reportID: id, reason: note), options: $1)
                }
                if CommandEnvironment.printJSON(response, connection) { return .unspecified }
                return response.report?.state ?? .unspecified
            }
            if !connection.json { print("\(verb): report \(id) is \(ReportText.state(state)).") }
            return
        }
        let reviews = ids.map { Reporting.ReportReview(reportID: $0, decision: decision, note: note) }
        let response = try await CommandEnvironment.withReporting(connection) { caller in
            try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("report-batch")) {
                try await $0.batchReviewDailyReports(Reporting.BatchReviewDailyReportsRequest(reviews: reviews), options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, connection) { return }
        var table = Table([.init("REPORT ID", maxWidth: 26), .init("STATE", maxWidth: 12), .init("RESULT", maxWidth: 80)])
        for result in response.results {
            table.append([result.reportID, ReportText.state(result.state),
                          result.statusCode == 0 ? "ok" : "\(RPCError.Code(rawValue: Int32(result.statusCode)).map { "\($0)" } ?? "\(result.statusCode)"): \(result.message)"])
        }
        print(table.render())
        print("\(verb) \(response.appliedCount) of \(reviews.count).")
        if response.failedCount > 0 { throw CLIError(.importPartiallyRejected, "\(response.failedCount) of \(reviews.count) decisions refused") }
    }
}
