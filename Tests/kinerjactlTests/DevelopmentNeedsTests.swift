import KinerjaProto
import Testing
@testable import kinerjactl

@Suite("eval development-needs and eval competence: the rows, the arguments")
struct DevelopmentNeedsTests {
    static func row(_ nip: String, jp: UInt32, findings: [(Evaluation.EvaluationSpan, Common.Predikat)], needs: [String]) -> Evaluation.ListDevelopmentNeedsResponse {
        var row = Evaluation.ListDevelopmentNeedsResponse()
        row.employee = Common.EmployeeRef(nip: nip, displayName: "Pegawai \(nip.suffix(2))")
        row.totalJp = jp
        row.minimumJp = 20
        row.findings = findings.map { Evaluation.DevelopmentFinding(evaluationID: "e-\(nip)", span: $0.0, predikat: $0.1) }
        row.needs = needs
        return row
    }

    @Test("the summary counts each need; the table shows the spans with their predikat, the JP and the needs")
    func rendering() {
        let q1 = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 1)
        let q2 = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2)
        let rows = [
            Self.row("199001012015031001", jp: 24, findings: [(q1, .kurang)], needs: ["PREDIKAT"]),
            Self.row("199002022015032002", jp: 8, findings: [(q1, .butuhPerbaikan), (q2, .sangatKurang)], needs: ["PREDIKAT", "BELOW_MINIMUM_JP"]),
            Self.row("199003032015031003", jp: 0, findings: [], needs: ["BELOW_MINIMUM_JP"]),
        ]
        let summary = DevelopmentNeeds.summary(rows, year: 2026)
        #expect(summary.contains("2 pegawai dengan predikat") && summary.contains("2 pegawai dengan pengembangan kompetensi di bawah 20 JP"))
        let rendered = DevelopmentNeeds.table(rows).render()
        #expect(rendered.contains("2026-Q1") && rendered.contains("2026-Q2") && rendered.contains("Sangat Kurang"))
        #expect(rendered.contains("< 20 JP") && rendered.contains("predikat"))
    }

    @Test("a year's competence: the total against the minimum, met or short by how much")
    func competence() {
        var record = Evaluation.CompetenceDevelopment()
        record.recordID = "01JCOMPETENCE"
        record.title = "Pelatihan Pelayanan Publik Prima"
        record.kind = .pelatihanKlasikal
        record.endDate = Common.Date(year: 2026, month: 3, day: 4)
        record.jp = 12
        record.organiser = "BPSDM Provinsi NTT"
        let short = CompetenceText.render(Evaluation.ListCompetenceDevelopmentResponse(developments: [record], totalJp: 12, minimumJp: 20), year: 2026)
        #expect(short.contains("2026-03-04") && short.contains("Pelatihan klasikal") && short.contains("kurang 8 JP"))
        let met = CompetenceText.render(Evaluation.ListCompetenceDevelopmentResponse(developments: [record, record], totalJp: 24, minimumJp: 20), year: 2026)
        #expect(met.contains("24 JP dari minimal 20 JP") && met.contains("terpenuhi") && !met.contains("belum"))
    }

    @Test("--unit is required; --year 2000–2100; competence add checks kind and dates before calling")
    func arguments() throws {
        _ = try Kinerjactl.Eval.DevelopmentNeedsCommand.parse(["--unit", "KPG.DUKCAPIL", "--year", "2026", "--subunits", "--all"])
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.DevelopmentNeedsCommand.parse(["--year", "2026"]) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.DevelopmentNeedsCommand.parse(["--unit", "KPG.DUKCAPIL", "--year", "1999"]) }
        let add = ["--title", "Coaching", "--kind", "nonklasikal", "--from", "2026-03-02", "--jp", "4", "--organiser", "BKPSDM"]
        let parsed = try Kinerjactl.Eval.Competence.Add.parse(add)
        #expect(try parsed.development().endDate == Common.Date(year: 2026, month: 3, day: 2))
        #expect(try parsed.development().kind == .pelatihanNonklasikal)
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Competence.Add.parse(add.map { $0 == "nonklasikal" ? "webinar" : $0 }) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Competence.Add.parse(add.map { $0 == "2026-03-02" ? "2026-02-30" : $0 }) }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Competence.Add.parse(add + ["--nip", "12345"]) }
    }
}
