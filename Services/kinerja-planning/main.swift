// kinerja-planning: the Perencanaan stage — SKP, RHK, IKI, targets, cascading, approvals, versions.
import ArgumentParser
import Foundation
import KinerjaPlanning
import KinerjaService
import KinerjaStore
import Logging

/// The planning service as the shared operator commands see it.
enum PlanningProgram: ServiceProgram {
    static let programName = "kinerja-planning"

    static func loadConfiguration(file: String) throws -> LoadedConfiguration {
        try load(file: file).0
    }

    static func load(file: String) throws -> (LoadedConfiguration, PlanningConfiguration) {
        let loaded = try ConfigurationLoader.load(file: file, section: "planning", sectionKeys: PlanningConfiguration.keys)
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
        subcommands: [Serve.self, BackupCommand<PlanningProgram>.self, AuditCommand<PlanningProgram>.self,
                      CheckConfigCommand<PlanningProgram>.self],
        defaultSubcommand: Serve.self)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the service until SIGTERM or SIGINT (SIGHUP reloads certificates).")
    @OptionGroup var options: ConfigFileOption

    func run() async throws {
        let (loaded, planning) = try await OperatorCommands.exiting(PlanningProgram.programName) { try PlanningProgram.load(file: options.config) }
        StructuredLogHandler.bootstrap(level: Logger.Level(configurationName: loaded.common.log.level) ?? .info,
                                       format: StructuredLogHandler.Format(rawValue: loaded.common.log.format) ?? .json)
        let runtime = try await OperatorCommands.exiting(PlanningProgram.programName) { try ServiceRuntime(name: "planning", configuration: loaded.common, migrations: PlanningSchema.migrations) }
        let service = try await OperatorCommands.exiting(PlanningProgram.programName) { try PlanningService(runtime: runtime, configuration: planning) }
        if planning.demoSeed != nil {
            // Demo SKPs need identity's view of the organisation; seeding waits for identity.
            try await PlanningDemoSeeder.seedIfEmpty(handlers: service.handlers, configuration: planning, logger: runtime.logger)
        }
        try await ServiceRunner.run(server: service.server, runtime: runtime)
        await service.identityClient.close()
    }
}
