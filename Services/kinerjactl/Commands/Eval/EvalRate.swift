import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval rate`.
    struct Rate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rate an evaluation (the pejabat penilai): Hasil Kerja and/or Perilaku Kerja, di-atas, sesuai or di-bawah.",
            discussion: """
            A reason (10–2000 characters) is required when a rating departs from the proposal or changes an earlier \
            decision (the service checks), and always for Perilaku di-atas or di-bawah (checked here too); --reason serves both ratings unless \
            --hasil-kerja-reason or --perilaku-reason is given. --value-note VALUE=TEXT records the atasan's note on a \
            BerAKHLAK value (e.g. akuntabel="Laporan selalu tepat waktu"). The predikat follows from the matrix once \
            both ratings are entered; the unit's curve breaches after the change are shown.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Evaluation id.") var evaluationID: String
        @Option(help: "Hasil Kerja: di-atas, sesuai or di-bawah.") var hasilKerja: RatingArgument?
        @Option(help: "Perilaku Kerja: di-atas, sesuai or di-bawah.") var perilaku: RatingArgument?
        @Option(help: "Reason for both ratings (10–2000 characters).") var reason: String?
        @Option(help: "Reason for the Hasil Kerja rating (instead of --reason).") var hasilKerjaReason: String?
        @Option(help: "Reason for the Perilaku Kerja rating (instead of --reason).") var perilakuReason: String?
        @Option(help: "A note on one BerAKHLAK value, VALUE=TEXT (repeatable, each value once; with --perilaku).") var valueNote: [String] = []

        /// The Hasil Kerja reason to send (its own, else the shared one). Whether one is required
        /// depends on the proposal, which the service knows: here only its length is checked.
        func hasilKerjaReasonText() throws -> String {
            try EvalValues.text(hasilKerjaReason ?? reason, option: hasilKerjaReason == nil ? "--reason" : "--hasil-kerja-reason",
                                range: EvalValues.optionalRatingReason) ?? ""
        }

        /// The Perilaku Kerja reason to send (its own, else the shared one): required, 10–2000
        /// characters, for Di Atas and Di Bawah (the contract's rule), else at most 2000.
        func perilakuReasonText() throws -> String {
            let option = perilakuReason == nil ? "--reason" : "--perilaku-reason"
            let required = perilaku.map { $0.value != .sesuaiEkspektasi } ?? false
            let text = try EvalValues.text(perilakuReason ?? reason, option: option,
                                           range: required ? EvalValues.requiredRatingReason : EvalValues.optionalRatingReason) ?? ""
            if required, text.isEmpty, let perilaku {
                throw CLIError.invalidArguments("Perilaku \(Display.name(perilaku.value)) needs a reason: --perilaku-reason or --reason (10–2000 characters)")
            }
            return text
        }

        func validate() throws {
            guard hasilKerja != nil || perilaku != nil else { throw CLIError.invalidArguments("give --hasil-kerja, --perilaku or both") }
            if hasilKerja == nil, hasilKerjaReason != nil { throw CLIError.invalidArguments("--hasil-kerja-reason needs --hasil-kerja") }
            if perilaku == nil, perilakuReason != nil || !valueNote.isEmpty {
                throw CLIError.invalidArguments("--perilaku-reason and --value-note need --perilaku")
            }
            if hasilKerja != nil { _ = try hasilKerjaReasonText() }
            if perilaku != nil {
                _ = try perilakuReasonText()
                _ = try EvalValues.valueNotes(valueNote)
            }
        }

        func run() async throws {
            let id = evaluationID
            let hasilKerjaReason = try hasilKerjaReasonText()
            let perilakuReason = try perilakuReasonText()
            let notes = try EvalValues.valueNotes(valueNote)
            let (evaluation, breaches, responses) = try await CommandEnvironment.withEvaluation(connection) { caller in
                var evaluation: Evaluation.EmployeeEvaluation?
                var breaches: [Common.CurveBreach] = []
                var responses: [String] = []
                if let hasilKerja {
                    let request = Evaluation.SetHasilKerjaRatingRequest(evaluationID: id, rating: hasilKerja.value, reason: hasilKerjaReason)
                    let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-rate-hasil-kerja")) {
                        try await $0.setHasilKerjaRating(request, options: $1)
                    }
                    (evaluation, breaches) = (response.evaluation, response.curveBreaches)
                    responses.append(response.jsonString())
                }
                if let perilaku {
                    let request = Evaluation.SetPerilakuRatingRequest(evaluationID: id, rating: perilaku.value, reason: perilakuReason, notes: notes)
                    do {
                        let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-rate-perilaku")) {
                            try await $0.setPerilakuRating(request, options: $1)
                        }
                        (evaluation, breaches) = (response.evaluation, response.curveBreaches)
                        responses.append(response.jsonString())
                    } catch {
                        if hasilKerja != nil { StandardError.line("Hasil Kerja was rated; the Perilaku Kerja rating was not:") }
                        throw error
                    }
                }
                return (evaluation ?? Evaluation.EmployeeEvaluation(), breaches, responses)
            }
            if connection.json {
                for response in responses { print(response) }
                return
            }
            print(Self.summary(evaluation, breaches: breaches))
        }

        /// What the ratings came to: both decisions, the predikat, the curve's breaches now.
        static func summary(_ evaluation: Evaluation.EmployeeEvaluation, breaches: [Common.CurveBreach]) -> String {
            var lines = ["Rated \(EvaluationText.employee(evaluation.employee)):",
                         "  Hasil Kerja:    " + EvaluationText.decision(evaluation.hasilKerja),
                         "  Perilaku Kerja: " + EvaluationText.decision(evaluation.perilakuKerja),
                         "  Predikat:       " + (evaluation.predikat == .unspecified ? "— (both ratings needed)"
                                                 : "\(EvaluationText.predikat(evaluation.predikat)) (kuadran \(evaluation.kuadran))")]
            if !breaches.isEmpty {
                lines.append("")
                lines.append("The unit's curve after this rating (finalisation is refused unless the pimpinan overrides):")
                lines.append(CurveBreachText.explanation(breaches))
            }
            return lines.joined(separator: "\n")
        }
    }

    /// `kinerjactl eval ack`.
    struct Ack: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge your evaluation once both ratings are entered, optionally with a response (the pegawai).",
            discussion: "Acknowledging again replaces the response, also after finalisation (the response is not part of the snapshot).")

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Evaluation id.") var evaluationID: String
        @Option(help: "Your response, e.g. a disagreement to be heard; at most 2000 characters.") var note: String?

        func validate() throws {
            _ = try EvalValues.text(note, option: "--note", range: EvalValues.acknowledgementNote)
        }

        func run() async throws {
            let note = try EvalValues.text(note, option: "--note", range: EvalValues.acknowledgementNote) ?? ""
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-ack")) {
                    try await $0.acknowledgeEvaluation(Evaluation.AcknowledgeEvaluationRequest(evaluationID: evaluationID, note: note), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let evaluation = response.evaluation ?? Evaluation.EmployeeEvaluation()
            print("Acknowledged evaluation \(evaluationID): predikat \(EvaluationText.predikat(evaluation.predikat))"
                + (note.isEmpty ? "." : ", with your response."))
        }
    }
}
