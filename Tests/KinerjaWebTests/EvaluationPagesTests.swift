import Foundation
import GRDB
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
                let after = try await boss.get("/penilaian/\(id)")
                #expect(after.body.contains("Penilaian disimpan."))
                #expect(after.body.contains("Hasil Kerja: <strong>Sesuai Ekspektasi</strong>"))
                #expect(after.body.contains("Perilaku: <strong>Sesuai Ekspektasi</strong>"))
            }
        }
    }
}
