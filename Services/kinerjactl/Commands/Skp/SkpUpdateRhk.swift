import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp update-rhk`.
    struct UpdateRhk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-rhk",
            abstract: "Change an RHK of a draft; only the options given are changed.",
            discussion: """
            Changing text or kind flags the bawahan RHKs that intervene it for review. A direct RHK \
            carries its parent's text: make it --cascade non-direct to write your own; --cascade direct \
            takes the parent's text. --no-parent also clears the cascade type and peran.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "RHK id.") var rhkID: String
        @Option(help: "RHK kind.") var kind: EnumArgument<Common.RhkKind>?
        @Option(help: "The planned result, 1–1000 characters.") var text: String?
        @Option(help: ArgumentHelp("The atasan's RHK this RHK intervenes.", valueName: "rhk-id")) var parent: String?
        @Flag(help: "Remove the link to the parent RHK.") var noParent = false
        @Option(help: "Direct or non-direct (with a parent).") var cascade: EnumArgument<Planning.CascadeType>?
        @Option(help: "Your peran in the parent result, at most 200 characters (empty clears it).") var peran: String?
        @Option(help: "Perspektif (JPT SKPs only).")
        var perspektif: EnumArgument<Planning.Perspektif>?
        @Option(help: "Position in the SKP, from 1.") var position: UInt32?
        @Option(help: "Tambahan only: the assignment (empty clears it).") var penugasan: String?
        @OptionGroup var revision: ExpectedRevisionOption

        /// The request: the given values and a mask of exactly their fields.
        func request() throws -> Planning.UpdateRhkRequest {
            if parent != nil, noParent { throw CLIError.invalidArguments("give --parent or --no-parent, not both") }
            if let position, position < 1 { throw CLIError.invalidArguments("--position must be at least 1") }
            var rhk = Planning.Rhk(rhkID: rhkID)
            var paths: [String] = []
            if let kind { rhk.kind = kind.value; paths.append("kind") }
            if let text { rhk.text = try SkpValues.text(text, option: "--text", limit: RhkChecks.maximumTextLength); paths.append("text") }
            if parent != nil || noParent { rhk.parentRhkID = parent ?? ""; paths.append("parent_rhk_id") }
            if noParent, cascade != nil || peran != nil {
                throw CLIError.invalidArguments("--no-parent clears the cascade type and peran; do not give them with it")
            }
            if let cascade { rhk.cascadeType = cascade.value; paths.append("cascade_type") }
            if peran != nil {
                rhk.peran = try SkpValues.optionalText(peran, option: "--peran", limit: RhkChecks.maximumPeranLength)
                paths.append("peran")
            }
            if let perspektif { rhk.perspektif = perspektif.value; paths.append("perspektif") }
            if let position { rhk.position = position; paths.append("position") }
            if penugasan != nil {
                rhk.penugasan = try SkpValues.optionalText(penugasan, option: "--penugasan", limit: RhkChecks.maximumPenugasanLength)
                paths.append("penugasan")
            }
            guard !paths.isEmpty else {
                throw CLIError.invalidArguments("nothing to change: give at least one of --kind, --text, --parent, --no-parent, "
                    + "--cascade, --peran, --perspektif, --position, --penugasan")
            }
            return Planning.UpdateRhkRequest(rhk: rhk, updateMask: Common.FieldMask(paths: paths),
                                             expectedSkpRevision: revision.value)
        }

        func validate() throws {
            _ = try request()
        }

        func run() async throws {
            let request = try request()
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-update-rhk")) {
                    try await $0.updateRhk(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Updated RHK \(rhkID) (\(request.updateMask?.paths.joined(separator: ", ") ?? "")); draft revision "
                + "\(response.skpRevision)" + flagged(response.flaggedDependents) + ".")
        }
    }
}
