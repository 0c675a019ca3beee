import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl employees`: pegawai records.
    struct Employees: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, show, create, update and import employees.",
            subcommands: [List.self, Get.self, Create.self, Update.self, Import.self]
        )
    }
}
