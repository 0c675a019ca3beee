import ArgumentParser
import KinerjaProto

/// The operator and user command line of Kinerja.
@main
struct Kinerjactl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerjactl",
        abstract: "Operate and use Kinerja, the ASN performance-management system of Kota Kupang.",
        version: KinerjaVersion.current,
        subcommands: [Contract.self]
    )
}
