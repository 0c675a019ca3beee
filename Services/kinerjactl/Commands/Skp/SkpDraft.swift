import ArgumentParser
import KinerjaProto

/// The draft and the RHK or IKI a command writes to, read first: the SKP year gives the
/// periods of periodic targets and the approach decides which targets are needed.
enum SkpDraft {
    /// The latest version of `skpID`, which must be a Draft.
    static func draft(_ skpID: String, _ caller: PlanningCaller) async throws -> Planning.Skp {
        let skp = try SkpFetch.required(try await SkpFetch.skp(skpID, caller))
        guard skp.state == .draft else {
            throw CLIError(.failure, "SKP \(skpID) version \(skp.version) is \(Display.name(skp.state)); only a Draft can change "
                + (skp.state == .diajukan ? "(withdraw it with kinerjactl skp withdraw)" : "(make a new version with kinerjactl skp revise)"),
                status: .failedPrecondition)
        }
        return skp
    }

    /// The RHK `rhkID` of `skp`.
    static func rhk(_ rhkID: String, in skp: Planning.Skp) throws -> Planning.Rhk {
        guard let rhk = skp.rhks.first(where: { $0.rhkID == rhkID }) else {
            throw CLIError(.failure, "RHK \(rhkID) is not in SKP \(skp.skpID) version \(skp.version)", status: .notFound)
        }
        return rhk
    }

    /// The IKI `ikiID` of `skp`.
    static func iki(_ ikiID: String, in skp: Planning.Skp) throws -> Planning.Iki {
        guard let iki = skp.rhks.lazy.flatMap(\.ikis).first(where: { $0.ikiID == ikiID }) else {
            throw CLIError(.failure, "IKI \(ikiID) is not in SKP \(skp.skpID) version \(skp.version)", status: .notFound)
        }
        return iki
    }
}

/// `kinerjactl skp add-iki`.
struct SkpAddIki: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add-iki",
        abstract: "Add an IKI (indicator with its annual and quarterly targets) to an RHK of a draft.",
        discussion: """
        Numbers use digits and a decimal point (1200, 12.5). A Kuantitatif SKP needs --target and \
        --unit; a Kualitatif one --qualitative. --upper makes the target a range (direction range). \
        Defaults: --direction lower for waktu and biaya, else higher; --aggregation sum for \
        kuantitas and biaya, average for kualitas and waktu. --quarterly gives TW I–IV; leave a \
        value empty for a triwulan without a target (",,300,300"); with --cumulative each value \
        counts from January.

        Example: kinerjactl skp add-iki SKP RHK --aspek kuantitas --indicator "Jumlah KTP-el \
        diterbitkan" --target 1200 --unit dokumen --quarterly 300,300,300,300
        """
    )

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id (its year and approach decide the targets).") var skpID: String
    @Argument(help: "RHK id.") var rhkID: String
    @Option(help: "Aspek of the indicator.") var aspek: EnumArgument<Common.IkiAspek>
    @Option(help: "Indicator text, 1–500 characters.") var indicator: String
    @Option(help: "Annual target (the lower bound of a range).") var target: String?
    @Option(help: "Upper bound: the target is the range --target–--upper.") var upper: String?
    @Option(help: "Unit of measure (satuan), e.g. dokumen, persen, hari.") var unit: String?
    @Option(help: "Descriptive target (Kualitatif), at most 500 characters.") var qualitative: String?
    @Option(help: "How capaian is computed (default: see above).") var direction: DirectionArgument?
    @Option(help: "How realisations combine over a period (default: see above).") var aggregation: AggregationArgument?
    @Option(help: ArgumentHelp("Targets of TW I–IV.", valueName: "a,b,c,d")) var quarterly: String?
    @Flag(help: "The --quarterly values are cumulative from January.") var cumulative = false
    @OptionGroup var revision: ExpectedRevisionOption

    /// The IKI as given, with the quarterly list parsed.
    func spec() throws -> IkiSpec {
        if cumulative, quarterly == nil { throw CLIError.invalidArguments("--cumulative needs --quarterly") }
        var quarters: [Double?]?
        if let quarterly {
            do {
                quarters = try SkpValues.periodicList(quarterly, count: 4, option: "--quarterly", periods: "TW I–IV")
            } catch {
                throw CLIError.invalidArguments(error.message)
            }
        }
        return IkiSpec(aspek: aspek.value, indicator: indicator, target: target, upper: upper, unit: unit ?? "",
                       qualitative: qualitative ?? "", direction: direction?.value, aggregation: aggregation?.value,
                       quarterly: quarters, cumulative: cumulative)
    }

    /// The IKI for an SKP of `year` with `approach`, and warnings.
    func iki(year: Int32, approach: Planning.SkpApproach) throws -> (iki: Planning.Iki, warnings: [String]) {
        do {
            return try spec().iki(year: year, approach: approach, fields: .options)
        } catch let problem as SkpValueProblem {
            throw CLIError.invalidArguments(problem.message)
        }
    }

    func run() async throws {
        try options.connection.check()
        // Checked before connecting, with the approach the options imply; again with the SKP's.
        _ = try iki(year: 2000, approach: target == nil && qualitative != nil ? .kualitatif : .kuantitatif)
        let (response, warnings) = try await CommandEnvironment.withPlanning(options) { caller in
            let skp = try await SkpDraft.draft(skpID, caller)
            _ = try SkpDraft.rhk(rhkID, in: skp)
            let built = try iki(year: skp.year, approach: skp.approach)
            let request = Planning.AddIkiRequest(rhkID: rhkID, iki: built.iki, expectedSkpRevision: revision.value)
            let response = try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("add-iki")) {
                try await $0.addIki(request, options: $1)
            }
            return (response, built.warnings)
        }
        for warning in warnings { StandardError.line("warning: " + warning) }
        if CommandEnvironment.printJSON(response, options) { return }
        let added = response.iki ?? Planning.Iki()
        print("Added IKI \(added.ikiID) (\(Display.name(added.aspek)), position \(added.position)) to RHK \(rhkID); "
            + "draft revision \(response.skpRevision).")
    }
}

