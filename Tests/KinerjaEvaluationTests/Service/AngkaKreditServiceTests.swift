import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("ListAngkaKredit: angka kredit of jabatan fungsional from finalised evaluations", .serialized)
struct AngkaKreditServiceTests {
    /// Opens, decides, rates and finalises a triwulan of Dafduk with its seksi; returns the unit scope and the evaluations.
    static func finalised(_ fixture: EvaluationFixture) async throws -> (Common.UnitScope, [Evaluation.EmployeeEvaluation]) {
        let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
        try await fixture.decide(period, .baik)
        try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
        let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
        _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
        return (try #require(period.unit), try await fixture.evaluations(period.periodID))
    }

    @Test("a unit's jabatan fungsional get the predikat's percentage of their jenjang's koefisien for the months held; others are not listed")
    func unit() async throws {
        try await withEvaluation { fixture in
            let (unit, evaluations) = try await Self.finalised(fixture)
            let fungsional = evaluations.filter { $0.jenisJabatan == .fungsional && $0.state == .finalised }
            try #require(!fungsional.isEmpty, "the demo unit has jabatan fungsional")
            // The demo organisation identity was seeded with (read without asking identity).
            let people = Dictionary(uniqueKeysWithValues: fixture.identity.organisation.employees.map { ($0.employee.nip, $0.employee) })
            let response = try await fixture.client.listAngkaKredit(Evaluation.ListAngkaKreditRequest(unit: unit, year: witaToday.year),
                                                                     options: try await fixture.signIn("pengelola"))
            #expect(response.koefisien.count == 8 && response.koefisien.first { $0.jenjang == .ahliPertama }?.annual == 12.5)
            #expect(response.employees.contains { !$0.counted.isEmpty && $0.total > 0 }, "someone converts")
            let listed = Dictionary(uniqueKeysWithValues: response.employees.map { ($0.employee?.nip ?? "", $0) })
            #expect(Set(listed.keys) == Set(fungsional.compactMap { $0.employee?.nip }), "every jabatan fungsional, nobody else")
            for evaluation in fungsional {
                let nip = try #require(evaluation.employee?.nip)
                let entry = try #require(listed[nip])
                let person = try #require(people[nip])
                let jenjang = try #require(Evaluation.JenjangFungsional(jabatanName: person.jabatanName), "\(person.jabatanName)")
                #expect(entry.jenjang == jenjang && entry.jabatanName == person.jabatanName)
                let span = try #require(evaluation.span)
                let held = AngkaKredit.months(of: span, heldFrom: person.tmtJabatan)
                if held == 0 {
                    #expect(entry.counted.isEmpty && entry.skipped.map(\.reason) == ["BEFORE_TMT_JABATAN"])
                    continue
                }
                let koefisien = try AngkaKreditTable.permenPANRB2023.annualKoefisien(jenjang)
                let percent = try #require(AngkaKredit.percent(for: evaluation.predikat))
                let expected = Double(held) / 12 * percent / 100 * koefisien
                let conversion = try #require(entry.counted.first)
                #expect(entry.counted.count == 1 && conversion.evaluationID == evaluation.evaluationID)
                #expect(conversion.months == UInt32(held) && conversion.predikatPercent == percent && conversion.annualKoefisien == koefisien)
                #expect(abs(conversion.angkaKredit - expected) < 1e-9 && abs(entry.total - expected) < 1e-9)
            }
        }
    }

    @Test("the employee reads their own, the HR portal any; another pegawai is refused and audited")
    func whoReads() async throws {
        try await withEvaluation { fixture in
            let (_, evaluations) = try await Self.finalised(fixture)
            let fungsional = evaluations.filter { $0.jenisJabatan == .fungsional }.compactMap { $0.employee?.nip }
            let nip = try #require(fungsional.first)
            // A colleague in the same seksi who leads nothing (not an atasan of the employee).
            let other = try #require(evaluations.first { $0.employee?.nip != nip && !$0.unitLeader }?.employee?.nip)
            let request = Evaluation.ListAngkaKreditRequest(nip: nip, year: witaToday.year)
            let own = try await fixture.client.listAngkaKredit(request, options: try await fixture.signIn(nip: nip))
            #expect(own.employees.map { $0.employee?.nip } == [nip] && own.employees.first?.counted.count ?? 0 <= 1)
            let portal = try await fixture.hrPortal.listAngkaKredit(request)
            #expect(portal == own)
            try await fixture.refused(.permissionDenied, "a colleague reading someone's angka kredit") {
                try await fixture.client.listAngkaKredit(request, options: try await fixture.signIn(nip: other))
            }
            let denials = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/ListAngkaKredit")
            #expect(denials.contains { $0.outcome == .denied && $0.principal == other })
        }
    }

    @Test("bad requests are refused with the field named: no year, a year out of range, neither or both of nip and unit, a malformed NIP; unknown employee and unit are NOT_FOUND")
    func badInput() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let unit = Common.UnitScope(unitID: try await fixture.unitID("KPG.DUKCAPIL"))
            let nip = try #require(fixture.identity.organisation.employees.first?.employee.nip)
            let year = witaToday.year
            let cases: [(Evaluation.ListAngkaKreditRequest, String)] = [
                (.init(nip: nip), "no year"), (.init(nip: nip, year: 1999), "year 1999"), (.init(year: year), "neither nip nor unit"),
                (.init(nip: nip, unit: unit, year: year), "both nip and unit"), (.init(nip: "19900101", year: year), "a short NIP"),
            ]
            for (request, what) in cases {
                try await fixture.refused(.invalidArgument, Comment(rawValue: what)) { try await fixture.client.listAngkaKredit(request, options: hr) }
            }
            let unknownNIP = "199001012015031999"
            try #require(fixture.identity.organisation.employees.allSatisfy { $0.employee.nip != unknownNIP })
            try await fixture.refused(.notFound, reason: "EMPLOYEE_NOT_FOUND", "an unknown employee") {
                try await fixture.client.listAngkaKredit(.init(nip: unknownNIP, year: year), options: hr)
            }
            try await fixture.refused(.notFound, reason: "UNIT_NOT_FOUND", "an unknown unit") {
                try await fixture.client.listAngkaKredit(.init(unit: Common.UnitScope(unitID: "01J9Z3K5W8T4M6N2P0Q7R1S3V5"), year: year), options: hr)
            }
        }
    }
}
