import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one evaluation: the proposals with their reasons (which IKIs, which figures), the ratings, the predikat.",
            discussion: """
            By evaluation id, or by --period (an id, or a span such as 2026-Q2) and --nip (default: yours). \
            --evidence adds the progress from reporting and the 360° summary from feedback.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Evaluation id.") var evaluationID: String?
        @Option(help: "Employee NIP (default: yours).") var nip: String?
        @Option(help: ArgumentHelp("The period: its id, or a span (YYYY, YYYY-Q1…Q4, YYYY-S1|S2, YYYY-MM).", valueName: "period"))
        var period: EvalPeriodReference?
        @Flag(help: "Include the evidence: progress from reporting, the 360° summary from feedback.") var evidence = false

        func validate() throws {
            if evaluationID != nil, period != nil || nip != nil {
                throw CLIError.invalidArguments("give an evaluation id or --period (with --nip), not both")
            }
            if evaluationID == nil, period == nil {
                throw CLIError.invalidArguments("give an evaluation id, or --period (and --nip for someone else's)")
            }
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                var request = Evaluation.GetEvaluationRequest(includeEvidence: evidence)
                if let evaluationID {
                    request.key = .evaluationID(evaluationID)
                } else if let period {
                    request.key = .employeePeriod(try await key(period, caller))
                }
                return try await caller.call { try await $0.getEvaluation(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(EvaluationText.evaluation(response))
        }

        /// The employee and span: a period id is read for its span (EmployeePeriodKey takes no period id).
        private func key(_ period: EvalPeriodReference, _ caller: EvaluationCaller) async throws -> Evaluation.EmployeePeriodKey {
            let nip = try nip ?? caller.signedInNIP()
            let span: Evaluation.EvaluationSpan
            switch period.kind {
            case .span(let given): span = given
            case .id(let id):
                guard let found = EvalSpans.span(of: try await EvalLookup.period(id: id, caller)) else {
                    throw CLIError(.failure, "the service answered GetPeriod without the period's span", status: .internal)
                }
                span = found
            }
            return Evaluation.EmployeePeriodKey(nip: nip, period: EvalSpans.period(span), span: span)
        }
    }
}
