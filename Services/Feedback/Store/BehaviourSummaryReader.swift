public import Foundation
public import KinerjaProto
public import KinerjaStore
import GRDB
import KinerjaASN

/// The behaviour summaries of a set of employees for a period, in one read of the store: each from
/// the newest round of the period they are a subject of (``BehaviourSummaryBuilder``, which
/// withholds what anonymity requires), their citizen summary when they serve a public counter or
/// were rated (``CitizenSummaryBuilder``), and the atasan chain's feedback of the period
/// (``ContinuousFeedbackRules/tally(_:recipientNIP:days:)``). GetBehaviourSummary and
/// StreamBehaviourSummaries answer with it; the benchmark runs it in-process as the baseline.
public enum BehaviourSummaryReader {
    /// The summaries of `members` (by NIP).
    ///
    /// - Parameters:
    ///   - publicServicePoints: ids of the units that serve the public at a counter.
    ///   - secret: the deployment secret (comment orders).
    ///   - now: the instant of the read.
    public static func summaries(of members: [Identity.Employee], period: Common.Period, publicServicePoints: Set<String>, store: Store,
                                 secret: [UInt8], now: Common.Timestamp) async throws -> [Feedback.BehaviourSummary] {
        let days = try FeedbackInput.days(of: period)
        let nips = members.map(\.nip)
        let from = Int64(Wita.startOfDay(days.start)?.timeIntervalSince1970 ?? 0)
        let through = Int64(Wita.startOfDay(days.end)?.timeIntervalSince1970 ?? 0) + 86_399
        return try await store.read { db in
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
                for answer in try AssessmentRecords.assessments(round: round.roundID, subjects: subjects, in: db)
                where roundOf[answer.subjectNIP]?.roundID == round.roundID {
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
                let citizen: Feedback.CitizenSummary? = publicServicePoints.contains(member.unitID) || issued[member.nip] != nil || ratings[member.nip] != nil
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
}
