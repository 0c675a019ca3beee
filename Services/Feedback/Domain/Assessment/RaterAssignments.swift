public import KinerjaProto

/// One employee of a round's population, with the people around them on the day it opens
/// (from identity and planning).
public struct RoundMember: Sendable, Hashable {
    /// The subject.
    public var subject: Common.EmployeeRef
    /// Their atasan langsung (definitive or acting); empty when none (e.g. the Sekda, rated by the Wali Kota).
    public var atasanNIP: String
    /// Their direct bawahan.
    public var bawahanNIPs: [String]
    /// Possible rekan kerja: same atasan or same unit (the subject, the atasan and bawahan are ignored).
    public var peerCandidates: [String]
    /// The atasan's ekspektasi khusus for them (``ValueExpectations``).
    public var expectations: [Feedback.ValueExpectation]

    /// A member from its facts.
    public init(subject: Common.EmployeeRef, atasanNIP: String = "", bawahanNIPs: [String] = [], peerCandidates: [String] = [],
                expectations: [Feedback.ValueExpectation] = []) {
        self.subject = subject
        self.atasanNIP = atasanNIP
        self.bawahanNIPs = bawahanNIPs
        self.peerCandidates = peerCandidates
        self.expectations = expectations
    }
}

/// How a proposed rater stands to a subject (from identity), to check an AssignRaters relation.
public struct RaterTies: Sendable, Hashable {
    /// Same atasan langsung as the subject.
    public var sameAtasan: Bool
    /// Same unit as the subject.
    public var sameUnit: Bool
    /// A direct bawahan of the subject.
    public var isDirectBawahan: Bool

    /// Ties from their facts.
    public init(sameAtasan: Bool = false, sameUnit: Bool = false, isDirectBawahan: Bool = false) {
        self.sameAtasan = sameAtasan
        self.sameUnit = sameUnit
        self.isDirectBawahan = isDirectBawahan
    }
}

/// Who assesses whom in a round: the default assignments made when it opens, raters added later
/// (AssignRaters), and the counts per group.
///
/// - One person is in **one group** per subject: the atasan is never also a rekan kerja, a
///   bawahan never also a peer. The atasan group is one person (the atasan langsung, or the acting
///   Plt./Plh., on the opening day); the self-assessment is the subject alone, only when the round
///   includes it.
/// - Default peers: `peers_per_subject` of the subject's peer candidates, chosen by a keyed hash
///   of (subject, candidate) under the round's key — deterministic for the round, not something a
///   subject can steer or predict.
/// - AssignRaters adds only REKAN_KERJA (same atasan or same unit) and BAWAHAN (a direct bawahan);
///   SELF and ATASAN are automatic. An identical existing assignment is not duplicated
///   (idempotent); the same person in another group is refused.
public enum RaterAssignments {
    /// The default assignments of a newly opened round (ids empty: the store gives them), PENDING.
    public static func defaults(round: Feedback.AssessmentRound, members: [RoundMember], order: CommentOrder) -> [Feedback.AssessmentAssignment] {
        var out: [Feedback.AssessmentAssignment] = []
        for member in members.sorted(by: { $0.subject.nip < $1.subject.nip }) {
            let nip = member.subject.nip
            var taken: Set<String> = [nip]
            func add(_ rater: String, _ relation: Feedback.RaterRelation) {
                out.append(Feedback.AssessmentAssignment(
                    roundID: round.roundID, raterNIP: rater, subject: member.subject, relation: relation, state: .pending,
                    dueAt: round.deadline, period: round.period, expectations: member.expectations))
                taken.insert(rater)
            }
            if round.includeSelf { add(nip, .selfAssessment) }
            if !member.atasanNIP.isEmpty, member.atasanNIP != nip { add(member.atasanNIP, .atasan) }
            if round.includeBawahan {
                for bawahan in Set(member.bawahanNIPs).sorted() where !taken.contains(bawahan) { add(bawahan, .bawahan) }
            }
            let candidates = Set(member.peerCandidates).subtracting(taken).subtracting(member.bawahanNIPs)
            let chosen = candidates.sorted { lhs, rhs in
                order.rank(nip, lhs).lexicographicallyPrecedes(order.rank(nip, rhs))
            }.prefix(Int(round.peersPerSubject))
            for peer in chosen { add(peer, .rekanKerja) }
        }
        return out
    }

    /// What AssignRaters adds, and the subject's group counts afterwards.
    public struct Outcome: Sendable, Hashable {
        /// New assignments (ids empty: the store gives them), PENDING.
        public var added: [Feedback.AssessmentAssignment]
        /// Raters now assigned per group (counts only, never NIPs).
        public var groupCounts: [Feedback.RaterGroupCount]
    }

