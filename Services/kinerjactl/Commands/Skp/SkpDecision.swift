import Foundation
import ArgumentParser
import KinerjaProto

/// `kinerjactl skp submit`.
struct SkpSubmit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit", abstract: "Submit a draft to the atasan (Diajukan); records the pejabat penilai.")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String
    @Option(help: "Note to the atasan, at most 2000 characters.") var note: String?
    @OptionGroup var revision: ExpectedRevisionOption

    func run() async throws {
        try options.connection.check()
        let request = Planning.SubmitSkpRequest(skpID: skpID, expectedSkpRevision: revision.value,
                                                note: try SkpValues.optionalText(note, option: "--note", limit: 2000))
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("submit")) { try await $0.submitSkp(request, options: $1) }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        let skp = response.skp ?? Planning.Skp()
        print("Submitted SKP \(skpID) to \(SkpText.person(skp.atasanNIP, nil)): \(SkpText.state(skp)).")
    }
}

/// `kinerjactl skp withdraw`.
struct SkpWithdraw: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw", abstract: "Take a submitted SKP back to Draft before the atasan decides.")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String
    @Option(help: "Why, at most 500 characters.") var reason: String?

    func run() async throws {
        try options.connection.check()
        let request = Planning.WithdrawSkpRequest(skpID: skpID,
                                                  reason: try SkpValues.optionalText(reason, option: "--reason", limit: 500))
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("withdraw")) { try await $0.withdrawSkp(request, options: $1) }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Withdrew SKP \(skpID): \(SkpText.state(response.skp ?? Planning.Skp())).")
    }
}

/// The version an atasan decides on: `--version`, else the latest, which must be Diajukan.
enum SkpDecision {
    static func version(_ given: UInt32?, skpID: String, _ caller: PlanningCaller) async throws -> UInt32 {
        if let given { return given }
        let skp = try SkpFetch.required(try await SkpFetch.skp(skpID, caller))
        guard skp.state == .diajukan else {
            throw CLIError(.failure, "SKP \(skpID) version \(skp.version) is \(Display.name(skp.state)), not Diajukan",
                           status: .failedPrecondition)
        }
        return skp.version
    }
}

/// `kinerjactl skp approve`.
struct SkpApprove: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a submitted SKP (Disetujui); an earlier approved version becomes Diganti.",
        discussion: "--version guards against approving a version you did not read (see skp show); default: the latest."
    )

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String
    @Option(help: "Approval note, at most 2000 characters.") var note: String?
    @Option(help: "The version you read (default: the latest).") var version: UInt32?

    func run() async throws {
        try options.connection.check()
        let note = try SkpValues.optionalText(note, option: "--note", limit: 2000)
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            let request = Planning.ApproveSkpRequest(skpID: skpID, version: try await SkpDecision.version(version, skpID: skpID, caller),
                                                     note: note)
            return try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("approve")) {
                try await $0.approveSkp(request, options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Approved SKP \(skpID): \(SkpText.state(response.skp ?? Planning.Skp()))"
            + (response.supersededVersion > 0 ? "; version \(response.supersededVersion) is now Diganti." : "."))
    }
}

/// `kinerjactl skp return`.
struct SkpReturn: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Return a submitted SKP to the employee with a note (Dikembalikan).",
        discussion: """
        --comment RHK_ID:TEXT (or RHK_ID/IKI_ID:TEXT) adds a note on one RHK or IKI; repeatable, at most 100.
        """
    )

    @OptionGroup var options: PlanningOptions
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

    func run() async throws {
        try options.connection.check()
        let note = try SkpValues.text(note, option: "--note", limit: 2000)
        guard comments.count <= 100 else { throw CLIError.invalidArguments("at most 100 --comment") }
        let comments = try comments.map(Self.comment)
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            let request = Planning.ReturnSkpRequest(skpID: skpID, version: try await SkpDecision.version(version, skpID: skpID, caller),
                                                    note: note, comments: comments)
            return try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("return")) {
                try await $0.returnSkp(request, options: $1)
            }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Returned SKP \(skpID) with \(comments.count) comment\(comments.count == 1 ? "" : "s"): "
            + "\(SkpText.state(response.skp ?? Planning.Skp())).")
    }
}

/// `kinerjactl skp revise`.
struct SkpRevise: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise", abstract: "Make a new Draft version from a returned or approved SKP (same RHK and IKI ids).")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String
    @Option(help: "Why, e.g. \"perubahan target triwulan III\"; 1–1000 characters.") var reason: String

    func run() async throws {
        try options.connection.check()
        let request = Planning.ReviseSkpRequest(skpID: skpID, reason: try SkpValues.text(reason, option: "--reason", limit: 1000))
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call(idempotencyKey: PlanningCaller.idempotencyKey("revise")) { try await $0.reviseSkp(request, options: $1) }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print("Revised SKP \(skpID): \(SkpText.state(response.skp ?? Planning.Skp())).")
    }
}

/// `kinerjactl skp versions`.
struct SkpVersions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List every version of an SKP.")

    @OptionGroup var options: PlanningOptions
    @Argument(help: "SKP id.") var skpID: String

    func run() async throws {
        try options.connection.check()
        let response = try await CommandEnvironment.withPlanning(options) { caller in
            try await caller.call { try await $0.listSkpVersions(.init(skpID: skpID), options: $1) }
        }
        if CommandEnvironment.printJSON(response, options) { return }
        print(SkpListText.versions(response))
    }
}
