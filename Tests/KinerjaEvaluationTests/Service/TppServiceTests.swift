import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("TPP input: the Perwali's rule as versioned data and a month's factor per employee", .serialized)
struct TppServiceTests {
    /// A sample configuration (not Kupang's rule): Sangat Baik 110, Baik 100, Butuh Perbaikan 80, Kurang 60, Sangat Kurang 40.
    static func rule(year: Int32, month: Int32, basis: String = "Perwali contoh (bukan aturan Kupang)") -> Evaluation.TppRule {
        let percents: [(Common.Predikat, Double)] = [(.sangatBaik, 110), (.baik, 100), (.butuhPerbaikan, 80), (.kurang, 60), (.sangatKurang, 40)]
        return Evaluation.TppRule(effectiveYear: year, effectiveMonth: month, factors: percents.map { Evaluation.TppFactor(predikat: $0.0, percent: $0.1) },
                                  legalBasis: basis)
    }

    static func export(_ client: Evaluation.EvaluationService.Client, _ request: Evaluation.ExportTppRequest,
                       options: CallOptions = .defaults) async throws -> [Evaluation.ExportTppResponse] {
        try await client.exportTpp(request, options: options) { responses in
            var rows: [Evaluation.ExportTppResponse] = []
            for try await row in responses { rows.append(row) }
            return rows
        }
    }

