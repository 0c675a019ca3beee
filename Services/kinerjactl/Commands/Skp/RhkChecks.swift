import ArgumentParser
import KinerjaProto

/// Checks shared by the RHK commands.
enum RhkChecks {
    static let maximumTextLength = 1000
    static let maximumPenugasanLength = 500
}

/// `kinerjactl skp add-rhk`.
struct SkpAddRhk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-rhk",
        abstract: "Add an RHK (Rencana Hasil Kerja) to a draft SKP.",
        discussion: """
        A Utama RHK intervenes an RHK of your atasan (--parent; see `kinerjactl skp candidates`), \
        unless you have no atasan in Kinerja. JPT SKPs need --perspektif on every RHK.
        """
    )

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String
    @Option(help: "RHK kind.") var kind: EnumArgument<Common.RhkKind>
    @Option(help: "The planned result, 1–1000 characters.") var text: String
    @Option(help: ArgumentHelp("The atasan's RHK this RHK intervenes.", valueName: "rhk-id")) var parent: String?
    @Option(help: "Perspektif (JPT SKPs only, and required there).")
    var perspektif: EnumArgument<Planning.Perspektif>?
    @Option(help: "Tambahan only: the assignment, e.g. \"Surat Tugas No. 800/123/2026\".") var penugasan: String?
    @OptionGroup var revision: ExpectedRevisionOption

    func request() throws -> Planning.AddRhkRequest {
        let text = try SkpValues.text(text, option: "--text", limit: RhkChecks.maximumTextLength)
        let penugasan = try SkpValues.optionalText(penugasan, option: "--penugasan", limit: RhkChecks.maximumPenugasanLength)
        if !penugasan.isEmpty, kind.value != .tambahan {
            throw CLIError.invalidArguments("--penugasan is for Tambahan RHKs (the assignment they come from)")
        }
        let rhk = Planning.Rhk(kind: kind.value, text: text, parentRhkID: parent ?? "",
                               perspektif: perspektif?.value ?? .unspecified, penugasan: penugasan)
        return Planning.AddRhkRequest(skpID: skpID, rhk: rhk, expectedSkpRevision: revision.value)
    }

    func run() async throws {
        try options.connection.check()
        let request = try request()
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("add-rhk")) { try await $0.addRhk(request, options: $1) }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        let rhk = response.rhk ?? Planning.Rhk()
        print("Added RHK \(rhk.rhkID) (\(Display.name(rhk.kind)), position \(rhk.position)) to SKP \(skpID); "
            + "draft revision \(response.skpRevision).")
    }
}

/// `kinerjactl skp candidates`.
struct SkpCandidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candidates",
        abstract: "List the atasan's RHKs an RHK may intervene (parents for --parent).",
        discussion: "RHKs of a draft atasan SKP are listed too; a later change to them flags the RHKs linked to them for review."
    )

    @OptionGroup var options: PlanningOptions
    @Option(help: "The employee who is drafting (default: you).") var nip: String?
    @Option(help: "SKP year (default: the current WITA year).") var year: Int?

    func run() async throws {
        try options.connection.check()
        let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            let request = Planning.ListParentRhkCandidatesRequest(nip: try SkpFetch.nip(nip, caller), year: year)
            return try await caller.call { try await $0.listParentRhkCandidates(request, options: $1) }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print(SkpListText.candidates(response))
    }
}

/// `kinerjactl skp update-rhk`.
struct SkpUpdateRhk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update-rhk",
        abstract: "Change an RHK of a draft; only the options given are changed.",
        discussion: "Changing text or kind flags the bawahan RHKs that intervene it for review."
    )

    @OptionGroup var options: PlanningOptions
    @Argument(help: "RHK id.") var rhkID: String
    @Option(help: "RHK kind.") var kind: EnumArgument<Common.RhkKind>?
    @Option(help: "The planned result, 1–1000 characters.") var text: String?
    @Option(help: ArgumentHelp("The atasan's RHK this RHK intervenes.", valueName: "rhk-id")) var parent: String?
    @Flag(help: "Remove the link to the parent RHK.") var noParent = false
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
        if let perspektif { rhk.perspektif = perspektif.value; paths.append("perspektif") }
        if let position { rhk.position = position; paths.append("position") }
        if penugasan != nil {
            rhk.penugasan = try SkpValues.optionalText(penugasan, option: "--penugasan", limit: RhkChecks.maximumPenugasanLength)
            paths.append("penugasan")
        }
        guard !paths.isEmpty else {
            throw CLIError.invalidArguments("nothing to change: give at least one of --kind, --text, --parent, --no-parent, "
                + "--perspektif, --position, --penugasan")
        }
        return Planning.UpdateRhkRequest(rhk: rhk, updateMask: Common.FieldMask(paths: paths),
                                         expectedSkpRevision: revision.value)
    }

    func run() async throws {
        try options.connection.check()
        let request = try request()
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("update-rhk")) {
                try await $0.updateRhk(request, options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Updated RHK \(rhkID) (\(request.updateMask?.paths.joined(separator: ", ") ?? "")); draft revision "
            + "\(response.skpRevision)" + flagged(response.flaggedDependents) + ".")
    }
}

/// `; 2 dependent RHKs flagged for review` (empty for none).
func flagged(_ count: UInt32) -> String {
    count == 0 ? "" : "; \(count) dependent RHK\(count == 1 ? "" : "s") flagged for review"
}

/// `kinerjactl skp remove-rhk`.
struct SkpRemoveRhk: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove-rhk", abstract: "Remove an RHK and its IKIs from a draft (dependants are flagged for review).")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "RHK id.") var rhkID: String
    @OptionGroup var revision: ExpectedRevisionOption

    func run() async throws {
        try options.connection.check()
        let request = Planning.RemoveRhkRequest(rhkID: rhkID, expectedSkpRevision: revision.value)
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("remove-rhk")) {
                try await $0.removeRhk(request, options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Removed RHK \(rhkID) from SKP \(response.skpID); draft revision \(response.skpRevision)"
            + flagged(response.flaggedDependents) + ".")
    }
}
