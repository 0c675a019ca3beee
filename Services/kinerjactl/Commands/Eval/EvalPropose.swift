import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval propose`.
    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the system's Hasil Kerja and Perilaku Kerja proposals for a period from the evidence (pengelola kinerja).",
            discussion: """
            Hasil Kerja from reporting's verified realisation per IKI under the agency's proposal rule; Perilaku from \
            the 360° summary and the ekspektasi khusus. The atasan's decisions are kept; --recompute refreshes \
            proposals already computed. `kinerjactl eval show` gives each proposal's reasons.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(help: "Only this employee (repeatable; default: the whole population).") var nip: [String] = []
        @Flag(help: "Recompute proposals already computed.") var recompute = false

        func validate() throws {
            for nip in nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let (response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await selection.resolve(caller)
                let request = Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, nips: nip, recompute: recompute)
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-propose")) {
                    try await $0.proposeEvaluations(request, options: $1)
                }
                let unit = connection.json ? "" : await EvalLookup.unitLabel(period.unit?.unitID ?? "", caller)
                return (response, "\(unit), \(EvalSpans.label(EvalSpans.span(of: period)))")
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(EvaluationText.proposed(response, period: label))
        }
    }
}
