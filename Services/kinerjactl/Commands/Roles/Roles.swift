import ArgumentParser
import Foundation
import KinerjaProto

/// `kinerjactl roles`: role grants.
struct Roles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Grant, list and revoke roles.",
                                                    subcommands: [Grant.self, List.self, Revoke.self])

    /// A role that can be granted (pegawai is implicit for every account).
    enum GrantableRole: String, ExpressibleByArgument, CaseIterable {
        case pengelolaKinerja = "pengelola-kinerja"
        case pimpinan
        case admin
        case auditor

        var role: Common.Role {
            switch self {
            case .pengelolaKinerja: .pengelolaKinerja
            case .pimpinan: .pimpinan
            case .admin: .admin
            case .auditor: .auditor
            }
        }
    }

    /// `kinerjactl roles grant`.
    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Grant a role to an employee.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "NIP of the holder.") var nip: String
        @Option(help: "The role.") var role: GrantableRole
        @Option(name: .customLong("scope-unit"), help: "Unit id the role applies to (repeatable; none = every unit, admin and auditor only).")
        var scopeUnits: [String] = []
        @Flag(help: "The scope covers every sub-unit too.") var subunits = false
        @Option(help: "Why, e.g. the SK penunjukan (audited).") var reason: String

        func run() async throws {
            let nip = try ArgumentChecks.nip(nip)
            let reason = try ArgumentChecks.reason(reason)
            if subunits, scopeUnits.isEmpty { throw CLIError.invalidArguments("--subunits needs --scope-unit") }
            let grant = Identity.RoleGrant(nip: nip, role: role.role, scopeUnitIDs: scopeUnits,
                                           includeSubunits: subunits, reason: reason)
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call(idempotencyKey: "grant-role-\(UUID().uuidString.lowercased())") {
                    try await $0.grantRole(.init(grant: grant), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Granted: " + RoleText.summary(response.grant ?? grant) + " (grant \(response.grant?.grantID ?? "—"))")
            print("The holder's tokens pick the role up at their next refresh.")
        }
    }

    /// `kinerjactl roles list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List role grants.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only grants held by this NIP.") var nip: String?
        @Flag(help: "Include revoked and expired grants.") var includeInactive = false

        func run() async throws {
            let nip = try nip.map { try ArgumentChecks.nip($0, option: "--nip") } ?? ""
            let grants = try await CommandEnvironment.withSignedIn(connection) { caller in
                var grants: [Identity.RoleGrant] = []
                var cursor = ""
                repeat {
                    let request = Identity.ListRoleGrantsRequest(nip: nip, includeInactive: includeInactive,
                                                                 page: Common.PageRequest(pageSize: 500, cursor: cursor))
                    let response = try await caller.call { try await $0.listRoleGrants(request, options: $1) }
                    grants += response.grants
                    cursor = response.page?.nextCursor ?? ""
                } while !cursor.isEmpty && grants.count < 100_000
                return grants
            }
            if CommandEnvironment.printJSON(Identity.ListRoleGrantsResponse(grants: grants), connection) { return }
            var table = Table([.init("GRANT ID", maxWidth: 26), .init("NIP", maxWidth: 18), .init("ROLE", maxWidth: 18),
                               .init("SCOPE", maxWidth: 40), .init("GRANTED", maxWidth: 22), .init("STATE", maxWidth: 8),
                               .init("REASON", maxWidth: 40)])
            for grant in grants {
                table.append([grant.grantID, grant.nip, Display.name(grant.role), RoleText.scope(grant),
                              WITATime.format(grant.granted?.at), grant.revoked == nil ? "active" : "revoked", grant.reason])
            }
            print(table.render())
        }
    }

    /// `kinerjactl roles revoke`.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a role grant.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Grant id (see roles list).") var grantID: String
        @Option(help: "Why (audited).") var reason: String

        func run() async throws {
            let reason = try ArgumentChecks.reason(reason)
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call(idempotencyKey: "revoke-role-\(UUID().uuidString.lowercased())") {
                    try await $0.revokeRole(.init(grantID: grantID, reason: reason), options: $1)
                }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            print("Revoked: " + RoleText.summary(response.grant ?? .init(grantID: grantID)))
        }
    }
}
