import ArgumentParser

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback dialog`.
    struct Dialog: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Dialog kinerja: record (atasan), confirm or dispute (employee), close follow-up actions, list, who is behind.",
            subcommands: [Record.self, Confirm.self, CloseAction.self, List.self, Behind.self])
    }
}
