import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp add-rhk`.
    struct AddRhk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add-rhk",
            abstract: "Add an RHK (Rencana Hasil Kerja) to a draft SKP.",
            discussion: """
            A Utama RHK intervenes an RHK of your atasan (--parent; see `kinerjactl skp candidates`), \
            unless you have no atasan in Kinerja. JPT SKPs need --perspektif on every RHK. With --parent, \
            --cascade says whether the RHK is the atasan's result itself (direct: it takes the parent's \
            text, so --text may be left out) or a narrower part of it (non-direct, the default); --peran \
            names your role in it for the role matrix.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "RHK kind.") var kind: EnumArgument<Common.RhkKind>
        @Option(help: "The planned result, 1–1000 characters (a direct RHK takes its parent's).") var text: String?
        @Option(help: ArgumentHelp("The atasan's RHK this RHK intervenes.", valueName: "rhk-id")) var parent: String?
        @Option(help: "With --parent: direct or non-direct (default non-direct).") var cascade: EnumArgument<Planning.CascadeType>?
        @Option(help: "With --parent: your peran in the parent result, at most 200 characters.") var peran: String?
        @Option(help: "Perspektif (JPT SKPs only, and required there).")
        var perspektif: EnumArgument<Planning.Perspektif>?
        @Option(help: "Tambahan only: the assignment, e.g. \"Surat Tugas No. 800/123/2026\".") var penugasan: String?
        @OptionGroup var revision: ExpectedRevisionOption

        func request() throws -> Planning.AddRhkRequest {
            let link = try RhkChecks.link(parent: parent, cascade: cascade?.value, peran: peran)
            let text = try text.map { try SkpValues.text($0, option: "--text", limit: RhkChecks.maximumTextLength) } ?? ""
            if text.isEmpty, link.cascadeType != .direct {
                throw CLIError.invalidArguments("--text is required (only a direct RHK, --cascade direct, takes its parent's)")
            }
            let penugasan = try SkpValues.optionalText(penugasan, option: "--penugasan", limit: RhkChecks.maximumPenugasanLength)
            if !penugasan.isEmpty, kind.value != .tambahan {
                throw CLIError.invalidArguments("--penugasan is for Tambahan RHKs (the assignment they come from)")
            }
            let rhk = Planning.Rhk(kind: kind.value, text: text, parentRhkID: parent ?? "",
                                   perspektif: perspektif?.value ?? .unspecified, penugasan: penugasan,
                                   cascadeType: link.cascadeType, peran: link.peran)
            return Planning.AddRhkRequest(skpID: skpID, rhk: rhk, expectedSkpRevision: revision.value)
        }

        func validate() throws {
            _ = try request()
        }

        func run() async throws {
            let request = try request()
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-add-rhk")) { try await $0.addRhk(request, options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let rhk = response.rhk ?? Planning.Rhk()
            print("Added RHK \(rhk.rhkID) (\(Display.name(rhk.kind)), position \(rhk.position)) to SKP \(skpID); "
                + "draft revision \(response.skpRevision).")
        }
    }
}
