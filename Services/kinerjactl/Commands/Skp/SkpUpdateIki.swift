import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp update-iki`.
    struct UpdateIki: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-iki",
            abstract: "Change an IKI of a draft (same IKI id); only the options given are changed.",
            discussion: """
            The draft is read first: the annual target keeps what you do not give (e.g. --target 1500 keeps \
            the unit and direction), --upper makes it a range (direction range unless --direction says \
            otherwise), --no-upper makes it a single value again. --quarterly replaces the TW I–IV targets \
            (use set-targets for monthly ones or to clear them). Changing the indicator or the annual target \
            flags the bawahan RHKs that intervene this IKI's RHK for review.

            Example: kinerjactl skp update-iki SKP IKI --target 1500 --quarterly 375,375,375,375
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id (its year names the periods).") var skpID: String
        @Argument(help: "IKI id.") var ikiID: String
        @Option(help: "Aspek of the indicator.") var aspek: EnumArgument<Common.IkiAspek>?
        @Option(help: "Indicator text, 1–500 characters.") var indicator: String?
        @Option(help: "Annual target (the lower bound of a range).") var target: String?
        @Option(help: "Upper bound: the target becomes the range --target–--upper.") var upper: String?
        @Flag(help: "Remove the upper bound (a single target again).") var noUpper = false
        @Option(help: "Unit of measure (satuan).") var unit: String?
        @Option(help: "Descriptive target (Kualitatif), at most 500 characters; empty clears it.") var qualitative: String?
        @Option(help: "How capaian is computed.") var direction: DirectionArgument?
        @Option(help: "How realisations combine over a period.") var aggregation: AggregationArgument?
        @Option(help: ArgumentHelp("Targets of TW I–IV (replaces the periodic targets).", valueName: "a,b,c,d")) var quarterly: String?
        @Flag(help: "The --quarterly values are cumulative from January.") var cumulative = false
        @Option(help: "Position within the RHK, from 1.") var position: UInt32?
        @OptionGroup var revision: ExpectedRevisionOption

        /// What the options change, checked without the IKI: mask paths and parsed values.
        struct Changes: Equatable {
            var paths: [String] = []
            var value: Double?
            var upper: Double?
            var quarterly: [Double?]?
        }

        /// The options parsed and checked on their own.
        func changes() throws -> Changes {
            var changes = Changes()
            if let aspek, aspek.value == .unspecified { throw CLIError.invalidArguments("--aspek is required to be a real aspek") }
            if aspek != nil { changes.paths.append("aspek") }
            if let indicator {
                _ = try SkpValues.text(indicator, option: "--indicator", limit: SkpValues.maximumIndicatorLength)
                changes.paths.append("indicator")
            }
            if upper != nil, noUpper { throw CLIError.invalidArguments("give --upper or --no-upper, not both") }
            if let target {
                guard let value = SkpValues.number(target) else { throw CLIError.invalidArguments("--target: " + SkpValues.numberProblem(target)) }
                changes.value = value
            }
            if let upper {
                guard let value = SkpValues.number(upper) else { throw CLIError.invalidArguments("--upper: " + SkpValues.numberProblem(upper)) }
                changes.upper = value
            }
            if let value = changes.value, let upper = changes.upper, upper < value {
                throw CLIError.invalidArguments("--upper \(SkpText.number(upper)) is below --target \(SkpText.number(value))")
            }
            if let unit, unit.trimmingCharacters(in: .whitespaces).count > SkpValues.maximumUnitLength {
                throw CLIError.invalidArguments("--unit must be at most \(SkpValues.maximumUnitLength) characters")
            }
            _ = try SkpValues.optionalText(qualitative, option: "--qualitative", limit: SkpValues.maximumQualitativeLength)
            if target != nil || upper != nil || noUpper || unit != nil || qualitative != nil || direction != nil {
                changes.paths.append("annual_target")
            }
            if cumulative, quarterly == nil { throw CLIError.invalidArguments("--cumulative needs --quarterly") }
            if let quarterly {
                do {
                    changes.quarterly = try SkpValues.periodicList(quarterly, count: 4, option: "--quarterly", periods: "TW I–IV")
                } catch {
                    throw CLIError.invalidArguments(error.message)
                }
                if cumulative {
                    let given = changes.quarterly?.compactMap { $0 } ?? []
                    if zip(given, given.dropFirst()).contains(where: { $1 < $0 }) {
                        throw CLIError.invalidArguments("cumulative targets must not decrease")
                    }
                }
                changes.paths.append("periodic_targets")
            }
            if let position {
                guard position >= 1 else { throw CLIError.invalidArguments("--position must be at least 1") }
                changes.paths.append("position")
            }
            if aggregation != nil { changes.paths.append("aggregation") }
            guard !changes.paths.isEmpty else {
                throw CLIError.invalidArguments("nothing to change: give at least one of --aspek, --indicator, --target, --upper, "
                    + "--no-upper, --unit, --qualitative, --direction, --aggregation, --quarterly, --position")
            }
            return changes
        }

        /// The request for `current` (the IKI as the draft holds it) in an SKP of `year`.
        func request(current: Planning.Iki, year: Int32) throws -> Planning.UpdateIkiRequest {
            let changes = try changes()
            var iki = Planning.Iki(ikiID: ikiID)
            if let aspek { iki.aspek = aspek.value }
            if let indicator { iki.indicator = try SkpValues.text(indicator, option: "--indicator", limit: SkpValues.maximumIndicatorLength) }
            if changes.paths.contains("annual_target") {
                var annual = current.annualTarget ?? Planning.Target()
                if let value = changes.value { annual.value = value }
                if let upper = changes.upper { annual.upperValue = Common.DoubleValue(value: upper) }
                if noUpper { annual.upperValue = nil }
                if let unit { annual.unit = unit.trimmingCharacters(in: .whitespaces) }
                if qualitative != nil {
                    annual.qualitativeText = try SkpValues.optionalText(qualitative, option: "--qualitative", limit: SkpValues.maximumQualitativeLength)
                }
                if let direction {
                    annual.direction = direction.value
                } else if changes.upper != nil {
                    annual.direction = .withinRange
                } else if noUpper, annual.direction == .withinRange {
                    annual.direction = SkpValues.defaultDirection(aspek: aspek?.value ?? current.aspek, hasUpper: false)
                }
                if let upper = annual.upperValue?.value, upper < annual.value {
                    throw CLIError.invalidArguments("the upper bound \(SkpText.number(upper)) is below the target \(SkpText.number(annual.value))")
                }
                if annual.direction == .withinRange, annual.upperValue == nil {
                    throw CLIError.invalidArguments("a range target needs its upper bound: --upper")
                }
                if annual.upperValue != nil, annual.direction != .withinRange {
                    throw CLIError.invalidArguments("an upper bound makes the target a range: give --direction range or --no-upper")
                }
                iki.annualTarget = annual
            }
            if let quarterly = changes.quarterly { iki.periodicTargets = SkpValues.periodicTargets(quarterly, year: year, cumulative: cumulative) }
            if let position { iki.position = position }
            if let aggregation { iki.aggregation = aggregation.value }
            return Planning.UpdateIkiRequest(iki: iki, updateMask: Common.FieldMask(paths: changes.paths), expectedSkpRevision: revision.value)
        }

        func validate() throws {
            _ = try changes()
        }

        func run() async throws {
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let skp = try await SkpDraft.draft(skpID, caller)
                let request = try request(current: try SkpDraft.iki(ikiID, in: skp), year: skp.year)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-update-iki")) {
                    try await $0.updateIki(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Updated IKI \(ikiID) (\((try? changes().paths.joined(separator: ", ")) ?? "")); draft revision \(response.skpRevision).")
        }
    }
}
