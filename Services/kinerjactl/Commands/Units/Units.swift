import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl units`: the organisation (unit kerja) tree.
    struct Units: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show units (unit kerja).",
                                                        subcommands: [Tree.self, List.self, Get.self])
    }
}
