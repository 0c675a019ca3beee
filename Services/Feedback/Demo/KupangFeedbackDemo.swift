public import Foundation
import KinerjaASN
import KinerjaDemo
public import KinerjaIdentityClient
public import KinerjaProto

/// The feedback of the Kupang demo organisation for one year, generated from a seed: the same
/// seed, organisation, day and secret always give the same records, ids and ticket codes included.
///
/// Contents (every record built by the domain rules, as a handler would):
/// - continuous feedback from each atasan to their bawahan, 0–3 items each this year (apresiasi,
///   saran, koreksi, umum), most acknowledged, some tied to an RHK of the bawahan's SKP;
///   solicitations (the `pegawai` persona has one OPEN request for feedback and one dialog
///   request answered by a dialog);
/// - dialog kinerja per pair and triwulan so far (most agreed, a few disputed or still awaiting
///   confirmation, follow-up actions some of them closed) — enough pairs behind to show it — and
///   coaching sessions with the coachee's rating;
/// - a closed 360° round for Dukcapil (with sub-units) over the last ended triwulan: self, atasan,
///   bawahan and three rekan kerja per subject, most submitted; the `pegawai` persona's rekan kerja
///   group has two answers (withheld below the threshold of 3), the `atasan` persona's is shown;
/// - citizen tickets and ratings at the Dukcapil, DPMPTSP and Puskesmas counters over the last six
///   weeks, with SKM answers on most, and some set aside: rated seconds after issue, a burst of
///   ratings of one employee through the kiosk, and one comment copied onto several ratings; the
///   newest tickets are still unrated (the `pegawai` persona has two, printed at first start).
public struct KupangFeedbackDemo: Sendable {
    /// The seed (the same as identity's and planning's demo).
    public let seed: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64) {
        self.seed = seed
    }

    /// What the generator reads: identity's organisation and what planning holds.
    public struct Input: Sendable {
        /// Every active employee.
        public var employees: [Identity.Employee]
        /// The unit tree.
        public var tree: UnitTreeSnapshot
        /// NIPs of the demo personas by name (`pegawai`, `atasan`, `pengelola`).
        public var personas: [String: String]
        /// The demo year.
        public var year: Int32
        /// Now (nothing is dated after it).
        public var now: Date
        /// RHK ids of employees' SKPs (feedback links to them), by NIP.
        public var rhks: [String: [String]]
        /// The atasan's ekspektasi khusus, by NIP (shown on assignments).
        public var expectations: [String: [Feedback.ValueExpectation]]
        /// The deployment secret (rater pseudonyms, comment orders).
        public var secret: [UInt8]
        /// The kiosk that issues tickets (its SPIFFE URI).
        public var kiosk: String

        /// An input.
        public init(employees: [Identity.Employee], tree: UnitTreeSnapshot, personas: [String: String], year: Int32, now: Date,
                    rhks: [String: [String]] = [:], expectations: [String: [Feedback.ValueExpectation]] = [:], secret: [UInt8],
                    kiosk: String = "spiffe://kinerja.kupangkota.go.id/client/citizen-kiosk") {
            self.employees = employees
            self.tree = tree
            self.personas = personas
            self.year = year
            self.now = now
            self.rhks = rhks
            self.expectations = expectations
            self.secret = secret
            self.kiosk = kiosk
        }
    }

    /// What the generator makes, ready to store.
    public struct Output: Sendable {
        /// Feedback with the recipient's unit.
        public var feedback: [(Feedback.ContinuousFeedback, unitID: String)] = []
        /// Solicitations with the requester's unit.
        public var solicitations: [(Feedback.FeedbackSolicitation, unitID: String)] = []
        /// Dialogs with the employee's unit.
        public var dialogs: [(Feedback.DialogRecord, unitID: String)] = []
        /// Coaching records with the coachee's unit.
        public var coaching: [(Feedback.CoachingRecord, unitID: String)] = []
        /// The closed 360° round.
        public var rounds: [Feedback.AssessmentRound] = []
        /// Its assignments.
        public var assignments: [Feedback.AssessmentAssignment] = []
        /// Its answers (with the round id).
        public var assessments: [(Feedback.BehaviourAssessment, roundID: String)] = []
        /// Tickets with their canonical code.
        public var tickets: [(Feedback.ServiceTicket, code: String)] = []
        /// Ratings with their ticket's canonical code.
        public var ratings: [(Feedback.CitizenRating, code: String)] = []
        /// Unrated tickets of the `pegawai` persona a demo can rate (display codes).
        public var openTickets: [Feedback.ServiceTicket] = []
    }

    /// The demo for `input`.
    public func generate(_ input: Input) throws -> Output {
        var out = Output()
        let today = Wita.today(now: input.now)
        guard input.year <= today.year else { return out }
        let byNIP = Dictionary(input.employees.map { ($0.nip, $0) }, uniquingKeysWith: { first, _ in first })
        let pairs = input.employees.filter { byNIP[$0.atasanNIP] != nil }.sorted { $0.nip < $1.nip }
        let yearStart = Common.Date(year: input.year, month: 1, day: 2)
        let last = input.year == today.year ? today : Common.Date(year: input.year, month: 12, day: 31)
        guard let days = WitaDayRange(yearStart, last) else { return out }
        let calendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026)
        let working = calendar.workingDays(in: days)
        guard !working.isEmpty else { return out }
        let nowSeconds = Int64(input.now.timeIntervalSince1970)
        let pegawai = input.personas["pegawai"]
        let pengelola = input.personas["pengelola"] ?? ""

        func stamp(_ nip: String, _ seconds: Int64, kind: Common.PrincipalKind = .user) -> Common.AuditStamp {
            Common.AuditStamp(principal: nip, principalKind: kind, at: Common.Timestamp(seconds: min(seconds, nowSeconds), nanos: 0))
        }
        func instant(_ day: Common.Date, _ random: inout SeededRandom, from: Int = 8 * 3600, through: Int = 15 * 3600) -> Int64 {
            Int64(Wita.startOfDay(day)?.timeIntervalSince1970 ?? 0) + Int64(random.int(in: from...through))
        }

        // MARK: Continuous feedback and solicitations.
        for employee in pairs {
            var random = SeededRandom(seed: seed, salt: "feedback/" + employee.nip)
            for _ in 0..<random.int(in: 0...3) {
                let day = random.pick(working)
                let given = instant(day, &random)
                guard given <= nowSeconds else { continue }
                let kind = Self.kind(random.below(100))
                var request = Feedback.ContinuousFeedback(recipientNIP: employee.nip, kind: kind,
                                                          message: random.pick(DemoFeedbackCatalog.feedback[kind] ?? ["Terima kasih."]))
                if random.chance(perMille: 500) { request.relatedValue = random.pick(BerakhlakDemo.values) }
                if let rhks = input.rhks[employee.nip], !rhks.isEmpty, random.chance(perMille: 400) {
                    request.subjectKind = .rhk
                    request.subjectID = random.pick(rhks)
                }
                var feedback = try ContinuousFeedbackRules.validated(Feedback.GiveFeedbackRequest(feedback: request))
                feedback.feedbackID = random.ulid(milliseconds: UInt64(given) * 1000)
                feedback.giverNIP = employee.atasanNIP
                feedback.given = stamp(employee.atasanNIP, given)
                let acknowledged = given + Int64(random.int(in: 3600...172_800))
                if random.chance(perMille: 700), acknowledged <= nowSeconds {
                    var lifecycle = FeedbackLifecycle(feedback)
                    feedback.response = try lifecycle.acknowledge(by: employee.nip,
                                                                  response: random.chance(perMille: 400) ? random.pick(DemoFeedbackCatalog.responses) : "")
                    feedback.acknowledged = stamp(employee.nip, acknowledged)
                }
                out.feedback.append((feedback, employee.unitID))
            }
            let asks = employee.nip == pegawai ? 1 : (random.chance(perMille: 30) ? 1 : 0)
            if asks == 1 {
                let asked = max(nowSeconds - Int64(random.int(in: 3600...172_800)), Int64(Wita.startOfDay(yearStart)?.timeIntervalSince1970 ?? 0))
                var request = Feedback.FeedbackSolicitation(addresseeNIP: employee.atasanNIP, kind: .feedback,
                                                            message: DemoFeedbackCatalog.solicitations[0])
                request.subjectKind = .unspecified
                var solicitation = try SolicitationRules.validated(Feedback.SolicitFeedbackRequest(solicitation: request), requesterNIP: employee.nip,
                                                                   addresseeStanding: FeedbackStanding(levelsAbove: 1), openWithAddressee: 0,
                                                                   policy: EffectiveFeedbackPolicy())
                solicitation.solicitationID = random.ulid(milliseconds: UInt64(asked) * 1000)
                solicitation.asked = stamp(employee.nip, asked)
                out.solicitations.append((solicitation, employee.unitID))
            }
        }

        // MARK: Dialog kinerja and coaching.
        for employee in pairs {
            var random = SeededRandom(seed: seed, salt: "dialog/" + employee.nip)
            for triwulan in [Common.Triwulan.i, .ii, .iii, .iv] {
                guard let quarter = WitaDayRange(period: Common.Period(year: input.year, kind: .quarterly, triwulan: triwulan)),
                      let held = quarter.intersection(days) else { continue }
                let ended = quarter.end < today
                guard random.chance(perMille: ended ? 820 : 450) else { continue }
                let candidates = calendar.workingDays(in: held)
                guard !candidates.isEmpty else { continue }
                let day = random.pick(candidates)
                let at = instant(day, &random)
                guard at <= nowSeconds else { continue }
                let stage: Feedback.DialogStage = triwulan == .i ? .perencanaan : .pemantauan
                let items = (0..<random.int(in: 0...2)).map { _ in
                    Feedback.ActionItem(text: random.pick(DemoFeedbackCatalog.actions), dueDate: day.adding(days: random.int(in: 7...30)),
                                        ownerNIP: employee.nip)
                }
                var solicitationID = ""
                if employee.nip == pegawai, triwulan == .i {
                    // The persona asked for this dialog first; the atasan answered by recording it.
                    var ask = try SolicitationRules.validated(
                        Feedback.SolicitFeedbackRequest(solicitation: Feedback.FeedbackSolicitation(addresseeNIP: employee.atasanNIP, kind: .dialog,
                                                                                                    message: DemoFeedbackCatalog.solicitations[1])),
                        requesterNIP: employee.nip, addresseeStanding: FeedbackStanding(levelsAbove: 1), openWithAddressee: 0, policy: EffectiveFeedbackPolicy())
                    ask.solicitationID = random.ulid(milliseconds: UInt64(at - 86_400) * 1000)
                    ask.asked = stamp(employee.nip, at - 86_400)
                    solicitationID = ask.solicitationID
                    out.solicitations.append((ask, employee.unitID))
                }
                let request = Feedback.RecordDialogRequest(dialog: Feedback.DialogRecord(
                    employeeNIP: employee.nip, stage: stage, heldOn: day, period: Common.Period(year: input.year, kind: .quarterly, triwulan: triwulan),
                    summary: random.pick(DemoFeedbackCatalog.dialogSummaries[stage] ?? ["Dialog kinerja."]),
                    agreements: Array(DemoFeedbackCatalog.agreements.shuffledPrefix(random.int(in: 1...2), &random)), actionItems: items,
                    solicitationID: solicitationID))
                var dialog = try DialogRules.validatedRecord(request, atasanNIP: employee.atasanNIP, standing: FeedbackStanding(levelsAbove: 1),
                                                             today: today)
                dialog.dialogID = random.ulid(milliseconds: UInt64(at) * 1000)
                dialog.recorded = stamp(employee.atasanNIP, at)
                if !solicitationID.isEmpty, let index = out.solicitations.firstIndex(where: { $0.0.solicitationID == solicitationID }) {
                    var lifecycle = SolicitationLifecycle(out.solicitations[index].0)
                    try lifecycle.apply(.answer(by: employee.atasanNIP, kind: .dialog, recipientNIP: employee.nip, answerID: dialog.dialogID))
                    out.solicitations[index].0.state = lifecycle.state
                    out.solicitations[index].0.answerID = dialog.dialogID
                    out.solicitations[index].0.closed = stamp(employee.atasanNIP, at)
                }
                let answered = at + Int64(random.int(in: 3600...259_200))
                let fate = random.below(100)
                if answered <= nowSeconds, fate < 92 {
                    var lifecycle = DialogLifecycle(dialog)
                    let action = try lifecycle.apply(fate < 87 ? .agree(by: employee.nip) : .dispute(
                        by: employee.nip, comment: "Saya tidak sepakat dengan catatan keterlambatan; jaringan SIAK terputus dua hari."))
                    if case .disputed(let comment) = action { dialog.employeeComment = comment }
                    for item in dialog.actionItems where random.chance(perMille: 500) {
                        let closedAt = answered + Int64(random.int(in: 86_400...1_209_600))
                        guard closedAt <= nowSeconds else { continue }
                        try lifecycle.apply(.closeItem(number: item.number, note: random.pick(DemoFeedbackCatalog.closingNotes), by: employee.nip,
                                                       stamp: stamp(employee.nip, closedAt)))
                    }
                    dialog.state = lifecycle.state
                    dialog.revision = lifecycle.revision
                    dialog.actionItems = lifecycle.actionItems
                    dialog.confirmed = stamp(employee.nip, answered)
                }
                out.dialogs.append((dialog, employee.unitID))
            }
            if random.chance(perMille: 120) {
                let day = random.pick(working)
                let at = instant(day, &random)
                guard at <= nowSeconds else { continue }
                let kind: Feedback.CoachingKind = [.coaching, .coaching, .mentoring, .konseling][random.below(4)]
                var record = try CoachingRules.validatedRecord(
                    Feedback.RecordCoachingRequest(coaching: Feedback.CoachingRecord(
                        coacheeNIP: employee.nip, kind: kind, heldOn: day, durationMinutes: UInt32(random.pick([30, 45, 60, 90])),
                        topic: random.pick(DemoFeedbackCatalog.coachingTopics), notes: "Sesi berjalan baik; pegawai aktif bertanya.")),
                    coachNIP: employee.atasanNIP, standing: FeedbackStanding(levelsAbove: 1), appointedCoach: false, today: today)
                record.coachingID = random.ulid(milliseconds: UInt64(at) * 1000)
                record.recorded = stamp(employee.atasanNIP, at)
                let rated = at + Int64(random.int(in: 3600...172_800))
                if rated <= nowSeconds, random.chance(perMille: 800) {
                    record.coacheeRating = try CoachingRules.rating(
                        Feedback.RateCoachingRequest(coachingID: record.coachingID,
                                                     rating: Feedback.CoachingRating(score: UInt32(random.pick([3, 4, 4, 5, 5])), comment: "")),
                        of: record, by: employee.nip, stamp: stamp(employee.nip, rated))
                    record.revision += 1
                }
                out.coaching.append((record, employee.unitID))
            }
        }

        // MARK: A closed 360° round for Dukcapil.
        if let dukcapil = input.tree.unit(code: "KPG.DUKCAPIL") {
            try closedRound(for: dukcapil, input: input, today: today, nowSeconds: nowSeconds, pengelola: pengelola, into: &out)
        }

        // MARK: Citizen tickets and ratings.
        try citizens(input: input, today: today, nowSeconds: nowSeconds, calendar: calendar, into: &out)
        return out
    }

    static func kind(_ roll: Int) -> Feedback.FeedbackKind {
        switch roll {
        case ..<45: .apresiasi
        case ..<75: .saran
        case ..<90: .koreksi
        default: .umum
        }
    }
}

/// The seven values, for the demo's random picks.
enum BerakhlakDemo {
    static let values: [Common.BerakhlakValue] = [.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif]
}

extension Array {
    /// The first `count` elements of a seeded shuffle.
    func shuffledPrefix(_ count: Int, _ random: inout SeededRandom) -> [Element] {
        random.distinct(count, of: self.count).map { self[$0] }
    }
}
