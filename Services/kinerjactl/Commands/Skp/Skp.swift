import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl skp`: SKP planning on the planning service.
    struct Skp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan SKPs: RHK, IKI, targets, cascading, approval (planning service).",
            discussion: """
            Every skp command talks to the planning service (--planning, default $KINERJACTL_PLANNING_ADDRESS \
            or 127.0.0.1:7402) with the session of `kinerjactl login`; the token is refreshed through the \
            identity service (--server) as for every other command. Writes carry an idempotency key, so \
            the client's own retries are applied once. NIPs default to yours and years to the current \
            WITA year where a command says so.

            Typical flow: skp create --year 2026 → skp candidates → skp add-rhk … --parent RHK_ID → \
            skp add-iki … → skp show → skp submit; the atasan: skp list --inbox → skp show → skp expect \
            → skp approve or skp return. Through the year: skp amend-expect (the penilai), skp compliance \
            (pengelola kinerja); after a transfer: skp create --transfer. skp print writes the form as PDF \
            with its approval stamp, skp verify-print checks a printout against the stored version.
            """,
            subcommands: [
                Create.self, Show.self, List.self, Delete.self, Lampiran.self,
                AddRhk.self, Candidates.self, UpdateRhk.self, RemoveRhk.self,
                AddIki.self, UpdateIki.self, SetTargets.self, RemoveIki.self, Expect.self,
                Submit.self, Withdraw.self, Approve.self, Return.self, Revise.self, Versions.self, AmendExpect.self,
                Review.self, Acknowledge.self, Matrix.self, Targets.self, Compliance.self, Import.self,
                Print.self, VerifyPrint.self,
            ]
        )
    }
}

/// Reads SKPs for the commands that need one before they write.
enum SkpFetch {
    /// The latest version of an SKP (or `version`).
    static func skp(_ skpID: String, version: UInt32 = 0, _ caller: PlanningCaller) async throws -> Planning.GetSkpResponse {
        try await caller.call { try await $0.getSkp(.init(skpID: skpID, version: version), options: $1) }
    }

    /// The SKP's latest version, from the response (INTERNAL when the server sent none).
    static func required(_ response: Planning.GetSkpResponse) throws -> Planning.Skp {
        guard let skp = response.skp else { throw CLIError(.failure, "the server answered GetSkp without an SKP", status: .internal) }
        return skp
    }

    /// The NIP from `--nip`, else the signed-in user's.
    static func nip(_ given: String?, _ caller: PlanningCaller) throws -> String {
        if let given { return try ArgumentChecks.nip(given, option: "--nip") }
        return try caller.signedInNIP()
    }

    /// Names for `skp show` (best effort: an identity look-up that fails leaves NIPs and ids).
    static func names(for skp: Planning.Skp, _ caller: PlanningCaller) async -> SkpNames {
        var names = SkpNames()
        let identity = caller.identity
        if !skp.unitID.isEmpty,
           let unit = try? await identity.call({ try await $0.getUnit(.init(unitID: skp.unitID), options: $1) }).unit {
            names.unitName = unit.name
        }
        if skp.atasanNIP.isEmpty, !skp.nip.isEmpty,
           let owner = try? await identity.call({ try await $0.getEmployee(.init(nip: skp.nip), options: $1) }) {
            names.currentAtasan = owner.atasan
            if let atasan = owner.atasan { names.employees[atasan.nip] = atasan.displayName }
        }
        let wanted = Set([skp.atasanNIP] + skp.rhks.map(\.parentOwnerNIP)).filter { !$0.isEmpty && names.employees[$0] == nil }
        for nip in wanted.sorted().prefix(10) {
            if let employee = try? await identity.call({ try await $0.getEmployee(.init(nip: nip), options: $1) }).employee {
                names.employees[nip] = Display.name(of: employee)
            }
        }
        return names
    }
}
