import ArgumentParser

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback ticket`.
    struct Ticket: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Citizen service tickets, as the queue or kiosk system issues them (--cert citizen-kiosk by default, no sign-in).",
            subcommands: [Issue.self, Show.self, Void.self])
    }
}
