import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Competence development (20 JP a year) and development needs", .serialized)
struct CompetenceServiceTests {
    /// An activity that ended `daysAgo` days before today.
    static func activity(_ title: String, jp: UInt32, daysAgo: Int = 1, kind: Evaluation.CompetenceDevelopmentKind = .pelatihanKlasikal) -> Evaluation.CompetenceDevelopment {
        let end = Common.Date(daysSinceEpoch: (witaToday.daysSinceEpoch ?? 0) - daysAgo) ?? witaToday
        var record = Evaluation.CompetenceDevelopment()
        record.title = title
        record.kind = kind
        record.startDate = end
        record.endDate = end
        record.jp = jp
        record.organiser = "BPSDM Provinsi NTT"
        return record
    }

    static func needs(_ client: Evaluation.EvaluationService.Client, _ request: Evaluation.ListDevelopmentNeedsRequest,
                      options: CallOptions = .defaults) async throws -> [Evaluation.ListDevelopmentNeedsResponse] {
        try await client.listDevelopmentNeeds(request, options: options) { responses in
            var rows: [Evaluation.ListDevelopmentNeedsResponse] = []
            for try await row in responses { rows.append(row) }
            return rows
        }
    }

    /// Days since 1 January of this year (activities in this year only).
    static var daysIntoYear: Int {
        (witaToday.daysSinceEpoch ?? 0) - (Common.Date(year: witaToday.year, month: 1, day: 1).daysSinceEpoch ?? 0)
    }

