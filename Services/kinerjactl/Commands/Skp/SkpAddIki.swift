import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp add-iki`.
    struct AddIki: AsyncParsableCommand {
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

        @OptionGroup var connection: ConnectionOptions
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

        func validate() throws {
            // With the approach the options imply; run() checks again with the SKP's.
            _ = try iki(year: 2000, approach: target == nil && qualitative != nil ? .kualitatif : .kuantitatif)
        }

        func run() async throws {
            let (response, warnings) = try await CommandEnvironment.withPlanning(connection) { caller in
                let skp = try await SkpDraft.draft(skpID, caller)
                _ = try SkpDraft.rhk(rhkID, in: skp)
                let built = try iki(year: skp.year, approach: skp.approach)
                let request = Planning.AddIkiRequest(rhkID: rhkID, iki: built.iki, expectedSkpRevision: revision.value)
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-add-iki")) {
                    try await $0.addIki(request, options: $1)
                }
                return (response, built.warnings)
            }
            for warning in warnings { StandardError.line("warning: " + warning) }
            if CommandEnvironment.printJSON(response, connection) { return }
            let added = response.iki ?? Planning.Iki()
            print("Added IKI \(added.ikiID) (\(Display.name(added.aspek)), position \(added.position)) to RHK \(rhkID); "
                + "draft revision \(response.skpRevision).")
        }
    }
}
