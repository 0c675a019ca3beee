import Foundation
import GRDB
import KinerjaASN
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KinerjaProto
import KinerjaTestSupport
import Testing
@testable import KinerjaWeb

/// The atasan rating an evaluation and the pimpinan finalising, against the five real services with
/// their demo year; every refused form is checked to have changed nothing in evaluation's store.
@Suite("kinerja-web evaluation pages", .serialized)
struct EvaluationPagesTests {
    static let password = IdentityFixture.demoPassword

    @Test("the atasan rates a bawahan with the proposal and the curve's quotas beside the form; a form without CSRF or without a required reason changes nothing")
    func atasanRates() async throws {
        try await withEvaluationWeb { web in
            let atasan = try web.evaluation.nip("atasan")
            try await web.test { client in
                var boss = TestBrowser(client)
                _ = try await boss.signIn(nip: atasan, password: Self.password)
                let list = try await boss.get("/penilaian")
                #expect(list.status == .ok)
                let id = try #require(EvaluationWebFixture.links("/penilaian", in: list.body).first, "the demo's atasan has an open evaluation")
                let page = try await boss.get("/penilaian/\(id)")
                #expect(page.status == .ok)
                #expect(page.body.contains("Usulan Hasil Kerja"))
                #expect(page.body.contains("Kuota kurva unit"))
                #expect(page.body.contains("Terpakai"))
                let revision = try #require(EvaluationWebFixture.field("revisi", in: page.body))
                let before = try await web.evaluation.snapshot()

                let noToken = try await boss.post("/penilaian/\(id)", [("hasil_kerja", "sesuai"), ("revisi", revision)], csrf: "")
                #expect(noToken.status == .forbidden)
                let noReason = try await boss.post("/penilaian/\(id)", [("perilaku", "atas"), ("revisi", revision)])
                #expect(noReason.status == .badRequest)
                #expect(noReason.body.contains("wajib disertai alasan"))
                #expect(try await web.evaluation.snapshot() == before)

                let rated = try await boss.post("/penilaian/\(id)", [("hasil_kerja", "sesuai"), ("alasan_hasil_kerja", "Target utama tercapai sesuai rencana."),
                                                                    ("perilaku", "sesuai"), ("alasan_perilaku", "Perilaku sesuai ekspektasi unit."),
                                                                    ("revisi", revision)])
                #expect(rated.status == .seeOther, "\(rated.body)")
                let after = try await boss.get(rated.location ?? "/penilaian/\(id)")
                #expect(after.body.contains("Penilaian disimpan."))
                #expect(after.body.contains("Hasil Kerja: <strong>Sesuai Ekspektasi</strong>"))
                #expect(after.body.contains("Perilaku: <strong>Sesuai Ekspektasi</strong>"))
            }
        }
    }

    @Test("finalising from the curve page: without the CSRF token refused; a refusal (unrated evaluations or breaches) is explained and nothing changes")
    func finaliseRefusals() async throws {
        try await withEvaluationWeb { web in
            // The pimpinan above Dukcapil is whoever rates its head; the first persona whose curve page offers finalisation.
            // It has no scope to list periods: it follows the period's link (from HR's page here).
            let nips = try ["plt", "walikota", "pimpinan", "pengelola"].map { try web.evaluation.nip($0) }
            try await web.test { client in
                var hr = TestBrowser(client)
                _ = try await hr.signIn(nip: try web.evaluation.nip("pengelola"), password: Self.password)
                let current = try #require(EvaluationWebFixture.field("periode", in: try await hr.get("/kurva").body))
                var lead = TestBrowser(client)
                var found: String?
                for nip in nips where found == nil {
                    lead = TestBrowser(client)
                    _ = try await lead.signIn(nip: nip, password: Self.password)
                    found = EvaluationWebFixture.field("periode", in: try await lead.get("/kurva?periode=\(current)").body)
                }
                let curve = try await lead.get("/kurva?periode=\(current)")
                let period = try #require(found, "a period being rated has the finalise form")
                let revision = try #require(EvaluationWebFixture.field("revisi", in: curve.body))
                let before = try await web.evaluation.snapshot()
                let noToken = try await lead.post("/kurva/final", [("periode", period), ("revisi", revision)], csrf: "")
                #expect(noToken.status == .forbidden)
                let noExplanation = try await lead.post("/kurva/final", [("periode", period), ("revisi", revision), ("dengan_penjelasan", "1"), ("penjelasan", "terlalu pendek")])
                #expect(noExplanation.status == .badRequest)
                #expect(noExplanation.body.contains("Penjelasan pelanggaran kurva wajib diisi"))
                // The demo's current triwulan is about half rated: the service refuses, the page says why.
                let refused = try await lead.post("/kurva/final", [("periode", period), ("revisi", revision)])
                #expect(refused.status == .unprocessableContent || refused.status == .conflict, "\(refused.status)")
                _ = curve
                #expect(refused.body.contains("belum dapat difinalkan") || refused.body.contains("melanggar kurva") || refused.body.contains("Hanya pimpinan"))
                #expect(try await web.evaluation.snapshot() == before)
            }
        }
    }

    @Test("the TPP CSV and the SIASN file download as attachments, never cached")
    func exports() async throws {
        try await withEvaluationWeb { web in
            let pengelola = try web.evaluation.nip("pengelola")
            let unitID = try await web.evaluation.unitID("KPG.DUKCAPIL")
            try await web.test { client in
                var hr = TestBrowser(client)
                _ = try await hr.signIn(nip: pengelola, password: Self.password)
                let today = Wita.today(now: Date())
                let quarterEnd = ((Int(today.month) - 1) / 3) * 3
                let month = quarterEnd == 0 ? String(format: "%04d-12", today.year - 1) : String(format: "%04d-%02d", today.year, quarterEnd)
                let tpp = try await hr.get("/ekspor/tpp?unit=\(unitID)&bulan=\(month)")
                #expect(tpp.status == .ok, "\(tpp.body.prefix(300))")
                #expect(tpp.headers[.contentType] == "text/csv; charset=utf-8")
                #expect(tpp.headers[.contentDisposition] == "attachment; filename=\"tpp-\(month).csv\"")
                #expect(tpp.headers[.cacheControl] == "no-store")
                #expect(tpp.body.hasPrefix("nip,full_name,unit_id,unit_name,month,predikat,factor_percent,"))
                #expect(tpp.body.components(separatedBy: "\r\n").count > 2, "a row per employee")
                let bad = try await hr.get("/ekspor/tpp?unit=\(unitID)&bulan=2026-13")
                #expect(bad.status == .badRequest)
                // SIASN takes finalised evaluations: the curve page offers it for a final period only.
                let curve = try await hr.get("/kurva")
                let options = curve.body.components(separatedBy: "<option value=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
                #expect(!curve.body.contains("/ekspor/siasn"), "the period being rated is not final")
                var period: String?
                for option in options where period == nil {
                    let page = try await hr.get("/kurva?periode=\(option)")
                    if page.body.contains("/ekspor/siasn?periode=\(option)") { period = option }
                }
                let finalPeriod = try #require(period, "a finalised triwulan offers the SIASN download")
                let siasn = try await hr.get("/ekspor/siasn?periode=\(finalPeriod)")
                #expect(siasn.status == .ok, "\(siasn.body.prefix(300))")
                #expect(siasn.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"siasn-") == true)
                #expect(siasn.headers[.cacheControl] == "no-store")
                #expect(siasn.headers[.contentSecurityPolicy] != nil)
            }
        }
    }
}
