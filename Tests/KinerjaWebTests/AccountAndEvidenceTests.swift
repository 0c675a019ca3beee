import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KinerjaProto
import KinerjaTestSupport
import Testing
@testable import KinerjaWeb

/// The change-password page, the evidence photo shown back, and the atasan's compliance calendar,
/// against real identity, planning, reporting and feedback services.
@Suite("kinerja-web account, evidence and calendar", .serialized)
struct AccountAndEvidenceTests {
    static let password = IdentityFixture.demoPassword

    @Test("a password change without the CSRF token is refused and the old password still works; with it the new one works and the old one does not")
    func changePassword() async throws {
        try await withWeb { web in
            let nip = try web.feedback.nip("pegawai")
            let newPassword = "kupang-baru-2026-!"
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: nip, password: Self.password)
                let form = try await browser.get("/kata-sandi")
                #expect(form.status == .ok)
                #expect(form.body.contains("<label for=\"sandi_baru\">"))
                let fields = [("sandi_lama", Self.password), ("sandi_baru", newPassword), ("sandi_ulang", newPassword)]
                let refused = try await browser.post("/kata-sandi", fields, csrf: "")
                #expect(refused.status == .forbidden)
                let mismatch = try await browser.post("/kata-sandi", [("sandi_lama", Self.password), ("sandi_baru", newPassword), ("sandi_ulang", "lain-lagi-2026")])
                #expect(mismatch.status == .badRequest)
                let wrong = try await browser.post("/kata-sandi", [("sandi_lama", "bukan-sandi-ini"), ("sandi_baru", newPassword), ("sandi_ulang", newPassword)])
                #expect(wrong.status == .unprocessableContent)
                #expect(wrong.body.contains("Kata sandi saat ini salah."))
                let identity = web.identity.client
                _ = try await identity.login(Identity.LoginRequest(nip: nip, password: Self.password))

                let oldSession = browser.cookies["kinerja_sesi"]
                let changed = try await browser.post("/kata-sandi", fields)
                #expect(changed.status == .seeOther)
                #expect(browser.cookies["kinerja_sesi"] != oldSession, "a new session id after the change")
                let after = try await browser.get("/kata-sandi?diganti=1")
                #expect(after.body.contains("Kata sandi berhasil diganti."))
                _ = try await identity.login(Identity.LoginRequest(nip: nip, password: newPassword))
                #expect(await Self.loginStatus(identity, nip: nip, password: Self.password) == .unauthenticated)
            }
        }
    }

    @Test("an account with a one-time password is taken to the change-password page and reaches nothing else until it has changed it")
    func oneTimePassword() async throws {
        try await withWeb { web in
            let nip = web.identity.bootstrap.adminNIP
            try await web.test { client in
                var browser = TestBrowser(client)
                let signedIn = try await browser.signIn(nip: nip, password: "bootstrap-one-time-pw")
                #expect(signedIn.status == .seeOther)
                #expect(signedIn.location == "/kata-sandi")
                let home = try await browser.get("/")
                #expect(home.status == .seeOther)
                #expect(home.location == "/kata-sandi")
                let form = try await browser.get("/kata-sandi")
                #expect(form.body.contains("Kata sandi sekali pakai Anda harus diganti"))
                let newPassword = "admin-kupang-2026-baru"
                let changed = try await browser.post("/kata-sandi", [("sandi_lama", "bootstrap-one-time-pw"), ("sandi_baru", newPassword), ("sandi_ulang", newPassword)])
                #expect(changed.status == .seeOther, "\(changed.body)")
                let now = try await browser.get("/")
                #expect(now.status == .ok)
            }
        }
    }

    @Test("a photo attached to a submitted report is shown back to its pegawai as an image; a guessed hash and a stranger are refused")
    func evidenceShownBack() async throws {
        try await withWeb { web in
            let pegawai = try web.feedback.nip("pegawai")
            let atasan = try web.feedback.nip("atasan")
            // Someone in another perangkat daerah, with no role: a password set as identity's own flow does.
            let strangerNIP = try #require(try await web.identity.store.pool.read { db in
                try String.fetchOne(db, sql: """
                    SELECT e.nip FROM employee e JOIN unit u ON u.unit_id = e.unit_id WHERE u.code = 'KPG.BKPSDM.PPI' ORDER BY e.nip LIMIT 1
                    """)
            })
            _ = try await web.identity.signIn(nip: strangerNIP)
            let rows = WebFixture.fillableRows()
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: pegawai, password: Self.password)
                let week = try await browser.get("/minggu")
                let iki = try #require(WebFixture.firstIKI(in: week.body))
                let first = try #require(rows.first)
                let sent = try await browser.postMultipart("/minggu", WebFixture.weekFields(rows: rows, iki: iki),
                                                           files: [("hari\(first.index)_foto", "bukti.png", "image/png", onePixelPNG)])
                #expect(sent.status == .seeOther)
                let after = try await browser.get("/minggu")
                let hash = try #require(after.body.components(separatedBy: "<img src=\"/bukti/").dropFirst().first?.split(separator: "\"").first.map(String.init))
                #expect(hash.count == 64)
                let photo = try await browser.get("/bukti/\(hash)")
                #expect(photo.status == .ok)
                #expect(photo.headers[.contentType] == "image/png")
                #expect(photo.headers[.contentSecurityPolicy] == SecurityHeadersMiddleware.contentSecurityPolicy)
                #expect(photo.headers[.cacheControl] == "private, no-store")
                #expect(photo.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(photo.body.contains("PNG") && photo.body.contains("IEND"), "the PNG's bytes")
                let guessed = try await browser.get("/bukti/\(String(repeating: "ab", count: 32))")
                #expect(guessed.status == .notFound)
                let malformed = try await browser.get("/bukti/not-a-hash")
                #expect(malformed.status == .notFound)

                var boss = TestBrowser(client)
                _ = try await boss.signIn(nip: atasan, password: Self.password)
                #expect(try await boss.get("/bukti/\(hash)").status == .ok, "the verifier may see it")
                let calendar = try await boss.get("/tim/kalender")
                #expect(calendar.status == .ok)
                #expect(calendar.body.contains("class=\"cal-filed\""), "the pegawai's filed days are marked")

                var stranger = TestBrowser(client)
                let strangerIn = try await stranger.signIn(nip: strangerNIP, password: "kinerja-test-\(strangerNIP.suffix(6))-rahasia")
                #expect(strangerIn.location == "/")
                let refused = try await stranger.get("/bukti/\(hash)")
                #expect(refused.status == .forbidden || refused.status == .notFound)
                #expect(!refused.body.contains("PNG"))
                var anonymous = TestBrowser(client)
                #expect(try await anonymous.get("/bukti/\(hash)").status == .seeOther)
            }
        }
    }

    @Test("the calendar marks a working day with a report filed, one without, leave and a day off")
    func calendarMarks() {
        let day = Common.Date(year: 2026, month: 11, day: 10)
        let leave = [Common.DateRange(startDate: Common.Date(year: 2026, month: 11, day: 9), endDate: Common.Date(year: 2026, month: 11, day: 10))]
        #expect(TeamCalendar.mark(date: day, working: true, missing: [], leave: [], expected: true) == .filed)
        #expect(TeamCalendar.mark(date: day, working: true, missing: ["2026-11-10"], leave: [], expected: true) == .missing)
        #expect(TeamCalendar.mark(date: day, working: true, missing: [], leave: leave, expected: true) == .leave)
        #expect(TeamCalendar.mark(date: day, working: false, missing: [], leave: [], expected: true) == .nonWorking)
        #expect(TeamCalendar.mark(date: day, working: true, missing: [], leave: [], expected: false) == .notExpected)
    }

    static func loginStatus(_ identity: Identity.IdentityService.Client, nip: String, password: String) async -> RPCError.Code? {
        do {
            _ = try await identity.login(Identity.LoginRequest(nip: nip, password: password))
            return nil
        } catch let error as RPCError {
            return error.code
        } catch {
            return nil
        }
    }
}
