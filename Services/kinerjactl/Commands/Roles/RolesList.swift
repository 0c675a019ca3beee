import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Roles {
    /// `kinerjactl roles list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List role grants.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "Only grants held by this NIP.") var nip: String?
        @Option(help: ArgumentHelp("Only grants whose scope covers this unit (id or code).", valueName: "unit"))
        var unit: UnitReference?
        @Flag(help: "Include revoked and expired grants.") var includeInactive = false

        func validate() throws {
            if let nip { _ = try ArgumentChecks.person(nip, option: "--nip") }
        }

        func run() async throws {
            let nip = nip ?? ""
            let grants = try await CommandEnvironment.withSignedIn(connection) { caller in
                let unitID = try await unit.asyncMap { try await UnitLookup.unitID($0, caller) } ?? ""
                var grants: [Identity.RoleGrant] = []
                var cursor = ""
                repeat {
                    let request = Identity.ListRoleGrantsRequest(nip: nip, unitID: unitID, includeInactive: includeInactive,
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
}