/// `kinerjactl skp set-targets`.
struct SkpSetTargets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-targets",
        abstract: "Replace an IKI's quarterly or monthly targets.",
        discussion: """
        --quarterly a,b,c,d (TW I–IV) or --monthly with 12 comma-separated values (January–December); \
        an empty value leaves that period without a target. --clear removes them all.
        """
    )

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id (its year names the periods).") var skpID: String
    @Argument(help: "IKI id.") var ikiID: String
    @Option(help: ArgumentHelp("Targets of TW I–IV.", valueName: "a,b,c,d")) var quarterly: String?
    @Option(help: ArgumentHelp("Targets of January–December.", valueName: "m1,…,m12")) var monthly: String?
    @Flag(help: "The values are cumulative from January.") var cumulative = false
    @Flag(help: "Remove every periodic target.") var clear = false
    @OptionGroup var revision: ExpectedRevisionOption

    /// The values given, parsed: 4 (quarterly), 12 (monthly) or none (--clear).
    func values() throws -> [Double?] {
        guard [quarterly != nil, monthly != nil, clear].filter({ $0 }).count == 1 else {
            throw CLIError.invalidArguments("give one of --quarterly, --monthly or --clear")
        }
        if clear, cumulative { throw CLIError.invalidArguments("--cumulative needs --quarterly or --monthly") }
        do {
            if let quarterly { return try SkpValues.periodicList(quarterly, count: 4, option: "--quarterly", periods: "TW I–IV") }
            if let monthly { return try SkpValues.periodicList(monthly, count: 12, option: "--monthly", periods: "January–December") }
        } catch {
            throw CLIError.invalidArguments(error.message)
        }
        return []
    }

    /// The periodic targets for an SKP of `year`.
    func targets(year: Int32) throws -> [Planning.PeriodicTarget] {
        let values = try values()
        if cumulative {
            let given = values.compactMap { $0 }
            if zip(given, given.dropFirst()).contains(where: { $1 < $0 }) {
                throw CLIError.invalidArguments("cumulative targets must not decrease")
            }
        }
        return SkpValues.periodicTargets(values, year: year, cumulative: cumulative)
    }

    func run() async throws {
        try options.connection.check()
        let values = try values()
        _ = try targets(year: 2000)
        let (response, warnings) = try await CommandEnvironment.withPlanning(options) { caller in
            let skp = try await SkpDraft.draft(skpID, caller)
            let current = try SkpDraft.iki(ikiID, in: skp)
            let request = Planning.SetPeriodicTargetsRequest(ikiID: ikiID, targets: try targets(year: skp.year),
                                                             expectedSkpRevision: revision.value)
            let warnings = values.count == 4
                ? IkiSpec.warnings(quarterly: values, cumulative: cumulative, annual: current.annualTarget?.value,
                                   range: current.annualTarget?.upperValue != nil, aggregation: current.aggregation)
                : []
            let response = try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("set-targets")) {
                try await $0.setPeriodicTargets(request, options: $1)
            }
            return (response, warnings)
        }
        for warning in warnings { StandardError.line("warning: " + warning) }
        if CommandEnvironment.printJSON(response, options) { return }
        let count = response.iki?.periodicTargets.count ?? 0
        let kind = quarterly != nil ? "quarterly" : monthly != nil ? "monthly" : "periodic"
        print(clear ? "Cleared the periodic targets of IKI \(ikiID); draft revision \(response.skpRevision)."
            : "Set \(count) \(kind) target\(count == 1 ? "" : "s") on IKI \(ikiID); draft revision \(response.skpRevision).")
    }
}

/// `kinerjactl skp remove-iki`.
struct SkpRemoveIki: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove-iki", abstract: "Remove an IKI from a draft.")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "IKI id.") var ikiID: String
    @OptionGroup var revision: ExpectedRevisionOption

    func run() async throws {
        try options.connection.check()
        let request = Planning.RemoveIkiRequest(ikiID: ikiID, expectedSkpRevision: revision.value)
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("remove-iki")) {
                try await $0.removeIki(request, options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Removed IKI \(ikiID) from RHK \(response.rhkID); draft revision \(response.skpRevision).")
    }
}
