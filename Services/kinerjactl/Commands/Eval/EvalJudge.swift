import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval judge`.
    struct Judge: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Judge the ekspektasi khusus per BerAKHLAK value (the pejabat penilai): di-atas, sesuai or di-bawah.",
            discussion: """
            --value VALUE=JUDGEMENT (repeatable, each value once), e.g. --value berorientasi-pelayanan=di-atas; \
            --note VALUE=TEXT adds what was observed (1–1000 characters, a judged value only). The list replaces the \
            earlier judgements; --withdraw removes them all. The proposals are recomputed at once: a judged value is \
            classified by the judgement instead of its 360° mean, and the Perilaku proposal shows why.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Evaluation id.") var evaluationID: String
        @Option(name: .customLong("value"), help: "VALUE=di-atas|sesuai|di-bawah (repeatable, each value once).") var values: [String] = []
        @Option(name: .customLong("note"), help: "VALUE=TEXT, a note on a judged value (repeatable).") var notes: [String] = []
        @Flag(help: "Withdraw every judgement of this evaluation.") var withdraw = false

        func validate() throws {
            if withdraw, !values.isEmpty || !notes.isEmpty { throw CLIError.invalidArguments("--withdraw takes no --value or --note") }
            if !withdraw, values.isEmpty { throw CLIError.invalidArguments("give --value VALUE=JUDGEMENT (or --withdraw)") }
            _ = try EvalValues.judgements(values, notes: notes)
        }

        func run() async throws {
            let request = Evaluation.SetExpectationJudgementsRequest(key: .evaluationID(evaluationID),
                                                                     judgements: try EvalValues.judgements(values, notes: notes))
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-judge")) {
                    try await $0.setExpectationJudgements(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let evaluation = response.evaluation ?? Evaluation.EmployeeEvaluation()
            print((withdraw ? "Judgements withdrawn for " : "Ekspektasi khusus judged for ") + EvaluationText.employee(evaluation.employee) + ".\n")
            print(EvaluationText.perilaku(evaluation))
        }
    }
}
