import Foundation
import GRDB
import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The nine SKM answers, each `score`.
func skm(_ score: UInt32) -> [Feedback.SkmAnswer] {
    [Feedback.SkmUnsur.persyaratan, .sistemMekanismeProsedur, .waktuPenyelesaian, .biayaTarif, .produkSpesifikasi, .kompetensiPelaksana,
     .perilakuPelaksana, .penangananPengaduan, .saranaPrasarana].map { Feedback.SkmAnswer(unsur: $0, score: score) }
}

extension FeedbackFixture {
    /// A citizen rates `code` through the kiosk.
    func rate(_ code: String, _ score: UInt32, comment: String = "", skm answers: [Feedback.SkmAnswer] = [],
              address: String = "") async throws -> Feedback.SubmitCitizenRatingResponse {
        try await kiosk.submitCitizenRating(Feedback.SubmitCitizenRatingRequest(ticketCode: code, score: score, comment: comment, skmAnswers: answers,
                                                                                clientAddress: address))
    }

    /// The stored ratings of `nip`, newest first, as pengelola kinerja see them (outliers included).
    func ratings(of nip: String) async throws -> [Feedback.CitizenRating] {
        try await client.listCitizenRatings(Feedback.ListCitizenRatingsRequest(employeeNIP: nip, includeOutliers: true),
                                            options: try await signIn("pengelola")).ratings
    }
}