    @Test("a finalised month gives each employee the factor of their predikat; everyone else of the unit is listed with the reason")
    func export() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let month = Common.Period(year: witaToday.year, kind: .monthly, month: witaToday.month)
            _ = try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: Self.rule(year: witaToday.year, month: 1),
                                                                                 reason: "Perwali TPP tahun berjalan"), options: hr)
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", period: month)
            try await fixture.decide(period, .baik)
            let evaluations = try await fixture.evaluations(period.periodID)
            try await fixture.rateCompliantBaik(evaluations)
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            let finalised = try await fixture.evaluations(period.periodID)

            // The whole Dafduk (with its other seksi, which have no monthly period): nobody is dropped.
            let dafduk = Common.UnitScope(unitID: try await fixture.unitID("KPG.DUKCAPIL.DAFDUK"), includeSubunits: true)
            let rows = try await Self.export(fixture.hrPortal, Evaluation.ExportTppRequest(unit: dafduk, year: witaToday.year, month: witaToday.month))
            // The demo organisation identity was seeded with (read without asking identity).
            let members = fixture.identity.organisation.employees
                .filter { $0.unitCode.hasPrefix("KPG.DUKCAPIL.DAFDUK") && $0.employee.status == .aktif }.map(\.employee)
            try #require(!members.isEmpty)
            #expect(rows.map { $0.employee?.nip ?? "" } == rows.map { $0.employee?.nip ?? "" }.sorted(), "NIP order")
            #expect(Set(rows.map { $0.employee?.nip ?? "" }) == Set(members.map(\.nip)), "every member of the unit")
            let byNIP = Dictionary(uniqueKeysWithValues: rows.map { ($0.employee?.nip ?? "", $0) })
            let factors: [Common.Predikat: Double] = [.sangatBaik: 110, .baik: 100, .butuhPerbaikan: 80, .kurang: 60, .sangatKurang: 40]
            for evaluation in finalised {
                let row = try #require(byNIP[evaluation.employee?.nip ?? ""])
                #expect(row.hasFactor && row.factorPercent == factors[evaluation.predikat] && row.predikat == evaluation.predikat)
                #expect(row.evaluationID == evaluation.evaluationID && row.ruleVersion == 1 && row.missingReason.isEmpty)
            }
            let others = rows.filter { row in !finalised.contains { $0.employee?.nip == row.employee?.nip } }
            #expect(!others.isEmpty && others.allSatisfy { !$0.hasFactor && $0.missingReason == "NO_PERIOD" && !$0.missingMessage.isEmpty })

            // A later version in force from next month does not change this month's export.
            let next = witaToday.month == 12 ? (witaToday.year + 1, Int32(1)) : (witaToday.year, witaToday.month + 1)
            var later = Self.rule(year: next.0, month: next.1)
            later.factors[1].percent = 90
            let stored = try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: later, reason: "Perubahan Perwali", expectedVersion: 1), options: hr)
            let pengelola = try fixture.nip("pengelola")
            #expect(stored.rule?.version == 2 && stored.rule?.set?.principal == pengelola)
            let again = try await Self.export(fixture.hrPortal, Evaluation.ExportTppRequest(unit: dafduk, year: witaToday.year, month: witaToday.month))
            #expect(again == rows)
            let shown = try await fixture.client.getTppRule(Evaluation.GetTppRuleRequest(year: next.0, month: next.1), options: hr)
            #expect(shown.rule?.version == 2 && shown.versions.map(\.version) == [1, 2])
        }
    }

    @Test("a month not yet finalised: its employees are listed as NOT_FINALISED, never dropped")
    func notFinalised() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            _ = try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: Self.rule(year: witaToday.year, month: 1), reason: "Perwali TPP"), options: hr)
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", period: Common.Period(year: witaToday.year, kind: .monthly, month: witaToday.month))
            let evaluations = try await fixture.evaluations(period.periodID)
            let rows = try await Self.export(fixture.client, Evaluation.ExportTppRequest(unit: period.unit, year: witaToday.year, month: witaToday.month),
                                             options: hr)
            #expect(rows.count >= evaluations.count && !evaluations.isEmpty)
            for evaluation in evaluations {
                #expect(rows.first { $0.employee?.nip == evaluation.employee?.nip }?.missingReason == "NOT_FINALISED")
            }
        }
    }

    @Test("bad input changes nothing: a rule that does not parse names the field; a bad month; no rule in force; unknown unit; a pegawai or pimpinan setting the rule")
    func badInput() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let year = witaToday.year
            var missing = Self.rule(year: year, month: 1)
            missing.factors.removeLast()
            var twice = Self.rule(year: year, month: 1)
            twice.factors[4].predikat = .baik
            var tooHigh = Self.rule(year: year, month: 1)
            tooHigh.factors[2].percent = 250
            var precise = Self.rule(year: year, month: 1)
            precise.factors[0].percent = 99.999
            var unspecified = Self.rule(year: year, month: 1)
            unspecified.factors[3].predikat = .unspecified
            let rules: [(Evaluation.TppRule, String)] = [
                (missing, "rule.factors"), (twice, "rule.factors[4].predikat"), (tooHigh, "rule.factors[2].percent"),
                (precise, "rule.factors[0].percent"), (unspecified, "rule.factors[3].predikat"),
                (Self.rule(year: year, month: 13), "rule.effective_month"), (Self.rule(year: 1999, month: 1), "rule.effective_year"),
                (Self.rule(year: year, month: 1, basis: " "), "rule.legal_basis"),
            ]
            for (rule, field) in rules {
                let refusal = try await fixture.refused(.invalidArgument, Comment(rawValue: "a rule with a bad \(field)")) {
                    try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: rule, reason: "Perwali TPP"), options: hr)
                }
                #expect(refusal?.message.hasPrefix(field + ":") == true, "\(refusal?.message ?? "") names \(field)")
            }
            let unit = Common.UnitScope(unitID: try await fixture.unitID("KPG.DUKCAPIL"))
            try await fixture.refused(.failedPrecondition, reason: "TPP_RULE_MISSING", "an export before any rule is set") {
                try await Self.export(fixture.hrPortal, Evaluation.ExportTppRequest(unit: unit, year: year, month: 1))
            }
            try await fixture.refused(.permissionDenied, "the pimpinan setting the TPP rule") {
                try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: Self.rule(year: year, month: 1), reason: "Perwali TPP"),
                                                    options: try await fixture.signIn("pimpinan"))
            }
            let denied = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/SetTppRule")
            let pimpinan = try fixture.nip("pimpinan")
            #expect(denied.contains { $0.outcome == .denied && $0.principal == pimpinan })
            _ = try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: Self.rule(year: year, month: 1), reason: "Perwali TPP"), options: hr)
            for (y, m, what) in [(year, Int32(0), "month 0"), (year, 13, "month 13"), (1999, 5, "year 1999")] {
                try await fixture.refused(.invalidArgument, Comment(rawValue: what)) {
                    try await Self.export(fixture.hrPortal, Evaluation.ExportTppRequest(unit: unit, year: y, month: m))
                }
            }
            try await fixture.refused(.notFound, reason: "UNIT_NOT_FOUND", "an unknown unit") {
                try await Self.export(fixture.hrPortal, Evaluation.ExportTppRequest(unit: Common.UnitScope(unitID: "01J9Z3K5W8T4M6N2P0Q7R1S3V5"), year: year, month: 1))
            }
            try await fixture.refused(.aborted, "a stale expected_version") {
                try await fixture.client.setTppRule(Evaluation.SetTppRuleRequest(rule: Self.rule(year: year, month: 2), reason: "Perwali TPP", expectedVersion: 7), options: hr)
            }
        }
    }
}
