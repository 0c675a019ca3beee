import KinerjaProto

/// Breaches of the distribution curve explained for a person: the rule, the count and the limit
/// of each, from the breaches themselves (`CurveBreach`) or from a refused finalisation's status
/// details (`CurveBreachInfo`, `ErrorInfo`, `PreconditionFailure`).
enum CurveBreachText {
    /// The breaches, numbered, each with its rule, count, limit and the service's Indonesian wording;
    /// with the unit when it is not the period's own (a sub-unit's own curve) or the breaches name several.
    static func explanation(_ breaches: [Common.CurveBreach], periodUnitID: String = "") -> String {
        guard let first = breaches.first else { return "The curve holds: no breach." }
        var lines = ["The distribution curve is breached" + (first.organisationRating == .unspecified ? "" : " (organisation rating \(Display.name(first.organisationRating)))")
            + ": \(breaches.count) rule\(breaches.count == 1 ? "" : "s") broken."]
        for (index, breach) in breaches.enumerated() {
            let bound = breach.bound ?? Common.CurveBound()
            let prefix = "  \(index + 1). "
            let indent = String(repeating: " ", count: prefix.count)
            if Set(breaches.map(\.unitID)).count > 1 || !(breach.unitID.isEmpty || breach.unitID == periodUnitID || periodUnitID.isEmpty) {
                lines.append(prefix + "Unit:  " + TerminalText.sanitized(breach.unitID))
                lines.append(indent + "Rule:  " + rule(bound))
            } else {
                lines.append(prefix + "Rule:  " + rule(bound))
            }
            lines.append(indent + "Count: " + count(breach))
            lines.append(indent + "Limit: " + limit(breach))
            if !breach.explanationID.isEmpty { lines.append(indent + "Penjelasan: " + TerminalText.sanitized(breach.explanationID)) }
            if !bound.adjustment.isEmpty { lines.append(indent + "Small-unit rule: " + TerminalText.sanitized(bound.adjustment)) }
        }
        return lines.joined(separator: "\n")
    }

    /// The rule as the service words it, else as the bound says.
    static func rule(_ bound: Common.CurveBound) -> String {
        if !bound.ruleText.isEmpty { return TerminalText.sanitized(bound.ruleText) }
        var parts: [String] = []
        if bound.minCount > 0 { parts.append(bound.minPercent > 0 ? "at least \(CurveText.percent(bound.minPercent))" : "at least one") }
        if bound.maxPercent < 100 { parts.append(bound.maxPercent == 0 ? "none" : "at most \(CurveText.percent(bound.maxPercent))") }
        return (parts.isEmpty ? "a bound on" : parts.joined(separator: " and ")) + " " + subject(bound)
    }

    /// `Baik`, `Butuh Perbaikan or Kurang/Misconduct`.
    static func subject(_ bound: Common.CurveBound) -> String {
        [bound.predikat, bound.alsoPredikat].filter { $0 != .unspecified }.map(EvaluationText.predikat).joined(separator: " or ")
    }

    /// `16 of 20 rated (80%) are Baik`.
    static func count(_ breach: Common.CurveBreach) -> String {
        "\(breach.actualCount) of \(breach.population) rated (\(CurveText.percent(breach.actualPercent))) "
            + (breach.actualCount == 1 ? "is " : "are ") + subject(breach.bound ?? Common.CurveBound())
    }

    /// `at most 14 of 20`, `at least 1 of 20`: the bound the count breaks.
    static func limit(_ breach: Common.CurveBreach) -> String {
        let bound = breach.bound ?? Common.CurveBound()
        if breach.actualCount > bound.maxCount {
            return bound.maxCount == 0 ? "none allowed" : "at most \(bound.maxCount) of \(breach.population)"
        }
        return "at least \(bound.minCount) of \(breach.population)"
    }

    /// What a refused finalisation says, for a person: the service's message, the breaches, the
    /// reason code with its facts and the failed preconditions, and how to override. Nil when
    /// the status carries nothing beyond its message.
    static func refusal(_ error: RPCError, overrideGiven: Bool, periodUnitID: String = "") -> String? {
        var breaches: [Common.CurveBreach] = []
        var reasons: [String] = []
        var preconditions: [String] = []
        for detail in error.details {
            switch detail.detail {
            case .curveBreach(let info)?:
                breaches += info.breaches
            case .errorInfo(let info)?:
                let facts = info.metadata.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
                reasons.append(info.reason + (facts.isEmpty ? "" : " (\(facts))"))
            case .preconditionFailure(let failure)?:
                preconditions += failure.violations.map { violation in
                    [violation.kind, violation.subject].filter { !$0.isEmpty }.joined(separator: " ") + ": " + violation.description
                }
            default:
                break
            }
        }
        guard !breaches.isEmpty || !reasons.isEmpty || !preconditions.isEmpty else { return nil }
        var lines = ["Finalisation refused: " + TerminalText.sanitized(error.message)]
        if !breaches.isEmpty { lines.append(explanation(breaches, periodUnitID: periodUnitID)) }
        if !reasons.isEmpty { lines.append("Reason: " + TerminalText.sanitized(reasons.joined(separator: "; "))) }
        for precondition in preconditions { lines.append("  - " + TerminalText.sanitized(precondition)) }
        if !breaches.isEmpty, !overrideGiven {
            lines.append("To accept these breaches the pimpinan finalises with --override-reason \"…\" "
                + "(\(EvalValues.periodReason.lowerBound)–\(EvalValues.periodReason.upperBound) characters; audited).")
        }
        return lines.joined(separator: "\n")
    }
}
