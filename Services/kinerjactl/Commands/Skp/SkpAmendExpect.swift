import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp amend-expect`.
    struct AmendExpect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "amend-expect",
            abstract: "Amend the ekspektasi khusus of an approved SKP (pejabat penilai, through the year).",
            discussion: """
            For the owner's pejabat penilai today, on an SKP with an approved version in force. The approved \
            version is not changed: the amendment is its own record, kept in the SKP's history and shown to \
            the owner at their next `skp show`. The expectations in force (the latest amendment's, else the \
            approved version's) are read first and this one is merged in per value and --rhk, as `skp expect` \
            does on a draft.
            """
        )

        static let maximumReasonLength = 1000

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "The BerAKHLAK value.") var value: EnumArgument<Common.BerakhlakValue>
        @Option(help: "The expectation, 1–1000 characters.") var text: String?
        @Option(help: ArgumentHelp("Attach it to this RHK (default: the whole SKP).", valueName: "rhk-id")) var rhk: String?
        @Flag(help: "Remove the expectation for this value (and --rhk) instead.") var remove = false
        @Option(help: "Why the expectations change, 1–1000 characters.") var reason: String

        /// The text to set (nil: remove) and the reason, checked.
        func checked() throws -> (text: String?, reason: String) {
            let reason = try SkpValues.text(reason, option: "--reason", limit: Self.maximumReasonLength)
            if remove {
                if text != nil { throw CLIError.invalidArguments("give --text or --remove, not both") }
                return (nil, reason)
            }
            guard let text else { throw CLIError.invalidArguments("--text is required (or --remove)") }
            return (try SkpValues.text(text, option: "--text", limit: Expect.maximumTextLength), reason)
        }

        /// The expectations in force of an approved version read with its amendments.
        static func inForce(_ version: Planning.Skp) -> [Planning.BehaviourExpectation] {
            version.amendments.last { $0.version == version.version }?.expectations ?? version.behaviourExpectations
        }

        /// The request amending `version` (the approved version in force, with its amendments).
        func request(amending version: Planning.Skp) throws -> Planning.AmendBehaviourExpectationsRequest {
            let (text, reason) = try checked()
            let rhkID = rhk ?? ""
            if !rhkID.isEmpty { _ = try SkpDraft.rhk(rhkID, in: version) }
            let current = Self.inForce(version)
            let expectations = Expect.merged(current, value: value.value, rhkID: rhkID, text: text)
            if text == nil, expectations.count == current.count {
                throw CLIError(.failure, "SKP \(skpID) has no ekspektasi khusus for \(Display.name(value.value)) in force"
                    + (rhkID.isEmpty ? "" : " on RHK \(rhkID)"), status: .notFound)
            }
            return Planning.AmendBehaviourExpectationsRequest(skpID: skpID, expectations: expectations, reason: reason)
        }

        func validate() throws {
            _ = try checked()
        }

        func run() async throws {
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let latest = try await SkpFetch.skp(skpID, caller)
                guard latest.approvedVersion > 0 else {
                    throw CLIError(.failure, "SKP \(skpID) has no approved version; set the ekspektasi khusus on the draft or "
                        + "submitted version with `kinerjactl skp expect`", status: .failedPrecondition)
                }
                let version = try SkpFetch.required(try await SkpFetch.skp(skpID, version: latest.approvedVersion, caller))
                let request = try request(amending: version)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-amend-expect")) {
                    try await $0.amendBehaviourExpectations(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let amendment = response.amendment ?? Planning.ExpectationAmendment()
            print("Amended the ekspektasi khusus of SKP \(skpID) version \(amendment.version) (amendment \(amendment.amendmentID)); "
                + "\(amendment.expectations.count) in force; the owner sees it at their next read.")
        }
    }
}
