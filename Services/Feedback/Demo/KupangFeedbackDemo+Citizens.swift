import Foundation
import KinerjaASN
import KinerjaDemo
import KinerjaIdentityClient
import KinerjaProto

extension KupangFeedbackDemo {
    /// Days of tickets before today.
    static let ticketDays = 42

    /// Tickets and ratings at the counters of Dukcapil, DPMPTSP and the Puskesmas over the last
    /// six weeks of working days, with the planted outliers, classified by ``CitizenOutliers``.
    func citizens(input: Input, today: Common.Date, nowSeconds: Int64, calendar: WorkingDayCalendar, into out: inout Output) throws {
        guard let start = today.adding(days: -Self.ticketDays), let days = WitaDayRange(start, today) else { return }
        let dates = calendar.workingDays(in: days)
        let counters = input.tree.all.filter { unit in
            unit.publicServicePoint && DemoFeedbackCatalog.services.contains { unit.code.hasPrefix($0.codePrefix) }
        }.sorted { $0.code < $1.code }
        let pegawai = input.personas["pegawai"]
        var facts: [String: [CitizenOutliers.Facts]] = [:]
        var codes: [String: String] = [:]
        for unit in counters {
            let staff = input.employees.filter { $0.unitID == unit.unitID }.sorted { $0.nip < $1.nip }
            guard !staff.isEmpty else { continue }
            let services = DemoFeedbackCatalog.services.first { unit.code.hasPrefix($0.codePrefix) }?.names ?? ["Pelayanan umum"]
            var random = SeededRandom(seed: seed, salt: "tickets/" + unit.code)
            // One day and one server of the unit see a burst: eight ratings through the kiosk within six minutes.
            let burstDay = dates.count > 3 ? dates[random.below(dates.count - 3)] : nil
            let burstServer = random.pick(staff).nip
            for (dayIndex, day) in dates.enumerated() {
                let regular = staff.contains { $0.nip == pegawai } ? random.int(in: 4...7) : random.int(in: 1...4)
                let count = day == burstDay ? regular + 8 : regular
                for slot in 0..<count {
                    let planted = slot >= regular
                    var server = planted ? burstServer : random.pick(staff).nip
                    if !planted, let pegawai, staff.contains(where: { $0.nip == pegawai }), random.chance(perMille: 450) { server = pegawai }
                    let issued = Int64(Wita.startOfDay(day)?.timeIntervalSince1970 ?? 0) + Int64(8 * 3600 + slot * 1500 + random.int(in: 0...1200))
                    guard issued < nowSeconds - 300 else { continue }
                    let code = TicketCode.generate(randomBytes: { count in (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } })
                    var ticket = try ServiceTicketLifecycle.validatedIssue(
                        Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
                            unitID: unit.unitID, servedByNIP: server, serviceName: random.pick(services), counterName: "Loket \(random.int(in: 1...4))")),
                        code: code, stamp: Common.AuditStamp(principal: input.kiosk, principalKind: .machineClient,
                                                             at: Common.Timestamp(seconds: issued, nanos: 0)))
                    ticket.servedByDisplayName = input.employees.first { $0.nip == server }?.displayName ?? ""
                    codes[ticket.ticketCode] = code.canonical
                    let recent = dayIndex >= dates.count - 1
                    var lifecycle = ServiceTicketLifecycle(ticket)
                    // The newest tickets stay unrated (a demo rates them); older ones are mostly rated.
                    var rated: Int64? = nil
                    if planted {
                        // Someone at the kiosk works through a pile of that employee's tickets late in the day.
                        rated = Int64(Wita.startOfDay(day)?.timeIntervalSince1970 ?? 0) + 16 * 3600 + Int64((slot - regular) * 40)
                    } else if !recent, random.chance(perMille: 720) {
                        rated = random.chance(perMille: 30) ? issued + Int64(random.int(in: 5...40)) : issued + Int64(random.int(in: 300...108_000))
                    }
                    if let at = rated, at < nowSeconds, at < (ticket.expiresAt?.seconds ?? 0) {
                        try lifecycle.rate(at: Common.Timestamp(seconds: at, nanos: 0))
                        ticket.state = lifecycle.state
                        let score = Self.citizenScore(random.below(100))
                        var comment = random.pick(DemoFeedbackCatalog.citizenComments)
                        if unit.code.hasPrefix("KPG.DPMPTSP"), dayIndex % 9 == 4, slot < 2 { comment = DemoFeedbackCatalog.copiedComment }
                        let skm: [Feedback.SkmAnswer] = random.chance(perMille: 600)
                            ? Feedback.SkmUnsur.nine.map { unsur in
                                Feedback.SkmAnswer(unsur: unsur, score: UInt32(max(1, min(4, Int(score) - 1 + random.int(in: -1...1)))))
                              }
                            : []
                        let submission = try CitizenRatingRules.validated(Feedback.SubmitCitizenRatingRequest(
                            ticketCode: code.display, score: score, comment: comment, skmAnswers: skm))
                        let rating = CitizenRatingRules.rating(submission, ticket: ticket,
                                                               ratingID: random.ulid(milliseconds: UInt64(at) * 1000), submittedVia: input.kiosk,
                                                               at: Common.Timestamp(seconds: at, nanos: 0))
                        facts[unit.unitID, default: []].append(CitizenOutliers.Facts(rating: rating, ticketIssuedAt: ticket.issuedAt ?? Common.Timestamp()))
                    } else if lifecycle.expire(at: Common.Timestamp(seconds: nowSeconds, nanos: 0)) {
                        ticket.state = lifecycle.state
                    } else if server == pegawai, ticket.state == .issued {
                        out.openTickets.append(ticket)
                    }
                    out.tickets.append((ticket, code.canonical))
                }
            }
        }
        let policy = EffectiveFeedbackPolicy()
        for unitID in facts.keys.sorted() {
            let unitFacts = facts[unitID] ?? []
            for rating in CitizenOutliers.classify(unitFacts, policy: policy) {
                out.ratings.append((rating, codes[rating.ticketCode] ?? ""))
            }
        }
        out.openTickets = Array(out.openTickets.suffix(2))
    }

    /// Scores as citizens give them at Kupang's counters: mostly satisfied, a few not.
    static func citizenScore(_ roll: Int) -> UInt32 {
        switch roll {
        case ..<45: 5
        case ..<78: 4
        case ..<90: 3
        case ..<96: 2
        default: 1
        }
    }
}
