import ArgumentParser

extension Kinerjactl.Feedback {
    /// `kinerjactl feedback round`.
    struct Round: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "360° BerAKHLAK rounds (pengelola kinerja): open, assign raters, status, close, cancel an assignment.",
            subcommands: [Open.self, Assign.self, Status.self, Close.self, Cancel.self])
    }
}
