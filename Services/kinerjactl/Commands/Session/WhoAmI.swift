import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl whoami`: who the server thinks you are.
    struct WhoAmI: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "whoami", abstract: "Show the signed-in user, roles and unit.")

        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                try await caller.call { try await $0.whoAmI(.init(), options: $1) }
            }
            if CommandEnvironment.printJSON(response, connection) { return }
            var fields = FieldList()
            fields.append("Principal", response.principal + " (" + Display.name(response.principalKind) + ")")
            if let employee = response.employee {
                fields.append("Name", Display.name(of: employee))
                fields.append("Jabatan", employee.jabatanName)
                fields.append("Golongan", employee.golongan)
            }
            if let unit = response.unit { fields.append("Unit", "\(unit.name) (\(unit.code))") }
            fields.append("Roles", response.roles.map(RoleText.summary).joined(separator: "; "))
            fields.append("Bawahan", String(response.bawahanNIPs.count))
            fields.append("Session", response.sessionID)
            fields.append("Token expires", WITATime.format(response.tokenExpiresAt))
            print(fields.render())
        }
    }
}
