import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp lampiran`.
    struct Lampiran: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lampiran",
            abstract: "Set the Lampiran of a draft SKP: Dukungan Sumber Daya, Skema Pertanggungjawaban, Konsekuensi.",
            discussion: """
            Each option adds one item (repeat it for more, at most 20 per section, 1–1000 characters each). \
            A section you give replaces that section; the others stay as they are, unless --clear, which \
            empties every section you do not give (--clear alone removes the Lampiran). The draft is read \
            first and written with the revision read (ABORTED if it changed meanwhile).

            Example: kinerjactl skp lampiran SKP --dukungan "Anggaran DPA 2026" --dukungan "Dua unit perekam \
            KTP-el" --skema "Laporan bulanan kepada atasan" --konsekuensi "Dibahas dalam dialog kinerja"
            """
        )

        static let maximumItems = 20
        static let maximumItemLength = 1000

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id (its latest version must be a Draft).") var skpID: String
        @Option(name: [.customLong("dukungan"), .customLong("dukungan-sumber-daya")],
                help: ArgumentHelp("An item of Dukungan Sumber Daya (repeatable).", valueName: "text"))
        var dukungan: [String] = []
        @Option(name: [.customLong("skema"), .customLong("skema-pertanggungjawaban")],
                help: ArgumentHelp("An item of Skema Pertanggungjawaban (repeatable).", valueName: "text"))
        var skema: [String] = []
        @Option(help: ArgumentHelp("An item of Konsekuensi (repeatable).", valueName: "text"))
        var konsekuensi: [String] = []
        @Flag(help: "Empty the sections not given (alone: remove the whole Lampiran).") var clear = false

        /// One section's items, checked.
        static func items(_ items: [String], option: String) throws -> [String] {
            guard items.count <= maximumItems else {
                throw CLIError.invalidArguments("\(option) is given \(items.count) times; a section has at most \(maximumItems) items")
            }
            return try items.map { try SkpValues.text($0, option: option, limit: maximumItemLength) }
        }

        /// The Lampiran to write over `current`.
        func lampiran(current: Planning.SkpLampiran?) throws -> Planning.SkpLampiran {
            guard clear || !dukungan.isEmpty || !skema.isEmpty || !konsekuensi.isEmpty else {
                throw CLIError.invalidArguments("nothing to set: give --dukungan, --skema, --konsekuensi or --clear")
            }
            let base = clear ? Planning.SkpLampiran() : current ?? Planning.SkpLampiran()
            var result = base
            if !dukungan.isEmpty { result.dukunganSumberDaya = try Self.items(dukungan, option: "--dukungan") }
            if !skema.isEmpty { result.skemaPertanggungjawaban = try Self.items(skema, option: "--skema") }
            if !konsekuensi.isEmpty { result.konsekuensi = try Self.items(konsekuensi, option: "--konsekuensi") }
            return result
        }

        func validate() throws {
            _ = try lampiran(current: nil)
        }

        func run() async throws {
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let skp = try await SkpDraft.draft(skpID, caller)
                let request = Planning.UpdateSkpRequest(skpID: skpID, updateMask: Common.FieldMask(paths: ["lampiran"]),
                                                        expectedSkpRevision: skp.revision, lampiran: try lampiran(current: skp.lampiran))
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-lampiran")) {
                    try await $0.updateSkp(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let stored = response.skp?.lampiran ?? Planning.SkpLampiran()
            print("Lampiran of SKP \(skpID): \(stored.dukunganSumberDaya.count) dukungan sumber daya, "
                + "\(stored.skemaPertanggungjawaban.count) skema pertanggungjawaban, \(stored.konsekuensi.count) konsekuensi; "
                + SkpText.state(response.skp ?? Planning.Skp()) + ".")
        }
    }
}
