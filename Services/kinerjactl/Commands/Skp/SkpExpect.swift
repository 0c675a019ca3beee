import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp expect`.
    struct Expect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "expect",
            abstract: "Set (or remove) the atasan's ekspektasi khusus for one BerAKHLAK value.",
            discussion: """
            For the pejabat penilai, on a Draft or Diajukan SKP. The service replaces the whole list, so \
            the current expectations are read first and this one is merged in (per value and --rhk); the \
            write carries the revision that was read and fails with ABORTED if the SKP changed meanwhile.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "The BerAKHLAK value.")
        var value: EnumArgument<Common.BerakhlakValue>
        @Option(help: "The expectation, 1–1000 characters.") var text: String?
        @Option(help: ArgumentHelp("Attach it to this RHK (default: the whole SKP).", valueName: "rhk-id")) var rhk: String?
        @Flag(help: "Remove the expectation for this value (and --rhk) instead.") var remove = false

        static let maximumTextLength = 1000

        /// The text to set, or nil to remove.
        func wantedText() throws -> String? {
            if remove {
                if text != nil { throw CLIError.invalidArguments("give --text or --remove, not both") }
                return nil
            }
            guard let text else { throw CLIError.invalidArguments("--text is required (or --remove)") }
            return try SkpValues.text(text, option: "--text", limit: Self.maximumTextLength)
        }

        /// `current` with the expectation for (`value`, `rhkID`) replaced by `text`, added, or
        /// removed (`text` nil); the others keep their order. Output-only stamps are dropped.
        static func merged(_ current: [Planning.BehaviourExpectation], value: Common.BerakhlakValue, rhkID: String,
                           text: String?) -> [Planning.BehaviourExpectation] {
            var result: [Planning.BehaviourExpectation] = []
            var placed = false
            for var expectation in current {
                expectation.setBy = nil
                if expectation.value == value, expectation.rhkID == rhkID {
                    if let text, !placed {
                        expectation.ekspektasiKhusus = text
                        result.append(expectation)
                    }
                    placed = true
                    continue
                }
                result.append(expectation)
            }
            if !placed, let text {
                result.append(Planning.BehaviourExpectation(value: value, ekspektasiKhusus: text, rhkID: rhkID))
            }
            return result
        }

        func validate() throws {
            _ = try wantedText()
        }

        func run() async throws {
            let text = try wantedText()
            let rhkID = rhk ?? ""
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let skp = try SkpFetch.required(try await SkpFetch.skp(skpID, caller))
                guard skp.state == .draft || skp.state == .diajukan else {
                    throw CLIError(.failure, "SKP \(skpID) version \(skp.version) is \(Display.name(skp.state)); ekspektasi "
                        + "khusus can be set on a Draft or Diajukan SKP", status: .failedPrecondition)
                }
                if !rhkID.isEmpty { _ = try SkpDraft.rhk(rhkID, in: skp) }
                let expectations = Self.merged(skp.behaviourExpectations, value: value.value, rhkID: rhkID, text: text)
                if text == nil, expectations.count == skp.behaviourExpectations.count {
                    throw CLIError(.failure, "SKP \(skpID) has no ekspektasi khusus for \(Display.name(value.value))"
                        + (rhkID.isEmpty ? "" : " on RHK \(rhkID)"), status: .notFound)
                }
                let request = Planning.SetBehaviourExpectationsRequest(skpID: skpID, expectations: expectations,
                                                                       expectedSkpRevision: skp.revision)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-expect")) {
                    try await $0.setBehaviourExpectations(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            let skp = response.skp ?? Planning.Skp()
            let scope = rhkID.isEmpty ? "the whole SKP" : "RHK \(rhkID)"
            print("Ekspektasi khusus \(Display.name(value.value)) (\(scope)) \(text == nil ? "removed" : "set"); "
                + "\(skp.behaviourExpectations.count) in all; SKP \(skpID) \(SkpText.state(skp)).")
        }
    }
}
