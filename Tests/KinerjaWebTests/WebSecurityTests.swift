import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KinerjaProto
import KinerjaTestSupport
import Testing
@testable import KinerjaWeb

/// The security rules of kinerja-web (docs/WEB.md), each against real identity, planning,
/// reporting and feedback services over mutual TLS: every refusal is checked to have changed nothing.
@Suite("kinerja-web security", .serialized)
struct WebSecurityTests {
    static let password = IdentityFixture.demoPassword

    @Test("a form posted without the session's CSRF token is refused and no report is stored")
    func postWithoutCSRF() async throws {
        try await withWeb { web in
            let nip = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                let signedIn = try await browser.signIn(nip: nip, password: Self.password)
                #expect(signedIn.status == .seeOther)
                let week = try await browser.get("/minggu")
                let iki = try #require(WebFixture.firstIKI(in: week.body))
                let fields = WebFixture.weekFields(rows: WebFixture.fillableRows(), iki: iki)
                let before = try await web.reportingRecords()
                let missing = try await browser.postMultipart("/minggu", fields, includeCSRF: false)
                #expect(missing.status == .forbidden)
                let wrong = try await browser.post("/minggu", fields, csrf: String(repeating: "A", count: 43))
                #expect(wrong.status == .forbidden)
                #expect(wrong.body.contains("Formulir kedaluwarsa"))
                #expect(try await web.reportingRecords() == before)
                #expect(try await web.reportCount(nip: nip) == 0)
            }
        }
    }

    @Test("a week with a photo is submitted, the atasan verifies the batch, and the pegawai's progress moves")
    func weekJourney() async throws {
        try await withWeb { web in
            let pegawai = try web.feedback.nip("pegawai")
            let atasan = try web.feedback.nip("atasan")
            let rows = WebFixture.fillableRows()
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: pegawai, password: Self.password)
                let week = try await browser.get("/minggu")
                #expect(week.body.contains("capture=\"environment\""))
                let iki = try #require(WebFixture.firstIKI(in: week.body))
                let first = try #require(rows.first)
                let sent = try await browser.postMultipart("/minggu", WebFixture.weekFields(rows: rows, iki: iki),
                                                           files: [("hari\(first.index)_foto", "bukti.png", "image/png", onePixelPNG)])
                #expect(sent.status == .seeOther, "\(sent.body)")
                #expect(try await web.reportCount(nip: pegawai) == rows.count)
                let evidence = try await web.reportingRecords()
                #expect(evidence.contains("report_evidence:1"))
                let before = try await browser.get("/progres")
                #expect(before.body.contains("Terverifikasi: 0 dari"))

                var boss = TestBrowser(client)
                _ = try await boss.signIn(nip: atasan, password: Self.password)
                let inbox = try await boss.get("/kotak-masuk")
                #expect(inbox.body.contains("\(rows.count) laporan menunggu verifikasi Anda."))
                let ids = inbox.body.components(separatedBy: "name=\"laporan\" value=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
                #expect(ids.count == rows.count)
                let verified = try await boss.post("/kotak-masuk", ids.map { ("laporan", $0) } + [("aksi", "verifikasi")])
                #expect(verified.status == .seeOther)
                #expect(try await web.reportCount(nip: pegawai, state: 2) == rows.count)
                let after = try await browser.get("/progres")
                let unverified = { (html: String) in html.components(separatedBy: "Terverifikasi: 0 dari").count - 1 }
                #expect(unverified(after.body) < unverified(before.body), "the verified realisation of the reported IKI moved off 0")
            }
        }
    }

    @Test("a submitted SKP is returned only with a note: without one nothing changes")
    func returnSkp() async throws {
        try await withWeb { web in
            let atasan = try web.feedback.nip("atasan")
            try await web.test { client in
                var boss = TestBrowser(client)
                _ = try await boss.signIn(nip: atasan, password: Self.password)
                let inbox = try await boss.get("/kotak-masuk")
                #expect(inbox.body.contains("SKP menunggu persetujuan"))
                let skp = try #require(inbox.body.components(separatedBy: "name=\"skp\" value=\"").dropFirst().first?.split(separator: "\"").first.map(String.init))
                let version = try #require(inbox.body.components(separatedBy: "name=\"versi\" value=\"").dropFirst().first?.split(separator: "\"").first.map(String.init))
                let before = try await web.feedback.planning.service.store.pool.read { db in try String.fetchAll(db, sql: "SELECT skp_id || state FROM skp_version ORDER BY 1") }
                let refused = try await boss.post("/kotak-masuk/skp", [("skp", skp), ("versi", version), ("aksi", "kembalikan"), ("catatan", " ")])
                #expect(refused.status == .badRequest)
                #expect(refused.body.contains("Catatan pengembalian SKP wajib diisi."))
                let after = try await web.feedback.planning.service.store.pool.read { db in try String.fetchAll(db, sql: "SELECT skp_id || state FROM skp_version ORDER BY 1") }
                #expect(after == before)
                let returned = try await boss.post("/kotak-masuk/skp", [("skp", skp), ("versi", version), ("aksi", "kembalikan"), ("catatan", "Lengkapi target kualitas.")])
                #expect(returned.status == .seeOther)
                let state = try await web.feedback.planning.service.store.pool.read { db in
                    try Int.fetchOne(db, sql: "SELECT state FROM skp_version WHERE skp_id = ? AND latest = 1", arguments: [skp])
                }
                #expect(state == 4, "DIKEMBALIKAN")
            }
        }
    }

    @Test("after sign-out the old session cookie is refused, and so is identity's session behind it")
    func replayAfterSignOut() async throws {
        try await withWeb { web in
            let nip = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: nip, password: Self.password)
                let session = try #require(browser.cookies["kinerja_sesi"])
                let token = try #require(web.web.sessions.touch(session, now: web.clock.now())?.accessToken)
                let home = try await browser.get("/")
                #expect(home.status == .ok)
                let csrf = browser.csrf
                let out = try await browser.post("/keluar", [])
                #expect(out.status == .seeOther)
                #expect(browser.cookies["kinerja_sesi"] == nil)

                var replay = TestBrowser(client)
                replay.cookies["kinerja_sesi"] = session
                let page = try await replay.get("/")
                #expect(page.status == .seeOther)
                #expect(page.location == "/masuk")
                let before = try await web.reportingRecords()
                let post = try await replay.post("/minggu", WebFixture.weekFields(rows: WebFixture.fillableRows(), iki: "x|y"), csrf: csrf)
                #expect(post.status == .forbidden)
                #expect(try await web.reportingRecords() == before)
                // Identity ended the session too: the access token the gateway held is refused.
                let code = await statusCode { try await web.identity.client.whoAmI(.init(), options: IdentityFixture.bearer(token)) }
                #expect(code == .unauthenticated)
            }
        }
    }

    @Test("a session idle longer than the limit has ended")
    func idleExpiry() async throws {
        try await withWeb(configure: { $0.sessionIdleSeconds = 600 }) { web in
            let nip = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: nip, password: Self.password)
                #expect(try await browser.get("/").status == .ok)
                web.clock.advance(seconds: 601)
                let page = try await browser.get("/")
                #expect(page.status == .seeOther)
                #expect(web.web.sessions.count == 0)
            }
        }
    }

    @Test("a request another site made the browser send is refused, whatever cookie and token it carries")
    func crossSite() async throws {
        try await withWeb { web in
            let atasan = try web.feedback.nip("atasan")
            let pegawai = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: atasan, password: Self.password)
                _ = try await browser.get("/umpan-balik")
                let before = try await web.feedback.snapshot()
                let fields = [("penerima", pegawai), ("jenis", "apresiasi"), ("pesan", "Kerja bagus")]
                let crossSite = try await browser.post("/umpan-balik", fields, headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
                #expect(crossSite.status == .forbidden)
                #expect(crossSite.body.contains("situs lain"))
                // An older browser sends only Origin.
                let otherOrigin = try await browser.post("/umpan-balik", fields, headers: [.origin: "https://contoh-jahat.example"])
                #expect(otherOrigin.status == .forbidden)
                #expect(try await web.feedback.snapshot() == before)
            }
        }
    }

    @Test("an upload larger than the limit is refused with 413 and nothing is stored")
    func oversizedUpload() async throws {
        try await withWeb(configure: { $0.maxUploadBytes = 64 << 10 }) { web in
            let nip = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: nip, password: Self.password)
                let week = try await browser.get("/minggu")
                let iki = try #require(WebFixture.firstIKI(in: week.body))
                let rows = WebFixture.fillableRows()
                let first = try #require(rows.first)
                let before = try await web.reportingRecords()
                let big = onePixelPNG + [UInt8](repeating: 0, count: 80 << 10)
                let response = try await browser.postMultipart("/minggu", WebFixture.weekFields(rows: rows, iki: iki),
                                                               files: [("hari\(first.index)_foto", "besar.png", "image/png", big)])
                #expect(response.status == .contentTooLarge)
                #expect(try await web.reportingRecords() == before)
            }
        }
    }

    @Test("a declared body over the limit is answered 413 before a byte of it is sent")
    func refusedBeforeRead() async throws {
        try await withWeb(configure: { $0.maxUploadBytes = 64 << 10 }) { web in
            let application = Application(router: web.web.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await application.test(.live) { client in
                let port = try #require(client.port)
                // Headers only: the body (9 MiB promised) is never sent. An answer proves the server did not wait for it.
                let answer = try RawHTTP.exchange(port: port, head: "POST /minggu HTTP/1.1\r\nHost: 127.0.0.1\r\nSec-Fetch-Site: same-origin\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 9437184\r\n\r\n")
                #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(80))")
            }
        }
    }

    @Test("script in a feedback message is shown as text, never run")
    func scriptRenderedInert() async throws {
        try await withWeb { web in
            let atasan = try web.feedback.nip("atasan")
            let pegawai = try web.feedback.nip("pegawai")
            try await web.test { client in
                var boss = TestBrowser(client)
                _ = try await boss.signIn(nip: atasan, password: Self.password)
                _ = try await boss.get("/umpan-balik")
                let attack = "<script>alert('x')</script><img src=x onerror=alert(1)>"
                let sent = try await boss.post("/umpan-balik", [("penerima", pegawai), ("jenis", "saran"), ("pesan", attack)])
                #expect(sent.status == .seeOther, "\(sent.body)")
                var browser = TestBrowser(client)
                _ = try await browser.signIn(nip: pegawai, password: Self.password)
                let page = try await browser.get("/umpan-balik")
                #expect(page.body.contains("&lt;script&gt;alert("))
                #expect(!page.body.contains("<script>alert"))
                #expect(!page.body.contains("<img src=x"))
                #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            }
        }
    }

    @Test("guessed ticket URLs are rate-limited per address; the page names the unit and service, never the employee")
    func guessedTickets() async throws {
        try await withWeb(configure: { $0.citizenPerAddressPerMinute = 4 }) { web in
            let pegawai = try web.feedback.nip("pegawai")
            let unit = try await web.feedback.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let issued = try await web.feedback.kiosk.issueServiceTicket(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                unitID: unit, servedByNIP: pegawai, serviceName: "Penerbitan KTP-el", counterName: "Loket 2")))
            let code = try #require(issued.ticket?.ticketCode)
            let name = try #require(issued.ticket?.servedByDisplayName)
            try await web.test { client in
                var citizen = TestBrowser(client)
                let page = try await citizen.get("/rate/\(code)")
                #expect(page.status == .ok)
                #expect(page.body.contains("Penerbitan KTP-el"))
                #expect(!page.body.contains(name) && !page.body.contains(pegawai))
                let before = try await web.feedback.snapshot()
                for guess in ["AAAAA-AAAAA-AAAAA", "K7QMX-3XHD9-2PBQR", "ZZZZZ-ZZZZZ-ZZZZZ"] {
                    #expect(try await citizen.get("/rate/\(guess)").status == .notFound)
                }
                let rated = try await citizen.post("/rate/\(code)", [("nilai", "5"), ("komentar", "Cepat")])
                #expect(rated.status == .tooManyRequests)
                #expect(try await citizen.get("/rate/\(code)").status == .tooManyRequests)
                #expect(try await web.feedback.snapshot() == before)
            }
        }
    }

    @Test("a citizen rates once from the ticket URL; the second rating is refused")
    func citizenRates() async throws {
        try await withWeb { web in
            let pegawai = try web.feedback.nip("pegawai")
            let unit = try await web.feedback.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let issued = try await web.feedback.kiosk.issueServiceTicket(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                unitID: unit, servedByNIP: pegawai, serviceName: "Penerbitan KTP-el")))
            let code = try #require(issued.ticket?.ticketCode)
            try await web.test { client in
                var citizen = TestBrowser(client)
                _ = try await citizen.get("/rate/\(code)")
                let skm = (1...9).map { ("u\($0)", "4") }
                let rated = try await citizen.post("/rate/\(code)", [("nilai", "5"), ("komentar", "Cepat dan ramah")] + skm)
                #expect(rated.status == .ok, "\(rated.body)")
                #expect(rated.body.contains("Terima kasih"))
                let again = try await citizen.post("/rate/\(code)", [("nilai", "1")])
                #expect(again.status == .gone)
            }
        }
    }

    @Test("a wrong password reads like a wrong NIP, and the account's attempts are limited")
    func signInRefusals() async throws {
        try await withWeb(configure: { $0.signInPerAccountPerMinute = 2 }) { web in
            let nip = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                let wrong = try await browser.signIn(nip: nip, password: "salah-sekali")
                #expect(wrong.status == .unauthorized)
                #expect(wrong.body.contains("NIP atau kata sandi salah."))
                _ = try await browser.post("/masuk", [("nip", nip), ("password", "salah-lagi")])
                let limited = try await browser.post("/masuk", [("nip", nip), ("password", Self.password)])
                #expect(limited.status == .tooManyRequests)
                #expect(browser.cookies["kinerja_sesi"] == nil)
            }
        }
    }

    @Test("the session cookie is HttpOnly, Secure and SameSite=Strict, and every page carries the security headers")
    func cookieAndHeaders() async throws {
        try await withWeb { web in
            let nip = try web.feedback.nip("pegawai")
            try await web.test { client in
                var browser = TestBrowser(client)
                _ = try await browser.get("/masuk")
                let response = try await client.execute(uri: "/masuk", method: .post, headers: [
                    .contentType: "application/x-www-form-urlencoded", .cookie: "kinerja_csrf=\(browser.cookies["kinerja_csrf"] ?? "")"],
                    body: .init(string: "nip=\(nip)&password=\(Self.password)&csrf=\(browser.csrf)"))
                let cookie = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("kinerja_sesi=") })
                #expect(cookie.contains("HttpOnly") && cookie.contains("Secure") && cookie.contains("SameSite=Strict"))
                let page = try await browser.get("/masuk")
                #expect(page.headers[.contentSecurityPolicy]?.contains("frame-ancestors 'none'") == true)
                #expect(page.headers[.xContentTypeOptions] == "nosniff")
                #expect(!page.body.contains("<script>") && !page.body.contains("style="))
            }
        }
    }
}
