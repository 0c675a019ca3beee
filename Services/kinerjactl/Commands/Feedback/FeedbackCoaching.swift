import ArgumentParser

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback coaching`.
    struct Coaching: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Coaching, mentoring and konseling: record a session (atasan chain or appointed coach), rate it (coachee), list.",
            subcommands: [Record.self, Rate.self, List.self])
    }
}
