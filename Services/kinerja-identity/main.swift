// kinerja-identity: who everyone is (units, employees, supervisors, roles, accounts, tokens).
import ArgumentParser
import Foundation
import KinerjaIdentity
import KinerjaService
import KinerjaStore
import Logging

/// The identity service as the shared operator commands see it.
enum IdentityProgram: ServiceProgram {
    static let programName = "kinerja-identity"

    static func loadConfiguration(file: String) throws -> LoadedConfiguration {
        try load(file: file).0
    }

    static func load(file: String) throws -> (LoadedConfiguration, IdentityConfiguration) {
        let loaded = try ConfigurationLoader.load(file: file, section: "identity", sectionKeys: IdentityConfiguration.keys)
        let identity = try loaded.section(as: IdentityConfiguration.self)
        try identity.validate()
        return (loaded, identity)
    }
}

@main
struct KinerjaIdentityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerja-identity",
        abstract: "The Kinerja identity service: units, employees, supervisors, roles, accounts and tokens.",
        subcommands: [Serve.self, BackupCommand<IdentityProgram>.self, AuditCommand<IdentityProgram>.self,
                      CheckConfigCommand<IdentityProgram>.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the service until SIGTERM or SIGINT (SIGHUP reloads certificates).")
    @OptionGroup var options: ConfigFileOption

    func run() async throws {
        let (loaded, identity) = try await OperatorCommands.exiting(IdentityProgram.programName) { try IdentityProgram.load(file: options.config) }
        StructuredLogHandler.bootstrap(level: Logger.Level(configurationName: loaded.common.log.level) ?? .info,
                                       format: StructuredLogHandler.Format(rawValue: loaded.common.log.format) ?? .json)
        let runtime = try await OperatorCommands.exiting(IdentityProgram.programName) { try ServiceRuntime(name: "identity", configuration: loaded.common, migrations: IdentitySchema.migrations) }
        let bootstrapped: BootstrapResult?
        do {
            bootstrapped = try await IdentityBootstrap.run(store: runtime.store, configuration: identity,
                                                           environment: ProcessInfo.processInfo.environment)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("kinerja-identity: bootstrap: \(error)\n".utf8))
            throw ExitCode(78)
        }
        if let bootstrap = bootstrapped {
            runtime.logger.notice("bootstrap: first administrator created", metadata: [
                "units": "\(bootstrap.units)", "employees": "\(bootstrap.employees)"])
            // Shown once, on standard output only (never in the logs).
            var lines = ["bootstrap: administrator NIP \(bootstrap.adminNIP)"]
            if let password = bootstrap.generatedPassword {
                lines.append("bootstrap: one-time password \(password) (shown once; must be changed at first sign-in; valid 7 days)")
            } else {
                lines.append("bootstrap: one-time password taken from \(IdentityBootstrap.passwordVariable)")
            }
            for persona in bootstrap.personas {
                lines.append("demo: \(persona.persona) \(persona.nip) \(persona.name)")
            }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
        if !identity.passwordHash.meetsRecommendedStrength {
            runtime.logger.warning("identity.password_hash is weaker than recommended (scrypt N=2^17, r=8, p=1 or PBKDF2-SHA256 600 000); use it only for tests")
        }
        let service = try await IdentityService(runtime: runtime, configuration: identity)
        let rotation = KeyRotationSchedule(handlers: service.handlers, days: identity.keyRotationDays)
        try await ServiceRunner.run(server: service.server, runtime: runtime, periodic: [
            .init(every: .seconds(3600), name: "signing-key-rotation") { try await rotation.rotateIfDue() },
        ])
    }
}
