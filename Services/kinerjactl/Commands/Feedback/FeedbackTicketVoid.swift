import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Ticket {
    /// `kinerjactl feedback ticket void`.
    struct Void: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Void a ticket issued by mistake (the kiosk that issued it), before it is rated.")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The ticket code.") var code: String
        @Option(help: "Why, 1–500 characters.") var reason: String

        func validate() throws { _ = try ArgumentChecks.reason(reason) }

        func run() async throws {
            let response = try await CommandEnvironment.asKiosk(connection) { client, kiosk in
                try await client.voidServiceTicket(.init(ticketCode: code, reason: reason), options: kiosk.options(idempotencyKey: CallPolicy.idempotencyKey("ticket-void")))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Ticket \(response.ticket?.ticketCode ?? code) voided.")
        }
    }
}