    /// The assignments AssignRaters adds for `subject`.
    ///
    /// - Parameters:
    ///   - existing: the subject's assignments in the round so far.
    ///   - ties: how each proposed rater stands to the subject; a rater missing here has no tie.
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every bad rater (count 1–30, NIP,
    ///   relation, the subject as own rater, a relation the tree does not show), then
    ///   `ROUND_CLOSED`/`ROUND_PAST_DEADLINE`, then `RATER_ALREADY_ASSIGNED` for someone already in another group.
    public static func assign(_ request: Feedback.AssignRatersRequest, round: Feedback.AssessmentRound, subject: Common.EmployeeRef,
                              existing: [Feedback.AssessmentAssignment], ties: [String: RaterTies],
                              now: Common.Timestamp) throws(FeedbackError) -> Outcome {
        var problems = ViolationCollector()
        if !FeedbackLimits.ratersPerRequest.contains(request.raters.count) {
            problems.add(.tooManyItems, "give 1-\(FeedbackLimits.ratersPerRequest.upperBound) raters, got \(request.raters.count)", field: "raters")
        }
        var wanted: [String: Feedback.RaterRelation] = [:]
        for (index, choice) in request.raters.enumerated() {
            let path = "raters[\(index)]"
            guard (try? FeedbackInput.nip(choice.raterNIP, field: path + ".rater_nip")) != nil else {
                problems.add(.nipInvalid, "rater_nip must be a NIP of 18 digits", field: path + ".rater_nip")
                continue
            }
            let tie = ties[choice.raterNIP] ?? RaterTies()
            switch choice.relation {
            case .rekanKerja, .bawahan:
                if choice.raterNIP == subject.nip {
                    problems.add(.raterIsSubject, "the subject is not their own \(choice.relation.label)", field: path + ".rater_nip")
                } else if choice.relation == .rekanKerja, !(tie.sameAtasan || tie.sameUnit) || tie.isDirectBawahan {
                    problems.add(.raterRelationInvalid, "a rekan kerja shares the subject's atasan or unit (and is not their bawahan)", field: path + ".relation")
                } else if choice.relation == .bawahan, !tie.isDirectBawahan {
                    problems.add(.raterRelationInvalid, "a bawahan rater is a direct bawahan of the subject", field: path + ".relation")
                } else if let earlier = wanted[choice.raterNIP], earlier != choice.relation {
                    problems.add(.raterRelationInvalid, "the request names this rater in two groups", field: path + ".relation")
                } else {
                    wanted[choice.raterNIP] = choice.relation
                }
            case .selfAssessment, .atasan:
                problems.add(.raterRelationInvalid, "SELF_ASSESSMENT and ATASAN raters are assigned automatically; add REKAN_KERJA or BAWAHAN",
                             field: path + ".relation")
            case .unspecified, .unrecognized:
                problems.add(.raterRelationInvalid, "relation must be REKAN_KERJA or BAWAHAN", field: path + ".relation")
            }
        }
        try problems.throwIfAny()
        try AssessmentRoundLifecycle(round).checkAcceptsChanges(at: now)

        let live = existing.filter { $0.state != .cancelled }
        var added: [Feedback.AssessmentAssignment] = []
        for (rater, relation) in wanted.sorted(by: { $0.key < $1.key }) {
            if let current = live.first(where: { $0.raterNIP == rater }) {
                guard current.relation == relation else {
                    throw FeedbackError(.raterAlreadyAssigned, "that rater already assesses the subject as \(current.relation.label); a person is in one group only")
                }
                continue
            }
            added.append(Feedback.AssessmentAssignment(
                roundID: round.roundID, raterNIP: rater, subject: subject, relation: relation, state: .pending,
                dueAt: round.deadline, period: round.period, expectations: live.first?.expectations ?? []))
        }
        return Outcome(added: added, groupCounts: groupCounts(live + added))
    }

    /// Raters assigned per group (not cancelled), in the order SELF, ATASAN, REKAN_KERJA, BAWAHAN; empty groups left out.
    public static func groupCounts(_ assignments: [Feedback.AssessmentAssignment]) -> [Feedback.RaterGroupCount] {
        Feedback.RaterRelation.groups.compactMap { relation in
            let count = assignments.filter { $0.relation == relation && $0.state != .cancelled }.count
            return count == 0 ? nil : Feedback.RaterGroupCount(relation: relation, assignedCount: UInt32(count))
        }
    }

    /// The assignment as the subject's side may see it: the rater's NIP removed (only the rater and
    /// pengelola kinerja see who rates whom).
    public static func withoutRater(_ assignment: Feedback.AssessmentAssignment) -> Feedback.AssessmentAssignment {
        var copy = assignment
        copy.raterNIP = ""
        return copy
    }
}

/// The atasan's ekspektasi khusus for one subject, per value, as an assignment shows them.
public enum ValueExpectations {
    /// One entry per value that has expectations (several joined with "; "), in value order,
    /// each cut to 4000 characters.
    public static func from(_ expectations: [Planning.BehaviourExpectation]) -> [Feedback.ValueExpectation] {
        Common.BerakhlakValue.seven.compactMap { value in
            let texts = expectations.filter { $0.value == value }.map { $0.ekspektasiKhusus.trimmedForFeedback }.filter { !$0.isEmpty }
            guard !texts.isEmpty else { return nil }
            var joined = texts.joined(separator: "; ")
            if joined.unicodeScalars.count > FeedbackLimits.expectationMaximum {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: joined.unicodeScalars.prefix(FeedbackLimits.expectationMaximum - 1))
                view.append("…")
                joined = String(view)
            }
            return Feedback.ValueExpectation(value: value, ekspektasiKhusus: joined)
        }
    }
}
