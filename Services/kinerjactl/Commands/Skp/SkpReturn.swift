import Foundation
import ArgumentParser
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp return`.
    struct Return: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "return",
            abstract: "Return a submitted SKP to the employee with a note (Dikembalikan).",
            discussion: """
            --comment RHK_ID:TEXT (or RHK_ID/IKI_ID:TEXT) adds a note on one RHK or IKI; repeatable, at most 100.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Why it is returned and what to change, 1–2000 characters.") var note: String
        @Option(name: .customLong("comment"), help: ArgumentHelp("A note on one RHK or IKI (repeatable).", valueName: "rhk-id[/iki-id]:text"))
        var comments: [String] = []
        @Option(help: "The version you read (default: the latest).") var version: UInt32?

        /// `RHK_ID:TEXT` or `RHK_ID/IKI_ID:TEXT`.
        static func comment(_ text: String) throws -> Planning.ReturnComment {
            guard let colon = text.firstIndex(of: ":") else {
                throw CLIError.invalidArguments("--comment \(text.debugDescription) must be RHK_ID:TEXT or RHK_ID/IKI_ID:TEXT")
            }
            let target = text[..<colon].trimmingCharacters(in: .whitespaces)
            let ids = target.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard (1...2).contains(ids.count), ids.allSatisfy({ !$0.isEmpty && !$0.contains(" ") }) else {
                throw CLIError.invalidArguments("--comment \(text.debugDescription) must start with RHK_ID: or RHK_ID/IKI_ID:")
            }
            let note = try SkpValues.text(String(text[text.index(after: colon)...]), option: "--comment text", limit: 1000)
            return Planning.ReturnComment(rhkID: ids[0], ikiID: ids.count == 2 ? ids[1] : "", note: note)
        }

        func validate() throws {
            _ = try SkpValues.text(note, option: "--note", limit: 2000)
            guard comments.count <= 100 else { throw CLIError.invalidArguments("at most 100 --comment") }
            for comment in comments { _ = try Self.comment(comment) }
        }

        func run() async throws {
            let note = try SkpValues.text(note, option: "--note", limit: 2000)
            let comments = try comments.map(Self.comment)
            let response = try await CommandEnvironment.withPlanning(connection) { caller in
                let request = Planning.ReturnSkpRequest(skpID: skpID, version: try await SkpDecision.version(version, skpID: skpID, caller),
                                                        note: note, comments: comments)
                return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("skp-return")) {
                    try await $0.returnSkp(request, options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Returned SKP \(skpID) with \(comments.count) comment\(comments.count == 1 ? "" : "s"): "
                + "\(SkpText.state(response.skp ?? Planning.Skp())).")
        }
    }
}
