import KinerjaProto
import Testing
@testable import kinerjactl

@Suite("eval development-needs: Butuh Perbaikan or below in the year's finalised evaluations")
struct DevelopmentNeedsTests {
    static func evaluation(_ nip: String, _ span: Evaluation.EvaluationSpan, _ predikat: Common.Predikat,
                           state: Evaluation.EvaluationState = .finalised) -> Evaluation.EmployeeEvaluation {
        var evaluation = Evaluation.EmployeeEvaluation()
        evaluation.evaluationID = "e-\(nip)-\(span.kind.rawValue)-\(span.number)"
        evaluation.employee = Common.EmployeeRef(nip: nip, displayName: "Pegawai \(nip.suffix(2))")
        evaluation.span = span
        evaluation.predikat = predikat
        evaluation.state = state
        return evaluation
    }

    @Test("the spans that have begun: in August, the year, both semesters, triwulan I–III and months 1–8")
    func spans() {
        let spans = DevelopmentNeeds.spans(year: 2026, through: 8)
        #expect(spans.filter { $0.kind == .annual }.count == 1)
        #expect(spans.filter { $0.kind == .semester }.map(\.number) == [1, 2])
        #expect(spans.filter { $0.kind == .quarterly }.map(\.number) == [1, 2, 3])
        #expect(spans.filter { $0.kind == .monthly }.map(\.number) == Array(1...8))
        #expect(DevelopmentNeeds.spans(year: 2025, through: 12).count == 1 + 2 + 4 + 12)
    }

    @Test("one row per employee in NIP order with each span found and the lowest predikat; not finalised or Baik is no need")
    func collect() {
        let q1 = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 1)
        let q2 = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2)
        let needs = DevelopmentNeeds.collect([
            Self.evaluation("199002022015032002", q1, .butuhPerbaikan),
            Self.evaluation("199001012015031001", q1, .kurang),
            Self.evaluation("199002022015032002", q2, .sangatKurang),
            Self.evaluation("199003032015031003", q1, .baik),
            Self.evaluation("199004042015032004", q2, .butuhPerbaikan, state: .rated),
        ])
        #expect(needs.map(\.employee.nip) == ["199001012015031001", "199002022015032002"])
        #expect(needs[1].findings.map(\.predikat) == [.butuhPerbaikan, .sangatKurang] && needs[1].worst == .sangatKurang)
        #expect(needs[0].worst == .kurang)
        let rendered = DevelopmentNeeds.table(needs).render()
        #expect(rendered.contains("2026-Q1") && rendered.contains("2026-Q2") && rendered.contains("Sangat Kurang"))
    }

    @Test("--unit is required; --year 2000–2100")
    func arguments() throws {
        _ = try Kinerjactl.Eval.DevelopmentNeedsCommand.parse(["--unit", "KPG.DUKCAPIL", "--year", "2026", "--subunits"])
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.DevelopmentNeedsCommand.parse(["--year", "2026"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.DevelopmentNeedsCommand.parse(["--unit", "KPG.DUKCAPIL", "--year", "1999"]) }
    }
}
