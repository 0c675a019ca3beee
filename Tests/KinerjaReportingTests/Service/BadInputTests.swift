import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Every refusal is a status with a message and changes nothing: the fingerprint of the tables
/// and of the evidence folder is the same before and after.
@Suite("Reporting refuses bad input and changes nothing", .serialized)
struct BadInputTests {
    /// Runs `body` expecting `code` (and `reason` when given) and an unchanged fingerprint.
    func refused(_ f: ReportingFixture, _ code: RPCError.Code, _ reason: String? = nil, _ what: String,
                 _ body: () async throws -> Void) async throws {
        let before = try await f.snapshot()
        let error = await failure(body)
        #expect(error?.code == code, "\(what): \(error.map { "\($0.code) \($0.message)" } ?? "accepted")")
        if let reason { #expect(error?.reason == reason, "\(what): \(error?.reason ?? "no reason")") }
        #expect(error?.message.isEmpty == false, "\(what): a refusal says why")
        #expect(try await f.snapshot() == before, "\(what) changed something")
    }

    @Test("reports: another person's IKI, a future day, a day before the window or in a locked period, realisation NaN, negative or huge")
    func reports() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let skp = try await f.skp("pegawai")
            let theirs = try await f.skp("atasan")
            try await refused(f, .notFound, "REPORT_RHK_NOT_FOUND", "another person's IKI") { try await f.submit(f.draft(theirs), pegawai) }
            var mixed = f.draft(skp)
            mixed.ikiID = f.draft(theirs).ikiID
            try await refused(f, .notFound, "REPORT_IKI_NOT_FOUND", "another person's IKI under my RHK") { try await f.submit(mixed, pegawai) }
            try await refused(f, .invalidArgument, "REPORT_DATE_IN_FUTURE", "tomorrow") { try await f.submit(f.draft(skp, date: day(1)), pegawai) }
            try await refused(f, .failedPrecondition, "REPORT_DATE_BEFORE_WINDOW", "four days back") { try await f.submit(f.draft(skp, date: day(-4)), pegawai) }
            for value in [Double.nan, -1, 1e10, Double.infinity] {
                try await refused(f, .invalidArgument, "REPORT_REALISATION_INVALID", "realisation \(value)") {
                    try await f.submit(f.draft(skp, value: value), pegawai)
                }
            }
            var empty = f.draft(skp)
            empty.description = "   "
            empty.durationMinutes = 1441
            let both = await failure { try await f.submit(empty, pegawai) }
            #expect(both?.code == .invalidArgument && both?.message.contains("description") == true && both?.message.contains("duration_minutes") == true)
            var link = f.draft(skp)
            link.evidence = [Common.EvidenceLink(uri: "http://example.org/x.pdf", sha256: SHA256.hash([1]))]
            try await refused(f, .invalidArgument, "EVIDENCE_URI_NOT_HTTPS", "a plain http link") { try await f.submit(link, pegawai) }
            link.evidence = [Common.EvidenceLink(uri: "urn:kinerja:evidence:sha256:" + String(repeating: "ab", count: 32), sha256: Array(repeating: 0xAB, count: 32))]
            try await refused(f, .notFound, "EVIDENCE_NOT_FOUND", "a link to a file never uploaded") { try await f.submit(link, pegawai) }
            // The day's 1440 minutes: 1000 now, 500 more refused.
            try await f.submit(f.draft(skp, date: day(-1), minutes: 1000), pegawai)
            try await refused(f, .failedPrecondition, "REPORT_DAY_MINUTES_EXCEEDED", "a day of more than 1440 minutes") {
                try await f.submit(f.draft(skp, iki: 1, date: day(-1), minutes: 500), pegawai)
            }
            // A locked period.
            let nip = try f.identity.nip("pegawai")
            let month = Common.Period(year: day(-2).year, kind: .monthly, month: day(-2).month)
            _ = try await f.client(.service("evaluation")).lockPeriod(Reporting.LockPeriodRequest(lock: Reporting.PeriodLock(
                lockID: "eval-1", period: month, nips: [nip])))
            try await refused(f, .failedPrecondition, "PERIOD_LOCKED", "a locked period") { try await f.submit(f.draft(skp, date: day(-2)), pegawai) }
        }
    }

    @Test("bulk: 10 001 rows from the machine client and 141 from an employee are RESOURCE_EXHAUSTED as the row past the limit arrives; options twice is INVALID_ARGUMENT")
    func bulkLimits() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let skp = try await f.skp("pegawai")
            let nip = try f.identity.nip("pegawai")
            let row = Reporting.DailyReportRow(rowNumber: 1, nip: nip, report: f.draft(skp, date: day(-1)))
            try await refused(f, .resourceExhausted, "BULK_TOO_MANY_ROWS", "10 001 rows") {
                _ = try await f.client(.client("siak-dukcapil")).bulkSubmit(Array(repeating: row, count: 10_001))
            }
            try await refused(f, .resourceExhausted, "BULK_TOO_MANY_ROWS", "an employee's 141 rows") {
                _ = try await f.client.bulkSubmit(Array(repeating: row, count: 141), callOptions: pegawai)
            }
            try await refused(f, .invalidArgument, nil, "options after a row") {
                _ = try await f.client.bulkSubmitDailyReports(options: pegawai) { writer in
                    try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .row(row)))
                    try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .options(Reporting.BulkSubmitOptions())))
                }
            }
        }
    }

    @Test("uploads: bytes not matching the SHA-256, over the cap, a disallowed type, a path-like or NUL name, cut off halfway — nothing is kept")
    func uploads() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let file = pdf("bukti")
            try await refused(f, .invalidArgument, "EVIDENCE_HASH_MISMATCH", "another SHA-256") {
                _ = try await f.client.upload(file, header: Reporting.EvidenceUploadHeader(sha256: SHA256.hash(file + [0]), fileName: "a.pdf"), callOptions: pegawai)
            }
            try await refused(f, .invalidArgument, "EVIDENCE_SIZE_MISMATCH", "another size") {
                _ = try await f.client.upload(file, header: Reporting.EvidenceUploadHeader(sizeBytes: UInt64(file.count + 1), fileName: "a.pdf"), callOptions: pegawai)
            }
            try await refused(f, .invalidArgument, "EVIDENCE_HASH_INVALID", "a 31-byte hash") {
                _ = try await f.client.upload(file, header: Reporting.EvidenceUploadHeader(sha256: Array(repeating: 1, count: 31)), callOptions: pegawai)
            }
            for (bytes, what) in [(Array("GIF89a........".utf8), "GIF"), (Array("<html><script>".utf8), "HTML"),
                                  ([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], "ELF executable"), ([0x50, 0x4B, 3, 4, 0, 0], "ZIP")] {
                try await refused(f, .invalidArgument, "EVIDENCE_MEDIA_TYPE_NOT_ALLOWED", what) {
                    _ = try await f.client.upload(bytes, name: "foto.jpg", callOptions: pegawai)
                }
            }
            for name in ["../../etc/passwd", "a/b.pdf", "a\\b.pdf", "..", "gpj\u{202E}.exe", "tab\there.pdf"] {
                try await refused(f, .invalidArgument, "EVIDENCE_FILE_NAME_INVALID", "file name \(name.debugDescription)") {
                    _ = try await f.client.upload(file, name: name, callOptions: pegawai)
                }
            }
            // A NUL cannot be encoded by our own client; sent raw, the server refuses the message.
            try await refused(f, .invalidArgument, nil, "a NUL in the file name") {
                var encoded = try Reporting.UploadEvidenceRequest(item: .header(Reporting.EvidenceUploadHeader(
                    sha256: SHA256.hash(file), sizeBytes: UInt64(file.count), fileName: "bukti#.pdf"))).serializedBytes()
                if let index = encoded.lastIndex(of: UInt8(ascii: "#")) { encoded[index] = 0 }
                let raw = encoded
                let transport = try f.service.transport(as: .client("operator"))
                _ = try await transport.call(Reporting.ReportingService.Method.uploadEvidence, options: pegawai, requests: { writer in
                    try await writer.write(raw)
                    try await writer.write(try Reporting.UploadEvidenceRequest(item: .chunk(file)).serializedBytes())
                }, onResponse: { responses in for try await _ in responses {} })
            }
            // Cut off halfway: the client gives up after half the bytes.
            let big = pdf(String(repeating: "x", count: 300_000))
            try await refused(f, .cancelled, nil, "an upload cut off halfway") {
                struct CutOff: Error {}
                do {
                    _ = try await f.client.uploadEvidence(options: pegawai) { writer in
                        try await writer.write(Reporting.UploadEvidenceRequest(item: .header(Reporting.EvidenceUploadHeader(
                            sha256: SHA256.hash(big), sizeBytes: UInt64(big.count), fileName: "besar.pdf"))))
                        try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(Array(big.prefix(150_000)))))
                        throw CutOff()
                    }
                } catch is CutOff {
                    // The server learns of the cut when the stream resets; its handler removes the
                    // partial file as it unwinds. Wait for that (a leak still fails after 20 s).
                    try await waitUntil("the server removed the partial upload") {
                        try FileManager.default.contentsOfDirectory(atPath: f.evidenceFolder + "/incoming").isEmpty
                    }
                    throw RPCError(.cancelled, "the client cut the upload off")
                }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: f.evidenceFolder + "/incoming").isEmpty, "no partial file remains")
            // Over the caps: the policy allows 4 KiB a file.
            _ = try await f.client.setReportingPolicy(Reporting.SetReportingPolicyRequest(policy: Reporting.ReportingPolicy(
                backdateDays: 3, reviewDeadlineDays: 5, maxReportsPerDay: 20, maxEvidenceFileBytes: 4096)), options: try await f.signIn("pengelola"))
            let large = pdf(String(repeating: "y", count: 5000))
            try await refused(f, .resourceExhausted, "EVIDENCE_FILE_TOO_LARGE", "a claimed size over the cap") {
                _ = try await f.client.upload(large, callOptions: pegawai)
            }
            try await refused(f, .resourceExhausted, "EVIDENCE_FILE_TOO_LARGE", "streamed bytes over the cap") {
                _ = try await f.client.upload(large, header: Reporting.EvidenceUploadHeader(fileName: "x.pdf"), chunk: 1000, callOptions: pegawai)
            }
        }
    }

    @Test("the same idempotency key replayed answers the first result and changes nothing; reused for another request it is INVALID_ARGUMENT")
    func idempotencyReplay() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let skp = try await f.skp("pegawai")
            let draft = f.draft(skp, date: day(-1))
            let first = try await f.submit(draft, keyed(pegawai, "lapor-1"))
            let before = try await f.snapshot()
            let replay = try await f.submit(draft, keyed(pegawai, "lapor-1"))
            #expect(replay.reportID == first.reportID)
            #expect(try await f.snapshot() == before)
            try await refused(f, .invalidArgument, "IDEMPOTENCY_KEY_REUSED", "the key for another report") {
                try await f.submit(f.draft(skp, date: day(-2)), keyed(pegawai, "lapor-1"))
            }
            // A bulk call and an upload replayed.
            let rows = [Reporting.DailyReportRow(rowNumber: 1, report: f.draft(skp, iki: 1, date: day(0)))]
            let bulk = try await f.client.bulkSubmit(rows, callOptions: keyed(pegawai, "minggu-1"))
            let afterBulk = try await f.snapshot()
            let bulkAgain = try await f.client.bulkSubmit(rows, callOptions: keyed(pegawai, "minggu-1"))
            #expect(bulkAgain.results.map(\.reportID) == bulk.results.map(\.reportID))
            #expect(try await f.snapshot() == afterBulk)
        }
    }
}
