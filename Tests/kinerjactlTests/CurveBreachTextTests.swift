import KinerjaProto
import Testing
@testable import kinerjactl

/// A refused finalisation explained for a person: each breach's rule, count and limit, from the
/// status details (`CurveBreachInfo`, `ErrorInfo`, `PreconditionFailure`).
@Suite("Curve breach explanation")
struct CurveBreachTextTests {
    static let tooManyBaik = Common.CurveBreach(
        unitID: "01JUNIT", organisationRating: .baik,
        bound: Common.CurveBound(predikat: .baik, maxPercent: 70, maxCount: 14, ruleText: "at most 70% Baik (SE MenPANRB 3/2023)"),
        actualCount: 16, actualPercent: 80, population: 20, explanation: "16 of 20 rated (80%) are Baik; at most 14 of 20 allowed",
        explanationID: "16 dari 20 pegawai yang dinilai (80%) Baik; paling banyak 14 dari 20")
    static let noneBelow = Common.CurveBreach(
        unitID: "01JUNIT", organisationRating: .baik,
        bound: Common.CurveBound(predikat: .butuhPerbaikan, alsoPredikat: .kurang, maxPercent: 100, minCount: 1, maxCount: 20),
        actualCount: 0, actualPercent: 0, population: 20)

    @Test("each breach names the rule, the count with its share of the rated, and the limit it breaks")
    func explanation() throws {
        let text = CurveBreachText.explanation([Self.tooManyBaik, Self.noneBelow])
        let lines = text.split(separator: "\n").map(String.init)
        try #require(lines.count == 8)
        #expect(lines[0] == "The distribution curve is breached (organisation rating Baik): 2 rules broken.")
        #expect(lines[1] == "  1. Rule:  at most 70% Baik (SE MenPANRB 3/2023)")
        #expect(lines[2] == "     Count: 16 of 20 rated (80%) are Baik")
        #expect(lines[3] == "     Limit: at most 14 of 20")
        #expect(lines[4] == "     Penjelasan: 16 dari 20 pegawai yang dinilai (80%) Baik; paling banyak 14 dari 20")
        // Without the service's wording, the rule is read from the bound itself.
        #expect(lines[5] == "  2. Rule:  at least one Butuh Perbaikan or Kurang/Misconduct")
        #expect(lines[6] == "     Count: 0 of 20 rated (0%) are Butuh Perbaikan or Kurang/Misconduct")
        #expect(lines[7] == "     Limit: at least 1 of 20")
    }

    @Test("a breach of a sub-unit's own curve names its unit; breaches of the period's own curve do not")
    func subunitBreach() throws {
        var bidang = Self.noneBelow
        bidang.unitID = "01JBIDANG"
        let text = CurveBreachText.explanation([bidang], periodUnitID: "01JUNIT")
        let lines = text.split(separator: "\n").map(String.init)
        try #require(lines.count == 5)
        #expect(lines[1] == "  1. Unit:  01JBIDANG")
        #expect(lines[2] == "     Rule:  at least one Butuh Perbaikan or Kurang/Misconduct")
        #expect(!CurveBreachText.explanation([Self.tooManyBaik], periodUnitID: "01JUNIT").contains("Unit:"))
        // Several units in one refusal: each breach says whose curve it breaks.
        let both = CurveBreachText.explanation([Self.tooManyBaik, bidang]).split(separator: "\n").map(String.init)
        #expect(both.filter { $0.contains("Unit:  ") }.count == 2)
    }

    @Test("a bound of none and a percent minimum read as the SE words them")
    func boundWords() {
        let none = Common.CurveBreach(organisationRating: .sangatKurang, bound: Common.CurveBound(predikat: .sangatBaik, maxPercent: 0, maxCount: 0),
                                      actualCount: 1, actualPercent: 10, population: 10)
        #expect(CurveBreachText.rule(none.bound ?? Common.CurveBound()) == "none Sangat Baik")
        #expect(CurveBreachText.limit(none) == "none allowed" && CurveBreachText.count(none) == "1 of 10 rated (10%) is Sangat Baik")
        let sixty = Common.CurveBound(predikat: .kurang, minPercent: 60, maxPercent: 100, minCount: 6, maxCount: 10)
        #expect(CurveBreachText.rule(sixty) == "at least 60% Kurang/Misconduct")
        let short = Common.CurveBreach(bound: sixty, actualCount: 4, actualPercent: 40, population: 10)
        #expect(CurveBreachText.limit(short) == "at least 6 of 10")
    }

