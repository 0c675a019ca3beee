public import ArgumentParser
import Foundation

/// What a service executable tells the shared operator commands about itself.
public protocol ServiceProgram: Sendable {
    /// The executable's name, e.g. `kinerja-identity` (prefix of error lines).
    static var programName: String { get }
    /// Loads and validates the configuration file (errors name the key).
    static func loadConfiguration(file: String) throws -> LoadedConfiguration
}

/// `--config FILE`, shared by every subcommand.
public struct ConfigFileOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "The configuration file (JSON; the keys are in deploy/config/README.md).")
    public var config: String

    public init() {}
}

/// `backup --config FILE --output FILE`: a verified online copy of the store.
public struct BackupCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "backup", abstract: "Write a verified online backup of the store (VACUUM INTO, integrity check, fsync, rename).")
    }

    @OptionGroup public var options: ConfigFileOption
    @Option(name: .shortAndLong, help: "Where to write the backup file.")
    public var output: String

    public init() {}

    public func run() async throws {
        try await OperatorCommands.exiting(Program.programName) {
            let loaded = try Program.loadConfiguration(file: options.config)
            print(try OperatorCommands.backup(configuration: loaded.common, to: output))
        }
    }
}

/// `audit verify --config FILE`: recompute the audit hash chain; exit 4 when broken.
public struct AuditCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "audit", abstract: "Audit log commands.", subcommands: [AuditVerifyCommand<Program>.self])
    }

    public init() {}
}

/// `audit verify`.
public struct AuditVerifyCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "verify", abstract: "Recompute the audit hash chain; exit 4 when it is broken.")
    }

    @OptionGroup public var options: ConfigFileOption

    public init() {}

    public func run() async throws {
        try await OperatorCommands.exiting(Program.programName) {
            let loaded = try Program.loadConfiguration(file: options.config)
            let verdict = try OperatorCommands.verifyAudit(configuration: loaded.common)
            print(verdict.line)
            if !verdict.intact { throw OperatorCommands.Exit(status: OperatorCommands.brokenAuditStatus) }
        }
    }
}

/// `check-config --config FILE`.
public struct CheckConfigCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "check-config", abstract: "Validate the configuration file and exit.")
    }

    @OptionGroup public var options: ConfigFileOption

    public init() {}

    public func run() async throws {
        try await OperatorCommands.exiting(Program.programName) {
            _ = try Program.loadConfiguration(file: options.config)
            print("configuration ok")
        }
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