    @Test("the employee records their own, HR records for them, the year's list sums the JP; a withdrawn record no longer counts; each change audited")
    func recordListWithdraw() async throws {
        try await withEvaluation { fixture in
            let pegawai = try fixture.nip("pegawai")
            let own = try await fixture.signIn("pegawai")
            let hr = try await fixture.signIn("pengelola")
            let first = try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                nip: pegawai, development: Self.activity("  E-learning Literasi Digital ASN ", jp: 8, kind: .pelatihanNonklasikal)), options: own)
            let stored = try #require(first.development)
            #expect(stored.title == "E-learning Literasi Digital ASN" && stored.employee?.nip == pegawai && !stored.recordID.isEmpty)
            #expect(stored.recorded?.principal == pegawai)
            let daysBack = min(3, Self.daysIntoYear)
            _ = try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                nip: pegawai, development: Self.activity("Pelatihan Pelayanan Publik Prima", jp: 12, daysAgo: daysBack)), options: hr)
            var listed = try await fixture.client.listCompetenceDevelopment(Evaluation.ListCompetenceDevelopmentRequest(nip: pegawai, year: witaToday.year), options: own)
            #expect(listed.totalJp == 20 && listed.minimumJp == 20 && listed.developments.count == 2)
            #expect(listed.developments.map(\.jp) == [12, 8], "by end date")
            // Another year holds nothing.
            let other = try await fixture.client.listCompetenceDevelopment(Evaluation.ListCompetenceDevelopmentRequest(nip: pegawai, year: witaToday.year - 1), options: hr)
            #expect(other.developments.isEmpty && other.totalJp == 0)

            _ = try await fixture.client.withdrawCompetenceDevelopment(
                Evaluation.WithdrawCompetenceDevelopmentRequest(recordID: stored.recordID, reason: "dicatat dua kali"), options: own)
            listed = try await fixture.client.listCompetenceDevelopment(Evaluation.ListCompetenceDevelopmentRequest(nip: pegawai, year: witaToday.year), options: hr)
            #expect(listed.totalJp == 12 && listed.developments.count == 1)
            try await fixture.refused(.notFound, reason: "RECORD_NOT_FOUND", "withdrawing it twice") {
                try await fixture.client.withdrawCompetenceDevelopment(
                    Evaluation.WithdrawCompetenceDevelopmentRequest(recordID: stored.recordID, reason: "lagi"), options: own)
            }
            let audited = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/RecordCompetenceDevelopment")
            #expect(audited.filter { $0.outcome == .success }.count == 2)
            let withdrawn = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/WithdrawCompetenceDevelopment")
            #expect(withdrawn.contains { $0.outcome == .success && $0.detail.contains("dicatat dua kali") })
        }
    }

    @Test("development needs: Butuh Perbaikan in a finalised period, or under 20 JP; --all lists everyone; the HR portal reads")
    func needs() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            try await fixture.decide(period, .baik)
            let evaluations = try await fixture.evaluations(period.periodID)
            try #require(evaluations.count >= 3)
            try await fixture.rateCompliantBaik(evaluations)
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            let finalised = try await fixture.evaluations(period.periodID)
            let low = try #require(finalised.first { $0.predikat == .butuhPerbaikan })
            let lowNIP = low.employee?.nip ?? ""
            // One employee who is not low reaches 20 JP; another has 19.
            let others = finalised.map { $0.employee?.nip ?? "" }.filter { $0 != lowNIP }
            _ = try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                nip: others[0], development: Self.activity("Pelatihan Kepemimpinan Pengawas", jp: 24)), options: hr)
            _ = try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                nip: others[1], development: Self.activity("Bimbingan Teknis SKP", jp: 19)), options: hr)

            let unit = period.unit ?? Common.UnitScope()
            let rows = try await Self.needs(fixture.hrPortal, Evaluation.ListDevelopmentNeedsRequest(unit: unit, year: witaToday.year))
            #expect(rows.map { $0.employee?.nip ?? "" } == rows.map { $0.employee?.nip ?? "" }.sorted(), "NIP order")
            let byNIP = Dictionary(uniqueKeysWithValues: rows.map { ($0.employee?.nip ?? "", $0) })
            #expect(byNIP[others[0]] == nil, "24 JP and Baik or better: no need")
            #expect(byNIP[others[1]]?.needs == ["BELOW_MINIMUM_JP"] && byNIP[others[1]]?.totalJp == 19)
            let lowRow = try #require(byNIP[lowNIP])
            #expect(lowRow.needs == ["PREDIKAT", "BELOW_MINIMUM_JP"] && lowRow.findings.map(\.evaluationID) == [low.evaluationID])
            #expect(lowRow.findings.first?.predikat == .butuhPerbaikan && lowRow.minimumJp == 20 && !lowRow.unitName.isEmpty)

            let everyone = try await Self.needs(fixture.client, Evaluation.ListDevelopmentNeedsRequest(unit: unit, year: witaToday.year, includeAll: true),
                                                options: hr)
            #expect(everyone.count == rows.count + 1 && everyone.contains { $0.employee?.nip == others[0] && $0.needs.isEmpty && $0.totalJp == 24 })
        }
    }

    @Test("bad input changes nothing: each bad field named; an unknown employee or record; a future end date; a colleague recording for another; a pegawai listing needs")
    func badInput() async throws {
        try await withEvaluation { fixture in
            let pegawai = try fixture.nip("pegawai")
            let own = try await fixture.signIn("pegawai")
            let hr = try await fixture.signIn("pengelola")
            var noTitle = Self.activity(" ", jp: 4)
            noTitle.title = " "
            var noKind = Self.activity("Coaching", jp: 4)
            noKind.kind = .unspecified
            var backwards = Self.activity("Coaching", jp: 4)
            backwards.startDate = Common.Date(daysSinceEpoch: (backwards.endDate?.daysSinceEpoch ?? 0) + 1)
            var future = Self.activity("Coaching", jp: 4)
            future.endDate = Common.Date(daysSinceEpoch: (witaToday.daysSinceEpoch ?? 0) + 2)
            future.startDate = future.endDate
            var notADay = Self.activity("Coaching", jp: 4)
            notADay.startDate = Common.Date(year: 2026, month: 2, day: 30)
            var noEnd = Self.activity("Coaching", jp: 4)
            noEnd.endDate = nil
            var tooMany = Self.activity("Coaching", jp: 1001)
            tooMany.jp = 1001
            var noOrganiser = Self.activity("Coaching", jp: 4)
            noOrganiser.organiser = ""
            var longCertificate = Self.activity("Coaching", jp: 4)
            longCertificate.certificateNumber = String(repeating: "9", count: 101)
            let cases: [(Evaluation.CompetenceDevelopment, String)] = [
                (noTitle, "development.title"), (noKind, "development.kind"), (backwards, "development.end_date"),
                (future, "development.end_date"), (notADay, "development.start_date"), (noEnd, "development.end_date"),
                (Self.activity("Coaching", jp: 0), "development.jp"), (tooMany, "development.jp"),
                (noOrganiser, "development.organiser"), (longCertificate, "development.certificate_number"),
            ]
            for (record, field) in cases {
                let refusal = try await fixture.refused(.invalidArgument, Comment(rawValue: "a record with a bad \(field)")) {
                    try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(nip: pegawai, development: record), options: own)
                }
                #expect(refusal?.message.hasPrefix(field + ":") == true, "\(refusal?.message ?? "") names \(field)")
            }
            try await fixture.refused(.invalidArgument, "no development") {
                try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(nip: pegawai), options: own)
            }
            try await fixture.refused(.invalidArgument, "a malformed NIP") {
                try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(nip: "12345", development: Self.activity("Coaching", jp: 4)), options: hr)
            }
            try await fixture.refused(.notFound, reason: "EMPLOYEE_NOT_FOUND", "an unknown employee") {
                try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                    nip: "199912312099121001", development: Self.activity("Coaching", jp: 4)), options: hr)
            }
            try await fixture.refused(.notFound, reason: "RECORD_NOT_FOUND", "an unknown record") {
                try await fixture.client.withdrawCompetenceDevelopment(
                    Evaluation.WithdrawCompetenceDevelopmentRequest(recordID: "01J9Z3K5W8T4M6N2P0Q7R1S3V5", reason: "salah"), options: hr)
            }
            try await fixture.refused(.invalidArgument, "a withdrawal without a reason") {
                try await fixture.client.withdrawCompetenceDevelopment(
                    Evaluation.WithdrawCompetenceDevelopmentRequest(recordID: "01J9Z3K5W8T4M6N2P0Q7R1S3V5", reason: " "), options: hr)
            }
            // The pegawai recording for their atasan, and withdrawing HR's record of someone else.
            let atasan = try fixture.nip("atasan")
            try await fixture.refused(.permissionDenied, "a pegawai recording for someone else") {
                try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                    nip: atasan, development: Self.activity("Coaching", jp: 4)), options: own)
            }
            let theirs = try await fixture.client.recordCompetenceDevelopment(Evaluation.RecordCompetenceDevelopmentRequest(
                nip: atasan, development: Self.activity("Coaching", jp: 4)), options: hr)
            try await fixture.refused(.permissionDenied, "a pegawai withdrawing someone else's record") {
                try await fixture.client.withdrawCompetenceDevelopment(
                    Evaluation.WithdrawCompetenceDevelopmentRequest(recordID: theirs.development?.recordID ?? "", reason: "bukan milik saya"), options: own)
            }
            let denied = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/RecordCompetenceDevelopment")
            #expect(denied.contains { $0.outcome == .denied && $0.principal == pegawai })
            let unit = Common.UnitScope(unitID: try await fixture.unitID("KPG.DUKCAPIL"))
            try await fixture.refused(.permissionDenied, "a pegawai listing a unit's needs") {
                try await Self.needs(fixture.client, Evaluation.ListDevelopmentNeedsRequest(unit: unit, year: witaToday.year), options: own)
            }
            try await fixture.refused(.invalidArgument, "a year outside 2000–2100") {
                try await Self.needs(fixture.hrPortal, Evaluation.ListDevelopmentNeedsRequest(unit: unit, year: 1999))
            }
            try await fixture.refused(.notFound, reason: "UNIT_NOT_FOUND", "an unknown unit") {
                try await Self.needs(fixture.hrPortal, Evaluation.ListDevelopmentNeedsRequest(unit: Common.UnitScope(unitID: "01J9Z3K5W8T4M6N2P0Q7R1S3V5"), year: witaToday.year))
            }
        }
    }

    @Test("the demo's records: about three in four reach 20 JP, the rest below; every activity ended before today")
    func demo() {
        let people = (0..<100).map { Common.EmployeeRef(nip: String(format: "1990010120150310%02d", $0), displayName: "P\($0)") }
        var counter = 0
        let records = KupangCompetenceDemo(seed: 2026).records(
            for: people, year: witaToday.year,
            today: Common.Date(year: witaToday.year, month: 12, day: 6), recorder: Common.AuditStamp(principal: "hr"),
            newID: { counter += 1; return "id-\(counter)" })
        let totals = Dictionary(grouping: records) { $0.employee?.nip ?? "" }.mapValues { $0.reduce(UInt32(0)) { $0 + $1.jp } }
        let reached = totals.values.filter { $0 >= 20 }.count
        #expect(reached >= 60 && reached <= 90, "\(reached) of 100 reach 20 JP")
        #expect(records.allSatisfy { CompetenceDevelopmentRules.violations(of: $0, today: Common.Date(year: witaToday.year, month: 12, day: 6)).isEmpty })
        #expect(Set(records.map(\.recordID)).count == records.count)
    }
}
