// kinerja-identity: who everyone is (units, employees, supervisors, roles, accounts, tokens).
import ArgumentParser
import Foundation
import KinerjaIdentity
import KinerjaService
import KinerjaStore
import Logging

/// Options every subcommand shares.
struct ConfigOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "The configuration file (JSON; see deploy/config/identity.json).")
    var config: String

    func load() throws -> (LoadedConfiguration, IdentityConfiguration) {
        let loaded = try ConfigurationLoader.load(file: config, section: "identity", sectionKeys: IdentityConfiguration.keys)
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
        subcommands: [Serve.self, Backup.self, Audit.self, CheckConfig.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the service until SIGTERM or SIGINT (SIGHUP reloads certificates).")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let (loaded, identity) = try await step { try options.load() }
        StructuredLogHandler.bootstrap(level: Logger.Level(configurationName: loaded.common.log.level) ?? .info,
                                       format: StructuredLogHandler.Format(rawValue: loaded.common.log.format) ?? .json)
        let runtime = try await step { try ServiceRuntime(name: "identity", configuration: loaded.common, migrations: IdentitySchema.migrations) }
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

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a verified online backup of the store (VACUUM INTO, integrity check, fsync, rename).")
    @OptionGroup var options: ConfigOption
    @Option(name: .shortAndLong, help: "Where to write the backup file.")
    var output: String

    func run() async throws {
        try await exiting {
            let (loaded, _) = try options.load()
            print(try OperatorCommands.backup(configuration: loaded.common, to: output))
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Audit log commands.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recompute the audit hash chain; exit 4 when it is broken.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            try await exiting {
                let (loaded, _) = try options.load()
                let verdict = try OperatorCommands.verifyAudit(configuration: loaded.common)
                print(verdict.line)
                if !verdict.intact { throw OperatorCommands.Exit(status: OperatorCommands.brokenAuditStatus) }
            }
        }
    }
}

struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Validate the configuration file and exit.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        try await exiting {
            _ = try options.load()
            print("configuration ok")
        }
    }
}

/// Runs an operator command; configuration and store errors exit 78 and 74 with one line.
func exiting(_ body: () async throws -> Void) async throws {
    do {
        try await OperatorCommands.reportingErrors("kinerja-identity", body)
    } catch let exit as OperatorCommands.Exit {
        throw ExitCode(exit.status)
    }
}

/// Like ``exiting(_:)`` for a step that produces a value.
func step<T>(_ body: () throws -> T) async throws -> T {
    do {
        return try await OperatorCommands.reportingErrors("kinerja-identity") { try body() }
    } catch let exit as OperatorCommands.Exit {
        throw ExitCode(exit.status)
    }
}
