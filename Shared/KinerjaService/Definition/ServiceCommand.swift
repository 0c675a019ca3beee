public import ArgumentParser
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// The one program every service executable runs: `serve` (the default), `backup`,
/// `audit verify` and `check-config`, for the service its definition describes.
///
/// A service's `main.swift` is `ServiceCommand<PlanningDefinition>.main()` in a `@main` type.
public struct ServiceCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: Definition.programName,
            abstract: Definition.summary,
            subcommands: [ServeCommand<Definition>.self, BackupCommand<Definition>.self, AuditCommand<Definition>.self,
                          CheckConfigCommand<Definition>.self],
            defaultSubcommand: ServeCommand<Definition>.self)
    }

    public init() {}
}

/// `--config FILE`, shared by every subcommand.
public struct ConfigFileOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "The configuration file (JSON; the keys are in deploy/config/README.md).")
    public var config: String

    public init() {}

    /// Loads the file for `Definition`; errors print one line naming the key and exit 78.
    func load<Definition: ServiceDefinition>(_ definition: Definition.Type) async throws -> LoadedConfiguration<Definition.Section> {
        try await OperatorCommands.exiting(Definition.programName) {
            let loaded = try ConfigurationLoader.load(file: config, section: Definition.name, as: Definition.Section.self)
            for peer in Definition.requiredPeers where loaded.common.peers[peer] == nil {
                throw ConfigurationError(key: "peers.\(peer)", "is required: \(Definition.name) calls the \(peer) service")
            }
            return loaded
        }
    }
}

/// `serve`: run the service until SIGTERM or SIGINT.
public struct ServeCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: "Run the service until SIGTERM or SIGINT (SIGHUP reloads certificates).")
    }

    @OptionGroup public var options: ConfigFileOption

    public init() {}

    public func run() async throws {
        // Every file the service writes (store, WAL, backups, evidence, secrets) is private to its user.
        umask(0o077)
        let loaded = try await options.load(Definition.self)
        StructuredLogHandler.bootstrap(level: Logger.Level(configurationName: loaded.common.log.level) ?? .info,
                                       format: StructuredLogHandler.Format(rawValue: loaded.common.log.format) ?? .json)
        let host = try await OperatorCommands.exiting(Definition.programName) { try await ServiceHost<Definition>.make(loaded) }
        try await host.run()
    }
}

/// `backup --config FILE --output FILE`: a verified online copy of the store.
public struct BackupCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup",
                             abstract: "Write a verified online backup of the store (VACUUM INTO, integrity check, fsync, rename; mode 0600).")
    }

    @OptionGroup public var options: ConfigFileOption
    @Option(name: .shortAndLong, help: "Where to write the backup file.")
    public var output: String

    public init() {}

    public func run() async throws {
        umask(0o077)
        let loaded = try await options.load(Definition.self)
        try await OperatorCommands.exiting(Definition.programName) {
            print(try OperatorCommands.backup(configuration: loaded.common, to: output))
        }
    }
}

/// `audit verify --config FILE`: recompute the audit hash chain; exit 4 when broken.
public struct AuditCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "audit", abstract: "Audit log commands.", subcommands: [AuditVerifyCommand<Definition>.self])
    }

    public init() {}
}

/// `audit verify`.
public struct AuditVerifyCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "verify", abstract: "Recompute the audit hash chain; exit 4 when it is broken.")
    }

    @OptionGroup public var options: ConfigFileOption

    public init() {}

    public func run() async throws {
        let loaded = try await options.load(Definition.self)
        try await OperatorCommands.exiting(Definition.programName) {
            let verdict = try OperatorCommands.verifyAudit(configuration: loaded.common)
            print(verdict.line)
            if !verdict.intact { throw OperatorCommands.Exit(status: OperatorCommands.brokenAuditStatus) }
        }
    }
}

/// `check-config --config FILE`.
public struct CheckConfigCommand<Definition: ServiceDefinition>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check-config", abstract: "Validate the configuration file and exit.")
    }

    @OptionGroup public var options: ConfigFileOption

    public init() {}

    public func run() async throws {
        _ = try await options.load(Definition.self)
        print("configuration ok")
    }
}

extension OperatorCommands {
    /// Runs an operator step; configuration and store errors print one line and exit 78 or 74.
    public static func exiting<T>(_ program: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await reportingErrors(program, body)
        } catch let exit as Exit {
            throw ExitCode(exit.status)
        }
    }
}
