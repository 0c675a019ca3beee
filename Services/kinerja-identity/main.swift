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
        let (loaded, identity) = try reportingErrors { try options.load() }
        StructuredLogHandler.bootstrap(level: Logger.Level(configurationName: loaded.common.log.level) ?? .info,
                                       format: StructuredLogHandler.Format(rawValue: loaded.common.log.format) ?? .json)
        let runtime = try reportingErrors { try ServiceRuntime(name: "identity", configuration: loaded.common, migrations: IdentitySchema.migrations) }
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
        let (loaded, _) = try reportingErrors { try options.load() }
        let report = try reportingErrors { try Store.backup(databaseAt: loaded.common.store.path, to: output) }
        print("backup written: \(report.path) (\(report.bytes) bytes, audit log up to sequence \(report.auditHeadSequence), integrity ok)")
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Audit log commands.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Recompute the audit hash chain; exit 4 when it is broken.")
        @OptionGroup var options: ConfigOption

        func run() async throws {
            let (loaded, _) = try reportingErrors { try options.load() }
            let result = try reportingErrors { try Store.verifyAudit(databaseAt: loaded.common.store.path) }
            let head = result.headHash.map { String(format: "%02x", $0) }.joined()
            if result.intact {
                print("audit chain intact: \(result.checkedCount) entries (\(result.firstSequence)–\(result.lastSequence)), head \(head)")
            } else {
                print("audit chain BROKEN at sequence \(result.firstBrokenSequence): \(result.failure)")
                throw ExitCode(4)
            }
        }
    }
}

struct CheckConfig: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-config", abstract: "Validate the configuration file and exit.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        _ = try reportingErrors { try options.load() }
        print("configuration ok")
    }
}

/// Prints configuration and store errors as one line naming the key, and exits 78 (EX_CONFIG).
func reportingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data("kinerja-identity: \(error)\n".utf8))
        throw ExitCode(78)
    } catch let error as StoreError {
        FileHandle.standardError.write(Data("kinerja-identity: store: \(error)\n".utf8))
        throw ExitCode(74)
    }
}
