import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List feedback (your own by default), or with --requests the requests for feedback and dialogs.",
            discussion: "--nip lists what an employee received (their atasan chain, HR in scope); --given what you gave; --unit a unit's.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Feedback received by this NIP.") var nip: String?
        @Flag(help: "Feedback you gave.") var given = false
        @OptionGroup var unit: UnitOptions
        @Flag(help: "Only feedback not yet acknowledged.") var unacknowledged = false
        @Flag(help: "List requests (solicitations) you made or received instead.") var requests = false
        @Option(help: "Show at most N (default 50).") var limit: Int = 50

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip) }
            guard (1...1000).contains(limit) else { throw CLIError.invalidArguments("--limit must be 1–1000") }
            if requests, given || unit.reference != nil { throw CLIError.invalidArguments("--requests lists your own requests; no --given or --unit") }
        }

        func run() async throws {
            let page = Common.PageRequest(pageSize: UInt32(limit))
            if requests {
                let response = try await CommandEnvironment.withFeedback(connection) { caller in
                    try await caller.call { try await $0.listFeedbackSolicitations(.init(requesterNIP: nip ?? "", page: page), options: $1) }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                return print(response.solicitations.isEmpty ? "No request." : FeedbackText.solicitations(response.solicitations).render())
            }
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                let unitID = try await unit.unitID(caller.identity)
                let request = Feedback.ListFeedbackRequest(recipientNIP: nip ?? "", giverNIP: given ? try caller.signedInNIP() : "",
                                                           unit: unitID.map { Common.UnitScope(unitID: $0, includeSubunits: true) },
                                                           unacknowledgedOnly: unacknowledged, page: page)
                return try await caller.call { try await $0.listFeedback(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(response.feedback.isEmpty ? "No feedback." : FeedbackText.feedback(response.feedback).render())
        }
    }
}
