import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback rate`.
    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rate a service as the citizen, with the ticket's code: 1 (sangat tidak puas) – 5 (sangat puas), once.",
            discussion: """
            Runs as the kiosk or portal (--cert citizen-kiosk by default, no sign-in). The Survei Kepuasan Masyarakat may \
            be answered with it: --skm and nine answers 1–4, U1 … U9 in the regulation's order, e.g. --skm 4,3,3,4,4,4,4,3,3.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The ticket code, e.g. K7QMX-3XHD9-2PBQR.") var code: String
        @Option(help: "1–5.") var score: UInt32
        @Option(help: "A comment, at most 1000 characters (no personal data).") var comment: String?
        @Option(help: "The nine SKM answers 1–4, comma-separated, U1 … U9.") var skm: String?
        @Option(help: "The citizen's network address as a portal saw it (empty at a kiosk).") var address: String?

        static let unsur: [Feedback.SkmUnsur] = [.persyaratan, .sistemMekanismeProsedur, .waktuPenyelesaian, .biayaTarif, .produkSpesifikasi,
                                                 .kompetensiPelaksana, .perilakuPelaksana, .penangananPengaduan, .saranaPrasarana]

        /// The SKM answers of `--skm`.
        func answers() throws -> [Feedback.SkmAnswer] {
            guard let skm else { return [] }
            let scores = skm.split(separator: ",").map { UInt32($0.trimmingCharacters(in: .whitespaces)) }
            guard scores.count == 9, scores.allSatisfy({ $0.map { (1...4).contains($0) } ?? false }) else {
                throw CLIError.invalidArguments("--skm is nine answers 1–4 separated by commas (U1 … U9)")
            }
            return zip(Self.unsur, scores).map { Feedback.SkmAnswer(unsur: $0, score: $1 ?? 0) }
        }

        func validate() throws {
            guard (1...5).contains(score) else { throw CLIError.invalidArguments("--score must be 1–5") }
            _ = try FeedbackValues.text(comment, option: "--comment", range: 0...1000)
            _ = try answers()
        }

        func run() async throws {
            let request = Feedback.SubmitCitizenRatingRequest(ticketCode: code, score: score, comment: comment ?? "", skmAnswers: try answers(),
                                                              clientAddress: address ?? "")
            let response = try await CommandEnvironment.asKiosk(connection) { client, kiosk in
                try await client.submitCitizenRating(request, options: kiosk.options())
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(response.acknowledgement)
        }
    }
}
