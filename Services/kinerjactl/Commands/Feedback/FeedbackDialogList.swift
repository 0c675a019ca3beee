import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Dialog {
    /// `kinerjactl feedback dialog list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dialog records: yours (as employee or atasan), an employee's, or an atasan's.")

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Dialogs with this employee.") var nip: String?
        @Option(help: "Dialogs recorded by this atasan.") var atasan: String?
        @Option(help: "Show at most N (default 50).") var limit: Int = 50

        func validate() throws {
            if let nip { _ = try ArgumentChecks.nip(nip) }
            if let atasan { _ = try ArgumentChecks.person(atasan, option: "--atasan") }
            guard (1...1000).contains(limit) else { throw CLIError.invalidArguments("--limit must be 1–1000") }
        }

        func run() async throws {
            let request = Feedback.ListDialogsRequest(employeeNIP: nip ?? "", atasanNIP: atasan ?? "", page: Common.PageRequest(pageSize: UInt32(limit)))
            let response = try await CommandEnvironment.withFeedback(connection) { caller in
                try await caller.call { try await $0.listDialogs(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(response.dialogs.isEmpty ? "No dialog." : FeedbackText.dialogs(response.dialogs).render())
        }
    }
}
