import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback.Ticket {
    /// `kinerjactl feedback ticket show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Look a ticket up by its code, as the citizen sees it (a wrong code counts towards the guess limit).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The ticket code, e.g. K7QMX-3XHD9-2PBQR (any case, dashes optional).") var code: String
        @Option(help: "The citizen's network address as a portal saw it (empty at a kiosk).") var address: String?

        func run() async throws {
            let response = try await CommandEnvironment.asKiosk(connection) { client, kiosk in
                try await client.getServiceTicket(.init(ticketCode: code, clientAddress: address ?? ""), options: kiosk.options())
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let ticket = response.ticket ?? Feedback.ServiceTicket()
            var fields = FieldList()
            fields.append("Kode tiket", ticket.ticketCode)
            fields.append("Layanan", ticket.serviceName + (ticket.counterName.isEmpty ? "" : ", " + ticket.counterName))
            fields.append("Petugas", ticket.servedByDisplayName)
            fields.append("Berlaku s.d.", WITATime.format(ticket.expiresAt))
            fields.append("Status", Display.name(ticket.state) + (response.rateable ? " (dapat dinilai)" : ""))
            print(fields.render())
        }
    }
}
