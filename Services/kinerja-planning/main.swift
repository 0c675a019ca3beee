// kinerja-planning: the Perencanaan stage — SKP, RHK, IKI, targets, cascading, approvals, versions.
import ArgumentParser
import Foundation
import KinerjaPlanning
import KinerjaService
import KinerjaStore
import Logging

/// Options every subcommand shares.
struct ConfigOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "The configuration file (JSON; see deploy/config/planning.json).")
    var config: String

    func load() throws -> (LoadedConfiguration, PlanningConfiguration) {
        let loaded = try ConfigurationLoader.load(file: config, section: "planning", sectionKeys: PlanningConfiguration.keys)
        let planning = try loaded.section(as: PlanningConfiguration.self)
        try planning.validate()
        guard loaded.common.peers["identity"] != nil else {
            throw ConfigurationError(key: "peers.identity", "is required: planning asks identity who people are")
        }
        return (loaded, planning)
    }
}

@main
struct KinerjaPlanningCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerja-planning",
        abstract: "The Kinerja planning service: SKP, RHK, IKI and targets, cascading, approvals and versions.",
        subcommands: [Serve.self, Backup.self, Audit.self, CheckConfig.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the service until SIGTERM or SIGINT (SIGHUP reloads certificates).")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let (loaded, planning) = try await step { try options.load() }
        StructuredLogHandler.bootstrap(level: Logger.Level(configurationName: loaded.common.log.level) ?? .info,
                                       format: StructuredLogHandler.Format(rawValue: loaded.common.log.format) ?? .json)
        let runtime = try await step { try ServiceRuntime(name: "planning", configuration: loaded.common, migrations: PlanningSchema.migrations) }
        let service = try await step { try PlanningService(runtime: runtime, configuration: planning) }
        if planning.demoSeed != nil {
            // Demo SKPs need identity's view of the organisation; seeding waits for identity.
            try await PlanningDemoSeeder.seedIfEmpty(handlers: service.handlers, configuration: planning, logger: runtime.logger)
        }
        try await ServiceRunner.run(server: service.server, runtime: runtime)
        await service.identityClient.close()
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
        try await OperatorCommands.reportingErrors("kinerja-planning", body)
    } catch let exit as OperatorCommands.Exit {
        throw ExitCode(exit.status)
    }
}

/// Like ``exiting(_:)`` for a step that produces a value.
func step<T>(_ body: () throws -> T) async throws -> T {
    do {
        return try await OperatorCommands.reportingErrors("kinerja-planning") { try body() }
    } catch let exit as OperatorCommands.Exit {
        throw ExitCode(exit.status)
    }
}
