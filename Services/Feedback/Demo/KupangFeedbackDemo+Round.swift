import Foundation
import KinerjaASN
import KinerjaDemo
import KinerjaIdentityClient
import KinerjaProto

extension KupangFeedbackDemo {
    /// The last triwulan that has ended by `today` (triwulan IV of last year in the first quarter).
    static func lastEndedTriwulan(_ today: Common.Date) -> Common.Period {
        let quarter = Int((today.month - 1) / 3)
        let order: [Common.Triwulan] = [.i, .ii, .iii, .iv]
        return quarter == 0 ? Common.Period(year: today.year - 1, kind: .quarterly, triwulan: .iv)
            : Common.Period(year: today.year, kind: .quarterly, triwulan: order[quarter - 1])
    }

    /// A closed round over `unit` and its sub-units for the last ended triwulan: the default
    /// assignments (self, atasan, bawahan, three rekan kerja), most submitted, the rest expired.
    func closedRound(for unit: Identity.Unit, input: Input, today: Common.Date, nowSeconds: Int64, pengelola: String,
                     into out: inout Output) throws {
        let scope = Set(input.tree.subtree(of: unit.unitID))
        let people = input.employees.filter { scope.contains($0.unitID) }.sorted { $0.nip < $1.nip }
        guard !people.isEmpty else { return }
        let period = Self.lastEndedTriwulan(today)
        guard let days = WitaDayRange(period: period), let opening = Wita.startOfDay(days.end) else { return }
        var random = SeededRandom(seed: seed, salt: "round/" + unit.code)
        let opened = min(Int64(opening.timeIntervalSince1970) + 86_400 + 9 * 3600, nowSeconds - 7200)
        let deadline = opened + 14 * 86_400
        let closed = min(deadline, nowSeconds - 3600)
        var round = Feedback.AssessmentRound(
            roundID: random.ulid(milliseconds: UInt64(opened) * 1000), unit: Common.UnitScope(unitID: unit.unitID, includeSubunits: true),
            period: period, state: .active, deadline: Common.Timestamp(seconds: deadline, nanos: 0), peersPerSubject: 3,
            includeBawahan: true, includeSelf: true, anonymityThreshold: UInt32(EffectiveFeedbackPolicy().anonymityThreshold),
            opened: Common.AuditStamp(principal: pengelola, principalKind: .user, at: Common.Timestamp(seconds: opened, nanos: 0)))
        let order = try CommentOrder(deploymentSecret: input.secret, roundID: round.roundID)
        let pseudonyms = try RaterPseudonym(secret: input.secret)
        let members = FeedbackHandlers.roundMembers(people, expectations: input.expectations)
        var assignments = RaterAssignments.defaults(round: round, members: members, order: order)
        let pegawai = input.personas["pegawai"], atasan = input.personas["atasan"]
        var peersAnswered: [String: Int] = [:]
        var level: [String: Int] = [:]
        for index in assignments.indices {
            assignments[index].assignmentID = random.ulid(milliseconds: UInt64(opened) * 1000)
            let subject = assignments[index].subject?.nip ?? ""
            let relation = assignments[index].relation
            let chance: Int = switch relation {
            case .selfAssessment: 900
            case .atasan: 950
            default: 720
            }
            var submit = random.chance(perMille: chance)
            if relation == .rekanKerja {
                // The personas show both sides of the threshold: two answers (withheld) and all three (shown).
                if subject == pegawai { submit = peersAnswered[subject, default: 0] < 2 }
                if subject == atasan { submit = true }
                if submit { peersAnswered[subject, default: 0] += 1 }
            }
            guard submit else {
                var lifecycle = AssignmentLifecycle(assignments[index])
                lifecycle.expire()
                assignments[index].state = lifecycle.state
                continue
            }
            // Answers come in between the opening and the closing.
            let at = opened + Int64(random.int(in: 60...max(60, Int(closed - opened) - 60)))
            let base = level[subject] ?? (3 + (random.chance(perMille: 550) ? 1 : 0))
            level[subject] = base
            var scores: [Feedback.ValueScore] = []
            for value in BerakhlakDemo.values {
                let score = UInt32(max(1, min(5, base + random.int(in: -1...1))))
                let comments = DemoFeedbackCatalog.behaviourComments[value]
                let comment = score == 1 ? comments?.low ?? "" : score == 5 ? comments?.high ?? "" : (random.chance(perMille: 150) ? comments?.high ?? "" : "")
                scores.append(Feedback.ValueScore(value: value, score: score, comment: comment))
            }
            var lifecycle = AssignmentLifecycle(assignments[index])
            try lifecycle.submit(by: assignments[index].raterNIP, round: AssessmentRoundLifecycle(round), at: Common.Timestamp(seconds: at, nanos: 0))
            assignments[index].state = lifecycle.state
            let answer = try BehaviourAssessmentRules.validated(Feedback.SubmitBehaviourAssessmentRequest(
                assignmentID: assignments[index].assignmentID, scores: scores, overallComment: random.pick(DemoFeedbackCatalog.overallComments)))
            var assessment = BehaviourAssessmentRules.assessment(answer, for: assignments[index],
                                                                 stamp: pseudonyms.auditStamp(raterNIP: assignments[index].raterNIP, roundID: round.roundID,
                                                                                              at: Common.Timestamp(seconds: at, nanos: 0)))
            assessment.assessmentID = random.ulid(milliseconds: UInt64(at) * 1000)
            out.assessments.append((assessment, round.roundID))
        }
        var lifecycle = AssessmentRoundLifecycle(round)
        _ = try lifecycle.close(reason: "")
        round.state = lifecycle.state
        round.closed = Common.AuditStamp(principal: pengelola, principalKind: .user, at: Common.Timestamp(seconds: closed, nanos: 0))
        round.subjectCount = UInt32(members.count)
        round.assignmentCount = UInt32(assignments.count)
        round.submittedCount = UInt32(assignments.filter { $0.state == .submitted }.count)
        out.rounds.append(round)
        out.assignments += assignments
    }
}