@Suite("Citizen tickets and ratings over mutual TLS: the kiosk issues, the citizen rates", .serialized)
struct CitizenServiceTests {
    @Test("the kiosk issues a ticket for its unit (a retry returns the same ticket); the citizen sees no NIP; a ticket rates once")
    func issueAndRate() async throws {
        try await withFeedback { f in
            let pegawaiNIP = try f.nip("pegawai")
            let issued = try await f.issue(for: pegawaiNIP, key: "kiosk-loket2-0001")
            let ticket = try #require(issued.ticket)
            #expect(ticket.ticketCode.count == 17 && ticket.ticketCode.split(separator: "-").count == 3)
            #expect(issued.ratingURI == "https://kinerja.kupangkota.go.id/nilai/" + ticket.ticketCode.replacingOccurrences(of: "-", with: ""))
            #expect(ticket.issued?.principal == "spiffe://kinerja.kupangkota.go.id/client/citizen-kiosk")
            #expect(ticket.servedByDisplayName.isEmpty == false)
            let retry = try await f.issue(for: pegawaiNIP, key: "kiosk-loket2-0001")
            #expect(retry.ticket == ticket, "a retry with the same key is the same ticket")
            let looked = try await f.kiosk.getServiceTicket(Feedback.GetServiceTicketRequest(ticketCode: ticket.ticketCode.lowercased()))
            #expect(looked.rateable)
            #expect(looked.ticket?.servedByNIP == "" && looked.ticket?.issued == nil, "the citizen sees the name at the counter, not the NIP")
            let rated = try await f.rate(ticket.ticketCode, 5, comment: "Petugas ramah dan cepat")
            #expect(rated.acknowledgement.hasPrefix("Terima kasih"))
            try await f.refused(.alreadyExists, reason: "TICKET_ALREADY_RATED", "a used ticket") { try await f.rate(ticket.ticketCode, 1) }
            try await f.refused(.failedPrecondition, reason: "TICKET_NOT_VOIDABLE", "voiding a rated ticket") {
                try await f.kiosk.voidServiceTicket(Feedback.VoidServiceTicketRequest(ticketCode: ticket.ticketCode, reason: "salah"))
            }
            // Exactly one rating, and the ticket is RATED: neither without the other.
            let counts = try await f.service.store.pool.read { db in
                (try Int.fetchOne(db, sql: "SELECT count(*) FROM citizen_rating") ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM service_ticket WHERE state = ?", arguments: [Feedback.TicketState.rated.rawValue]) ?? -1)
            }
            #expect(counts == (1, 1))
        }
    }

    @Test("the kiosk issues only for its configured units, at public service points, for staff of the unit; nobody else issues")
    func whoIssues() async throws {
        try await withFeedback { f in
            let pegawaiNIP = try f.nip("pegawai")
            try await f.refused(.permissionDenied, reason: "KIOSK_UNIT_NOT_ALLOWED", "a unit not configured for the kiosk") {
                try await f.issue(for: try f.nip("pengelola"), at: "KPG.BKPSDM.PKA")
            }
            #expect(try await f.auditEvents(action: "/kinerja.feedback.v1.FeedbackService/IssueServiceTicket").contains { $0.outcome == .denied })
            try await f.refused(.failedPrecondition, reason: "NOT_A_PUBLIC_SERVICE_POINT", "a back-office unit of Dukcapil") {
                try await f.issue(for: pegawaiNIP, at: "KPG.DUKCAPIL.PIAK")
            }
            try await f.refused(.failedPrecondition, reason: "EMPLOYEE_NOT_IN_UNIT", "an employee of another counter") {
                try await f.issue(for: pegawaiNIP, at: "KPG.DPMPTSP")
            }
            try await f.refused(.invalidArgument, "a missing service name") {
                try await f.kiosk.issueServiceTicket(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                    unitID: try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS"), servedByNIP: pegawaiNIP)))
            }
            // The serving employee cannot choose who rates them: no user issues tickets.
            try await f.refused(.permissionDenied, "the employee issuing their own ticket") {
                try await f.client.issueServiceTicket(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                    unitID: try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS"), servedByNIP: pegawaiNIP, serviceName: "KTP-el")),
                                                      options: try await f.signIn("pegawai"))
            }
        }
    }

    @Test("used, expired, voided, mistyped and guessed codes are refused with a status and change nothing; an address that guesses wrong ten times must wait")
    func badCodes() async throws {
        try await withFeedback { f in
            let pegawaiNIP = try f.nip("pegawai")
            let voidable = try #require(try await f.issue(for: pegawaiNIP).ticket)
            _ = try await f.kiosk.voidServiceTicket(Feedback.VoidServiceTicketRequest(ticketCode: voidable.ticketCode, reason: "Salah pilih petugas"))
            try await f.refused(.failedPrecondition, reason: "TICKET_VOIDED", "a voided ticket") { try await f.rate(voidable.ticketCode, 4) }
            // A ticket issued eight days ago (written as the store keeps it) has expired.
            let old = try #require(try await f.issue(for: pegawaiNIP).ticket)
            let eightDays = Int64(8 * 86_400)
            try await f.service.store.pool.write { db in
                var aged = old
                aged.issuedAt = Common.Timestamp(seconds: (old.issuedAt?.seconds ?? 0) - eightDays, nanos: 0)
                aged.expiresAt = Common.Timestamp(seconds: (old.expiresAt?.seconds ?? 0) - eightDays, nanos: 0)
                try db.execute(sql: "UPDATE service_ticket SET issued_at = ?, expires_at = ?, body = ? WHERE code = ?",
                               arguments: [aged.issuedAt?.seconds, aged.expiresAt?.seconds, Data(try aged.serializedBytes()),
                                           old.ticketCode.replacingOccurrences(of: "-", with: "")])
            }
            try await f.refused(.failedPrecondition, reason: "TICKET_EXPIRED", "an expired ticket") { try await f.rate(old.ticketCode, 4) }
            let good = try #require(try await f.issue(for: pegawaiNIP).ticket)
            try await f.refused(.invalidArgument, reason: "SCORE_OUT_OF_RANGE", "a score of 0") { try await f.rate(good.ticketCode, 0) }
            try await f.refused(.invalidArgument, reason: "TEXT_TOO_LONG", "a comment of 1001 characters") {
                try await f.rate(good.ticketCode, 4, comment: String(repeating: "x", count: 1001))
            }
            try await f.refused(.invalidArgument, reason: "SKM_ANSWERS_INVALID", "eight SKM answers") {
                try await f.rate(good.ticketCode, 4, skm: Array(skm(3).prefix(8)))
            }
            // A mistyped character is caught by the check character before any lookup.
            var typo = Array(good.ticketCode)
            typo[0] = typo[0] == "A" ? "B" : "A"
            try await f.refused(.invalidArgument, reason: "TICKET_CODE_CHECK_FAILED", "a typo") { try await f.rate(String(typo), 4, address: "198.51.100.1") }
            try await f.refused(.invalidArgument, reason: "TICKET_CODE_MALFORMED", "a short code") { try await f.rate("K7QMX-3XHD9", 4, address: "198.51.100.1") }
            // Guesses: well-formed codes that name no ticket. With the typo and the short code, ten wrong codes cost ten
            // tokens; the eleventh guess must wait, even with a right code.
            let guesses = (0..<8).map { _ in TicketCode.generate().display }
            for guess in guesses { try await f.refused(.notFound, reason: "TICKET_NOT_FOUND", "a guessed code") { try await f.rate(guess, 5, address: "198.51.100.1") } }
            let limited = try await f.refused(.resourceExhausted, reason: "GUESS_LIMIT_REACHED", "the guess after ten wrong ones") {
                try await f.rate(good.ticketCode, 5, address: "198.51.100.1")
            }
            let retry = limited?.details.compactMap { detail -> UInt64? in
                if case .retryInfo(let info) = detail.detail { return info.retryDelayMs }
                return nil
            }.first
            #expect((retry ?? 0) > 0, "RetryInfo says how long to wait")
            try await f.refused(.resourceExhausted, reason: "GUESS_LIMIT_REACHED", "looking a ticket up from the same address") {
                try await f.kiosk.getServiceTicket(Feedback.GetServiceTicketRequest(ticketCode: good.ticketCode, clientAddress: "198.51.100.1"))
            }
            // Another citizen at another address is not affected, and the right code never costs.
            _ = try await f.rate(good.ticketCode, 4, address: "198.51.100.2")
        }
    }

    @Test("set aside with their reason: too soon after issue, a burst through one kiosk, one comment on several tickets; moderation excludes and hides with a reason and counting again brings the rule back")
    func outliersAndModeration() async throws {
        try await withFeedback { f in
            let hr = try await f.signIn("pengelola")
            let people = try await f.colleagues()
            let (first, second) = (people[0].nip, people[1].nip)
            // Default policy: a rating within 60 s of issue is set aside.
            let quick = try #require(try await f.issue(for: first).ticket)
            _ = try await f.rate(quick.ticketCode, 5)
            #expect(try await f.ratings(of: first).first?.outlierReason == .tooSoonAfterIssue)
            try await f.setPolicy { $0.minSecondsAfterIssue = 0; $0.burstLimit = 3 }
            for _ in 0..<4 {
                let ticket = try #require(try await f.issue(for: second).ticket)
                _ = try await f.rate(ticket.ticketCode, 5)
            }
            #expect(try await f.ratings(of: second).allSatisfy { $0.outlierReason == .burst }, "four ratings of one employee through one kiosk in 10 minutes")
            try await f.setPolicy { $0.burstLimit = 0 }
            let copied = "Pelayanan sangat memuaskan, petugas sangat ramah dan profesional sekali"
            for nip in [first, people[2].nip] {
                let ticket = try #require(try await f.issue(for: nip).ticket)
                _ = try await f.rate(ticket.ticketCode, 5, comment: copied)
            }
            #expect(try await f.ratings(of: people[2].nip).first?.outlierReason == .identicalComment)
            #expect(try await f.ratings(of: first).first?.outlierReason == .identicalComment, "the earlier copy is set aside too")
            // Moderation: the too-soon rating counted again keeps its rule (in force again); excluded with a reason it is MANUAL.
            try await f.setPolicy { $0.minSecondsAfterIssue = 60 }
            let rating = try #require(try await f.ratings(of: first).last)
            try await f.refused(.invalidArgument, reason: "REASON_REQUIRED", "moderating without a reason") {
                try await f.client.moderateCitizenRating(Feedback.ModerateCitizenRatingRequest(ratingID: rating.ratingID, exclude: true), options: hr)
            }
            try await f.refused(.permissionDenied, "the pimpinan moderating") {
                try await f.client.moderateCitizenRating(Feedback.ModerateCitizenRatingRequest(ratingID: rating.ratingID, exclude: true, reason: "x"),
                                                         options: try await f.signIn("pimpinan"))
            }
            let excluded = try await f.client.moderateCitizenRating(Feedback.ModerateCitizenRatingRequest(
                ratingID: rating.ratingID, exclude: true, hideComment: true, reason: "Komentar memuat nomor telepon warga"), options: hr)
            #expect(excluded.rating?.outlierReason == .manual)
            #expect(excluded.rating?.comment == "" && excluded.rating?.commentHidden == true)
            let counted = try await f.client.moderateCitizenRating(Feedback.ModerateCitizenRatingRequest(
                ratingID: rating.ratingID, exclude: false, hideComment: true, reason: "Dihitung kembali setelah klarifikasi"), options: hr)
            #expect(counted.rating?.outlierReason == .tooSoonAfterIssue, "the rule applies again")
            // The employee sees their own ratings without ticket codes, clients or moderation reasons.
            let own = try await f.client.listCitizenRatings(Feedback.ListCitizenRatingsRequest(includeOutliers: true), options: try await f.signIn(nip: first))
            #expect(!own.ratings.isEmpty)
            #expect(own.ratings.allSatisfy { $0.ticketCode.isEmpty && $0.submittedVia.isEmpty && $0.moderationReason.isEmpty })
            let audited = try await f.auditEvents(action: "/kinerja.feedback.v1.FeedbackService/ModerateCitizenRating")
            #expect(audited.filter { $0.outcome == .success }.count == 2)
        }
    }

    @Test("an employee's and a unit's summary are withheld below the minimum sample and move once it is reached; the unit's SKM gives the IKM and its mutu")
    func summaries() async throws {
        try await withFeedback { f in
            try await f.setPolicy { $0.minSecondsAfterIssue = 0; $0.burstLimit = 0; $0.citizenMinimumSample = 5 }
            let nip = try f.nip("pegawai")
            let range = Common.DateRange(startDate: today.adding(days: -30), endDate: today)
            func summary() async throws -> Feedback.CitizenSummary {
                try #require(try await f.client.getEmployeeCitizenSummary(Feedback.GetEmployeeCitizenSummaryRequest(nip: nip, dateRange: range),
                                                                          options: try await f.signIn("atasan")).summary)
            }
            for score in [5, 4, 5, 3] as [UInt32] {
                _ = try await f.rate(try #require(try await f.issue(for: nip).ticket).ticketCode, score, skm: skm(score == 3 ? 3 : 4))
            }
            let below = try await summary()
            #expect(below.withheld && below.withheldReason == .belowMinimumSample)
            #expect(below.ratingsReceived == 4 && below.meanScore == nil && below.scoreCounts.isEmpty)
            _ = try await f.rate(try #require(try await f.issue(for: nip).ticket).ticketCode, 4, skm: skm(4))
            let shown = try await summary()
            #expect(!shown.withheld)
            #expect(shown.ratingsUsed == 5 && shown.meanScore?.value == 4.2)
            #expect(shown.ticketsIssued == 5 && shown.responseRatePercent == 100)
            let unit = try await f.unitID("KPG.DUKCAPIL")
            let unitSummary = try await f.client.getUnitCitizenSummary(Feedback.GetUnitCitizenSummaryRequest(
                unit: Common.UnitScope(unitID: unit, includeSubunits: true), dateRange: range, includeEmployees: true), options: try await f.signIn("pimpinan"))
            #expect(unitSummary.unitSummary?.ratingsReceived == 5)
            #expect(unitSummary.employeeSummaries.map(\.nip) == [nip])
            let ikm = try #require(unitSummary.skm)
            // Four respondents answered 4 on every unsur and one answered 3: IKM = 2500 × (4·36 + 27) ÷ (9 × 5) = 95.00, mutu A.
            #expect(ikm.respondentCount == 5 && !ikm.withheld)
            #expect(ikm.ikm == 95.0 && ikm.mutu == .aSangatBaik)
            let portal = try await f.hrPortal.getUnitCitizenSummary(Feedback.GetUnitCitizenSummaryRequest(
                unit: Common.UnitScope(unitID: unit, includeSubunits: true), dateRange: range))
            #expect(portal.unitSummary?.ratingsUsed == 5)
            try await f.refused(.permissionDenied, "a pegawai reading the unit's summary") {
                try await f.client.getUnitCitizenSummary(Feedback.GetUnitCitizenSummaryRequest(unit: Common.UnitScope(unitID: unit), dateRange: range),
                                                         options: try await f.signIn("pegawai"))
            }
            try await f.refused(.invalidArgument, reason: "RANGE_INVALID", "a range over 366 days") {
                try await f.client.getEmployeeCitizenSummary(Feedback.GetEmployeeCitizenSummaryRequest(
                    nip: nip, dateRange: Common.DateRange(startDate: today.adding(days: -400), endDate: today)), options: try await f.signIn("atasan"))
            }
        }
    }

    @Test("the policy: pengelola kinerja with an agency-wide scope change it with a reason; a threshold below 3 is refused; a stale revision is ABORTED")
    func policy() async throws {
        try await withFeedback { f in
            let hr = try await f.signIn("pengelola")
            let current = try #require(try await f.client.getFeedbackPolicy(Feedback.GetFeedbackPolicyRequest(), options: try await f.signIn("pegawai")).policy)
            #expect(current.anonymityThreshold == 3 && current.citizenMinimumSample == 10 && current.ticketValidityDays == 7)
            var lower = current
            lower.anonymityThreshold = 2
            try await f.refused(.invalidArgument, reason: "POLICY_OUT_OF_RANGE", "a threshold of 2") {
                try await f.client.setFeedbackPolicy(Feedback.SetFeedbackPolicyRequest(policy: lower, reason: "uji"), options: hr)
            }
            var higher = current
            higher.anonymityThreshold = 5
            let set = try await f.client.setFeedbackPolicy(Feedback.SetFeedbackPolicyRequest(policy: higher, expectedRevision: 0, reason: "Unit kecil"),
                                                           options: hr)
            #expect(set.policy?.revision == 1)
            try await f.refused(.aborted, reason: "REVISION_MISMATCH", "a stale revision") {
                try await f.client.setFeedbackPolicy(Feedback.SetFeedbackPolicyRequest(policy: higher, expectedRevision: 7, reason: "x"), options: hr)
            }
            try await f.refused(.permissionDenied, "the pimpinan of one dinas") {
                try await f.client.setFeedbackPolicy(Feedback.SetFeedbackPolicyRequest(policy: higher, reason: "x"), options: try await f.signIn("pimpinan"))
            }
        }
    }
}
