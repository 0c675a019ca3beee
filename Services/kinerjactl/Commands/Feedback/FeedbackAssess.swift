import ArgumentParser
import KinerjaProto

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback assess`.
    struct Assess: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Your 360° assignments; with an id the form (the seven values and the ekspektasi khusus); with seven scores, your answer.",
            discussion: """
            Scores are 1 (sangat kurang) – 5 (sangat baik), one per value: --score berorientasi-pelayanan=4 --score akuntabel=5 … \
            A 1 or a 5 needs --comment VALUE=TEXT naming the behaviour observed. Peers and bawahan are shown to the subject only \
            aggregated, from the anonymity threshold, after the round closes; your answer is given once.
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Assignment id (omit to list your pending assignments).") var assignmentID: String?
        @Option(help: "VALUE=SCORE, e.g. kolaboratif=4 (seven times).") var score: [String] = []
        @Option(help: "VALUE=TEXT, a comment on one value (repeatable).") var comment: [String] = []
        @Option(help: "An overall comment, at most 2000 characters.") var overall: String?

        /// `VALUE=REST` split, the value by its name without prefix.
        static func pair(_ text: String, option: String) throws -> (Common.BerakhlakValue, String) {
            guard let equals = text.firstIndex(of: "="),
                  let value = EnumArgument<Common.BerakhlakValue>(argument: String(text[..<equals])) else {
                throw CLIError.invalidArguments("\(option) is VALUE=…, VALUE one of \(EnumArgument<Common.BerakhlakValue>.allValueStrings.joined(separator: ", "))")
            }
            return (value.value, String(text[text.index(after: equals)...]))
        }

        /// The scores given, or nil when none.
        func scores() throws -> [Feedback.ValueScore]? {
            guard !score.isEmpty else { return nil }
            var byValue: [Common.BerakhlakValue: Feedback.ValueScore] = [:]
            for text in score {
                let (value, rest) = try Self.pair(text, option: "--score")
                guard let number = UInt32(rest), (1...5).contains(number) else { throw CLIError.invalidArguments("--score \(text): a score is 1–5") }
                guard byValue[value] == nil else { throw CLIError.invalidArguments("--score names \(rest) twice") }
                byValue[value] = Feedback.ValueScore(value: value, score: number)
            }
            for text in comment {
                let (value, rest) = try Self.pair(text, option: "--comment")
                guard byValue[value] != nil else { throw CLIError.invalidArguments("--comment \(text): give that value a --score") }
                byValue[value]?.comment = try FeedbackValues.text(rest, option: "--comment", range: 1...1000)
            }
            let missing = FeedbackText.values.filter { byValue[$0.value] == nil }.map(\.name)
            guard missing.isEmpty else { throw CLIError.invalidArguments("score all seven values; missing: \(missing.joined(separator: ", "))") }
            for (value, name) in FeedbackText.values {
                if let given = byValue[value], given.score == 1 || given.score == 5, given.comment.isEmpty {
                    throw CLIError.invalidArguments("a score of \(given.score) on \(name) needs a --comment VALUE=TEXT naming the behaviour observed")
                }
            }
            return FeedbackText.values.compactMap { byValue[$0.value] }
        }

        func validate() throws {
            _ = try scores()
            _ = try FeedbackValues.text(overall, option: "--overall", range: 0...2000)
            if assignmentID == nil, !score.isEmpty { throw CLIError.invalidArguments("name the assignment you answer") }
        }

        func run() async throws {
            let scores = try scores()
            try await CommandEnvironment.withFeedback(connection) { caller in
                guard let assignmentID else {
                    let response = try await caller.call { try await $0.listAssessmentAssignments(.init(), options: $1) }
                    if CommandEnvironment.printJSON(response, connection) { return }
                    return print(response.assignments.isEmpty ? "Nothing to assess." : FeedbackText.assignments(response.assignments).render())
                }
                guard let scores else {
                    let mine = try await caller.call {
                        try await $0.listAssessmentAssignments(.init(states: [.pending, .submitted, .expired, .cancelled], page: Common.PageRequest(pageSize: 1000)),
                                                               options: $1)
                    }
                    guard let assignment = mine.assignments.first(where: { $0.assignmentID == assignmentID }) else {
                        throw CLIError(.failure, "no assignment \(assignmentID) of yours in an open round", status: .notFound)
                    }
                    if CommandEnvironment.printJSON(assignment, connection) { return }
                    return print(FeedbackText.form(assignment))
                }
                let request = Feedback.SubmitBehaviourAssessmentRequest(assignmentID: assignmentID, scores: scores, overallComment: overall ?? "")
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("assess")) {
                    try await $0.submitBehaviourAssessment(request, options: $1)
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print("Answer recorded for \(response.assessment?.subjectNIP ?? ""). Thank you; it is shown only as described above.")
            }
        }
    }
}
