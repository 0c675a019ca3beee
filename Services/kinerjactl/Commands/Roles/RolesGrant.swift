import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Roles {
    /// `kinerjactl roles grant`.
    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant a role to an employee.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "NIP of the holder.") var nip: String
        @Option(help: "The role.") var role: GrantableRole
        @Option(name: .customLong("scope-unit"), help: ArgumentHelp(
            "Unit the role applies to, by id or code (repeatable; none = every unit, admin and auditor only).",
            valueName: "unit"))
        var scopeUnits: [UnitReference] = []
        @Flag(help: "The scope covers every sub-unit too.") var subunits = false
        @Option(help: "Why, e.g. the SK penunjukan (audited).") var reason: String

        func validate() throws {
            _ = try ArgumentChecks.person(nip)
            _ = try ArgumentChecks.reason(reason)
            if subunits, scopeUnits.isEmpty { throw CLIError.invalidArguments("--subunits needs --scope-unit") }
            guard scopeUnits.count <= 100 else { throw CLIError.invalidArguments("at most 100 --scope-unit") }
        }

        func run() async throws {
            let reason = try ArgumentChecks.reason(reason)
            let (response, grant) = try await CommandEnvironment.withSignedIn(connection) { caller in
                // Codes are resolved and ids checked first, so an unknown unit is named, not refused.
                var scope: [String] = []
                for unit in scopeUnits { scope.append(try await UnitLookup.unitID(unit, caller, verify: true)) }
                let grant = Identity.RoleGrant(nip: nip, role: role.role, scopeUnitIDs: scope, includeSubunits: subunits,
                                               reason: reason)
                let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("grant-role")) {
                    try await $0.grantRole(.init(grant: grant), options: $1)
                }
                return (response, grant)
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Granted: " + RoleText.summary(response.grant ?? grant) + " (grant \(response.grant?.grantID ?? "—"))")
            print("The holder's tokens pick the role up at their next refresh.")
        }
    }
}
