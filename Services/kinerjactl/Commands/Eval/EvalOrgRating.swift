import ArgumentParser
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval org-rating`.
    struct OrgRating: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "org-rating",
            abstract: "The unit's organisation rating (Predikat Kinerja Organisasi), which sets the curve: set, recommend, show.",
            discussion: """
            Only the pimpinan above the unit sets it (SE MenPANRB 3/2023); pengelola kinerja may recommend. Ratings: \
            istimewa, baik, butuh-perbaikan, kurang, sangat-kurang.
            """,
            subcommands: [Decide.self, Recommend.self, Show.self])
    }
}

extension Kinerjactl.Eval.OrgRating {
    /// `kinerjactl eval org-rating set`.
    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Decide the unit's organisation rating for the period (the pimpinan above the unit); prints the quotas it sets.",
            discussion: """
            Moves the period from Persiapan to Penilaian. Changing it later during Penilaian is audited and recomputes the \
            unit leader's proposal. With --unit naming a sub-unit of a period opened with its sub-units, decides that \
            sub-unit's own rating (the pimpinan above the sub-unit): it gets its own curve, the period's state is unchanged.
            """)

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(help: "istimewa, baik, butuh-perbaikan, kurang or sangat-kurang.") var rating: EnumArgument<Common.OrganisationRating>
        @Option(help: "The basis, e.g. the agency's SAKIP evaluation; 1–2000 characters.") var reason: String
        @Option(help: "Reference document, e.g. a decree number; at most 200 characters.") var reference: String?

        func validate() throws {
            _ = try EvalValues.text(reason, option: "--reason", range: EvalValues.organisationReason)
            _ = try EvalValues.text(reference, option: "--reference", range: EvalValues.reference)
        }

        func run() async throws {
            let reason = try EvalValues.text(reason, option: "--reason", range: EvalValues.organisationReason) ?? ""
            let reference = try EvalValues.text(reference, option: "--reference", range: EvalValues.reference) ?? ""
            let (response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let (period, subunitID) = try await EvalCoveringPeriod.resolve(selection, caller)
                let request = Evaluation.SetOrganisationRatingRequest(periodID: period.periodID, rating: rating.value, reason: reason,
                                                                      reference: reference, expectedRevision: period.revision, unitID: subunitID)
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-org-rating-set")) {
                    try await $0.setOrganisationRating(request, options: $1)
                }
                let unitID = subunitID.isEmpty ? period.unit?.unitID ?? "" : subunitID
                return (response, connection.json ? "" : await EvalLookup.unitLabel(unitID, caller))
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Organisation rating \(Display.name(rating.value)) decided; the period is \(Display.name(response.period?.state ?? .unspecified)).\n")
            print(CurveText.render(response.curve ?? Evaluation.CurveStatus(), unit: label))
        }
    }

    /// `kinerjactl eval org-rating recommend`.
    struct Recommend: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recommend the unit's organisation rating (pengelola kinerja); the pimpinan above the unit decides.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection
        @Option(help: "istimewa, baik, butuh-perbaikan, kurang or sangat-kurang.") var rating: EnumArgument<Common.OrganisationRating>
        @Option(help: "Why, e.g. the agency's SAKIP evaluation; 1–2000 characters.") var reason: String

        func validate() throws {
            _ = try EvalValues.text(reason, option: "--reason", range: EvalValues.organisationReason)
        }

        func run() async throws {
            let reason = try EvalValues.text(reason, option: "--reason", range: EvalValues.organisationReason) ?? ""
            let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await selection.resolve(caller)
                let request = Evaluation.RecommendOrganisationRatingRequest(periodID: period.periodID, rating: rating.value, reason: reason,
                                                                            expectedRevision: period.revision)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-org-rating-recommend")) {
                    try await $0.recommendOrganisationRating(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Recommended \(Display.name(rating.value)); the pimpinan above the unit decides (kinerjactl eval org-rating set).")
        }
    }

    /// `kinerjactl eval org-rating show`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the unit's organisation rating for the period, earlier decisions and pengelola kinerja's recommendations.")

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var selection: EvalPeriodSelection

        func run() async throws {
            let (period, response, label) = try await CommandEnvironment.withEvaluation(connection) { caller in
                let period = try await selection.resolve(caller)
                let span = EvalSpans.span(of: period)
                let request = Evaluation.GetOrganisationRatingRequest(unitID: period.unit?.unitID ?? "", period: period.period, span: span)
                let response: Evaluation.GetOrganisationRatingResponse?
                do {
                    response = try await caller.call { try await $0.getOrganisationRating(request, options: $1) }
                } catch let error as RPCError where error.code == .notFound {
                    response = nil
                }
                return (period, response, connection.json ? "" : await EvalLookup.unitLabel(period.unit?.unitID ?? "", caller))
            }
            if connection.json {
                print((response ?? Evaluation.GetOrganisationRatingResponse()).jsonString())
                return
            }
            print(EvaluationText.organisationRating(current: response?.rating, history: response?.history ?? [],
                                                    recommendations: period.recommendations, unit: label, span: EvalSpans.span(of: period)))
        }
    }
}
