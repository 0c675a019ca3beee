import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Ticket {
    /// `kinerjactl feedback ticket issue`.
    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a ticket for a citizen just served: prints the code, the link and a QR code to rate within 7 days.",
            discussion: """
            Run by the kiosk (its certificate, `client/citizen-kiosk`), for the units configured for it on the feedback \
            service (feedback.kiosks). The QR code is drawn for a dark terminal; --invert draws it for a light one.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The counter's unit: id or code, e.g. KPG.DUKCAPIL.DAFDUK.IDENTITAS.") var unit: UnitReference
        @Option(help: "The employee who served, NIP.") var nip: String
        @Option(help: "The service given, 1–200 characters.") var service: String
        @Option(help: "The counter, at most 100 characters.") var counter: String?
        @Flag(help: "Draw the QR code dark on light.") var invert = false
        @Flag(help: "Leave the QR code out.") var noQR = false

        func validate() throws {
            _ = try ArgumentChecks.nip(nip)
            _ = try FeedbackValues.text(service, option: "--service", range: 1...200)
            _ = try FeedbackValues.text(counter, option: "--counter", range: 0...100)
        }

        func run() async throws {
            let response = try await CommandEnvironment.asKiosk(connection) { client, kiosk in
                let request = Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                    unitID: try await kiosk.unitID(unit), servedByNIP: nip, serviceName: service, counterName: counter ?? ""))
                return try await client.issueServiceTicket(request, options: kiosk.options(idempotencyKey: CallPolicy.idempotencyKey("ticket-issue")))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let qr = noQR ? nil : (try? QRCode(response.ratingURI))?.terminalText(inverted: invert)
            print(FeedbackText.ticket(response, qr: qr))
        }
    }
}
