import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval finalise`.
    struct Finalise: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Finalise a unit's period (the pimpinan above the unit): every evaluation locked with a snapshot.",
            discussion: """
            Every counted evaluation must be rated and the curve must hold. A breach is refused with an explanation \
            naming each rule, the count and the limit; --override-reason (20–2000 characters, audited) accepts the \
            breaches. --unit with a period id is checked against the period's unit before anything is finalised. \
            Reporting (and planning, for an annual period) are then told to lock the period.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(help: "Accept the curve's breaches for this reason (20–2000 characters; audited).") var overrideReason: String?

        func validate() throws {
            _ = try EvalValues.text(overrideReason, option: "--override-reason", range: EvalValues.periodReason)
        }

        func run() async throws {
            let reason = try EvalValues.text(overrideReason, option: "--override-reason", range: EvalValues.periodReason) ?? ""
            let (response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await selection.resolve(caller)
                let label = connection.json ? "" : "\(await EvalLookup.unitLabel(period.unit?.unitID ?? "", caller)), "
                    + EvalSpans.label(EvalSpans.span(of: period))
                let request = Evaluation.FinalisePeriodRequest(periodID: period.periodID, overrideReason: reason, expectedRevision: period.revision)
                do {
                    let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-finalise")) {
                        try await $0.finalisePeriod(request, options: $1)
                    }
                    return (response, label)
                } catch let error as RPCError {
                    Self.explain(error, overrideGiven: !reason.isEmpty, json: connection.json, periodUnitID: period.unit?.unitID ?? "")
                    throw error
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print(Self.summary(response, label: label))
        }

        /// A refusal's details for a person on stderr (the breach explanation), or its curve details as JSON on stdout.
        static func explain(_ error: RPCError, overrideGiven: Bool, json: Bool, periodUnitID: String = "") {
            if json {
                for detail in error.details { if case .curveBreach(let info)? = detail.detail { print(info.jsonString()) } }
                return
            }
            if let text = CurveBreachText.refusal(error, overrideGiven: overrideGiven, periodUnitID: periodUnitID) { StandardError.line(text) }
        }

        /// What was finalised: how many, the snapshots' digest, the breaches accepted.
        static func summary(_ response: Evaluation.FinalisePeriodResponse, label: String) -> String {
            let period = response.period ?? Evaluation.EvaluationPeriod()
            var lines = ["Finalised \(label): \(response.finalisedCount) evaluations locked."]
            if let record = period.finalisations.last {
                lines.append("Finalisation \(record.number): \(record.snapshotCount) snapshots, sha256:\(Display.hex(record.snapshotsSha256)).")
            }
            if !response.breaches.isEmpty {
                lines.append("Curve breaches accepted by the override (audited):")
                lines.append(CurveBreachText.explanation(response.breaches))
            }
            let pending = period.lockDeliveries.filter { !$0.delivered }.map { "\($0.peer) (\($0.action))" }
            if !pending.isEmpty { lines.append("Not yet acknowledged by: \(pending.joined(separator: ", ")); the service keeps retrying.") }
            return lines.joined(separator: "\n")
        }
    }
}