    @Test("a refused finalisation: the message, the breaches, the reason code with its facts, and how the pimpinan overrides")
    func refusal() throws {
        let error = RPCError(.failedPrecondition, "the distribution curve is breached: 2 rules", details: [
            RPC.StatusDetail(detail: .curveBreach(RPC.CurveBreachInfo(breaches: [Self.tooManyBaik, Self.noneBelow]))),
            RPC.StatusDetail(detail: .errorInfo(RPC.ErrorInfo(reason: "CURVE_BREACHED", domain: "evaluation.kinerja.kupangkota.go.id",
                                                              metadata: [RPC.MetadataEntry(key: "breach_count", value: "2")]))),
        ])
        let text = try #require(CurveBreachText.refusal(error, overrideGiven: false))
        #expect(text.hasPrefix("Finalisation refused: the distribution curve is breached: 2 rules\nThe distribution curve is breached"))
        #expect(text.contains("Count: 16 of 20 rated (80%) are Baik") && text.contains("Limit: at least 1 of 20"))
        #expect(text.contains("Reason: CURVE_BREACHED (breach_count=2)"))
        #expect(text.hasSuffix("To accept these breaches the pimpinan finalises with --override-reason \"…\" (20–2000 characters; audited)."))
        let overridden = try #require(CurveBreachText.refusal(error, overrideGiven: true))
        #expect(!overridden.contains("--override-reason"))
        // The one stderr line that follows stays one line, with the status.
        #expect(ErrorReporting.report(error).line == "error: FAILED_PRECONDITION: the distribution curve is breached: 2 rules")
    }

    @Test("unrated evaluations are listed from the precondition failure, with no override advice; a bare status adds nothing")
    func unrated() throws {
        let error = RPCError(.failedPrecondition, "2 evaluations are not rated", details: [
            RPC.StatusDetail(detail: .errorInfo(RPC.ErrorInfo(reason: "EVALUATIONS_UNRATED"))),
            RPC.StatusDetail(detail: .preconditionFailure(RPC.PreconditionFailure(violations: [
                RPC.PreconditionViolation(kind: "STATE", subject: "evaluation/01JA", description: "must be RATED, is PROPOSED"),
                RPC.PreconditionViolation(kind: "STATE", subject: "evaluation/01JB", description: "must be RATED, is PARTIALLY_RATED"),
            ]))),
        ])
        let text = try #require(CurveBreachText.refusal(error, overrideGiven: false))
        #expect(text == """
            Finalisation refused: 2 evaluations are not rated
            Reason: EVALUATIONS_UNRATED
              - STATE evaluation/01JA: must be RATED, is PROPOSED
              - STATE evaluation/01JB: must be RATED, is PARTIALLY_RATED
            """)
        #expect(CurveBreachText.refusal(RPCError(.aborted, "revision mismatch"), overrideGiven: false) == nil)
    }

    @Test("server text cannot move the cursor: control characters in an explanation are neutralised")
    func sanitised() {
        var breach = Self.tooManyBaik
        breach.explanationID = "16 dari 20\u{1B}[2J\nBaik"
        #expect(!CurveBreachText.explanation([breach]).contains("\u{1B}"))
    }

    @Test("finalise's summary: how many locked, the snapshots' digest, the breaches accepted, the peers still to acknowledge")
    func finaliseSummary() {
        let period = Evaluation.EvaluationPeriod(
            state: .finalised,
            finalisations: [Evaluation.FinalisationRecord(number: 2, snapshotCount: 20, snapshotsSha256: Array(repeating: 0xAB, count: 32))],
            lockDeliveries: [Evaluation.LockDelivery(peer: "reporting", action: "lock", delivered: true),
                             Evaluation.LockDelivery(peer: "planning", action: "lock", attempts: 3, lastError: "UNAVAILABLE")])
        let text = Kinerjactl.Eval.Finalise.summary(
            Evaluation.FinalisePeriodResponse(period: period, breaches: [Self.tooManyBaik], finalisedCount: 20), label: "KPG.DUKCAPIL, triwulan II 2026")
        #expect(text.hasPrefix("Finalised KPG.DUKCAPIL, triwulan II 2026: 20 evaluations locked.\nFinalisation 2: 20 snapshots, sha256:abab"))
        #expect(text.contains("Curve breaches accepted by the override (audited):") && text.contains("Limit: at most 14 of 20"))
        #expect(text.hasSuffix("Not yet acknowledged by: planning (lock); the service keeps retrying."))
    }
}
