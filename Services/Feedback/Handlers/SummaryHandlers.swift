public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

extension FeedbackHandlers {
    public func getBehaviourSummary(_ request: Feedback.GetBehaviourSummaryRequest,
                                    context: ServerContext) async throws -> Feedback.GetBehaviourSummaryResponse {
        let nip = try FeedbackInput.nip(request.nip, field: "nip")
        _ = try FeedbackInput.days(of: request.period)
        let subject = try await employee(nip)
        try await Access.required().require(.employee(nip: nip))
        let tree = try await directory.unitTree()
        let summaries = try await behaviourSummaries(of: [subject], period: request.period ?? Common.Period(), tree: tree)
        return Feedback.GetBehaviourSummaryResponse(summary: summaries.first)
    }

    public func streamBehaviourSummaries(_ request: Feedback.StreamBehaviourSummariesRequest,
                                         responses: RPCWriter<Feedback.StreamBehaviourSummariesResponse>, context: ServerContext) async throws {
        _ = try FeedbackInput.days(of: request.period)
        guard let scope = request.unit else { throw FeedbackError(.fieldRequired, "unit is required", field: "unit") }
        _ = try await units(scope)
        try await Access.required().require(.unit(id: scope.unitID))
        let members = try await directory.members(of: scope.unitID, includeSubunits: scope.includeSubunits)
        let tree = try await directory.unitTree()
        // One read for the whole unit, then one message per employee.
        for summary in try await behaviourSummaries(of: members, period: request.period ?? Common.Period(), tree: tree) {
            try await responses.write(Feedback.StreamBehaviourSummariesResponse(summary: summary))
        }
    }

    /// The behaviour summaries of `members` for `period` (by NIP): each from the newest round of the
    /// period they are a subject of (``BehaviourSummaryBuilder``, which withholds what anonymity
    /// requires), their citizen summary when they serve a public counter or were rated
    /// (``CitizenSummaryBuilder``), and the atasan chain's feedback of the period
    /// (``ContinuousFeedbackRules/tally(_:recipientNIP:days:)``). One read transaction.
    func behaviourSummaries(of members: [Identity.Employee], period: Common.Period,
                            tree: UnitTreeSnapshot) async throws -> [Feedback.BehaviourSummary] {
        let days = try FeedbackInput.days(of: period)
        let nips = members.map(\.nip)
        let (from, through) = Self.instants(days)
        let now = self.now
        let secret = self.secret
        return try await store.pool.read { db in
            let policy = try PolicyRecords.effective(in: db)
            let rounds = try AssessmentRecords.rounds(period: period, subjects: nips, in: db)
            var roundOf: [String: Feedback.AssessmentRound] = [:]
            var assignments: [String: [Feedback.AssessmentAssignment]] = [:]
            var assessments: [String: [Feedback.BehaviourAssessment]] = [:]
            for round in rounds {
                let subjects = nips.filter { roundOf[$0] == nil }
                guard !subjects.isEmpty else { break }
                let given = try AssessmentRecords.assignments(round: round.roundID, subjects: subjects, in: db)
                for (nip, list) in Dictionary(grouping: given, by: { $0.subject?.nip ?? "" }) where roundOf[nip] == nil {
                    roundOf[nip] = round
                    assignments[nip] = list
                }
                for answer in try AssessmentRecords.assessments(round: round.roundID, subjects: subjects, in: db) where roundOf[answer.subjectNIP]?.roundID == round.roundID {
                    assessments[answer.subjectNIP, default: []].append(answer)
                }
            }
            let feedback = Dictionary(grouping: try ContinuousRecords.received(by: nips, from: from, through: through, in: db), by: \.recipientNIP)
            let ratings = Dictionary(grouping: try CitizenRecords.submitted(employees: nips, from: from, through: through, in: db), by: \.employeeNIP)
            let issued = try CitizenRecords.issuedCounts(employees: nips, from: from, through: through, in: db)
            var out: [Feedback.BehaviourSummary] = []
            var builders: [String: BehaviourSummaryBuilder] = [:]
            for member in members.sorted(by: { $0.nip < $1.nip }) {
                let round = roundOf[member.nip]
                let key = round?.roundID ?? ""
                let builder = try builders[key] ?? BehaviourSummaryBuilder(policy: policy, order: CommentOrder(deploymentSecret: secret, roundID: key))
                builders[key] = builder
                let publicCounter = tree.unit(member.unitID)?.publicServicePoint ?? false
                let citizen: Feedback.CitizenSummary? = publicCounter || issued[member.nip] != nil || ratings[member.nip] != nil
                    ? CitizenSummaryBuilder.summary(nip: member.nip, unitID: member.unitID, days: days, ticketsIssued: issued[member.nip] ?? 0,
                                                    ratings: ratings[member.nip] ?? [], policy: policy)
                    : nil
                let tally = ContinuousFeedbackRules.tally(feedback[member.nip] ?? [], recipientNIP: member.nip, days: days)
                out.append(builder.summary(subject: member.reference, period: period, round: round, assignments: assignments[member.nip] ?? [],
                                                  assessments: assessments[member.nip] ?? [], now: now, citizen: citizen, feedback: tally))
            }
            return out
        }
    }

    /// The first and last UTC second of WITA days.
    static func instants(_ days: WitaDayRange) -> (Int64, Int64) {
        let from = Int64(Wita.startOfDay(days.start)?.timeIntervalSince1970 ?? 0)
        let through = Int64(Wita.startOfDay(days.end)?.timeIntervalSince1970 ?? 0) + 86_399
        return (from, through)
    }
}
