public import ArgumentParser
import Foundation
import KinerjaService

/// `kinerja-reporting`: the kit's program (`serve`, `backup`, `audit verify`, `check-config`) plus
/// `evidence backup` and `evidence verify`, because reporting keeps files beside its store that
/// the store's backup does not cover.
public struct ReportingCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: ReportingDefinition.programName,
            abstract: ReportingDefinition.summary,
            discussion: """
            A complete backup is two steps: `backup` (the SQLite store) and `evidence backup` (the \
            uploaded files, incremental). See docs/OPERATIONS.md, "Reporting".
            """,
            subcommands: [ServeCommand<ReportingDefinition>.self, BackupCommand<ReportingDefinition>.self,
                          AuditCommand<ReportingDefinition>.self, CheckConfigCommand<ReportingDefinition>.self, EvidenceCommand.self],
            defaultSubcommand: ServeCommand<ReportingDefinition>.self)
    }

    public init() {}
}

/// `evidence`: the evidence store beside the SQLite file.
public struct EvidenceCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "evidence", abstract: "Back up and check the evidence store (uploaded files).",
                             subcommands: [EvidenceBackupCommand.self, EvidenceVerifyCommand.self])
    }

    public init() {}

    /// Loads the configuration and returns the evidence folder; configuration errors exit 78.
    static func folder(_ config: String) async throws -> String {
        try await OperatorCommands.exiting(ReportingDefinition.programName) {
            let loaded = try ConfigurationLoader.load(file: config, section: ReportingDefinition.name, as: ReportingConfiguration.self)
            return ReportingDefinition.evidenceFolder(loaded)
        }
    }
}

/// `evidence backup --config FILE --output DIR`.
public struct EvidenceBackupCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup",
            abstract: "Copy every uploaded file the backup folder lacks, each checked against its SHA-256 (fsync, rename; 0600).",
            discussion: "Incremental: files are named by their content, so a file already in DIR is not copied again. Exit 4 when a stored file no longer matches its hash (it is not copied).")
    }

    @Option(name: .shortAndLong, help: "The configuration file.") public var config: String
    @Option(name: .shortAndLong, help: "The backup folder (created 0700; its parent must exist).") public var output: String

    public init() {}

    public func run() async throws {
        umask(0o077)
        let folder = try await EvidenceCommand.folder(config)
        do {
            let report = try EvidenceBackup.copy(from: folder, to: output)
            print("evidence backup: \(report.copied) files copied (\(report.bytes) bytes), \(report.present) already in \(output)"
                + (report.corrupted.isEmpty ? "" : "; \(report.corrupted.count) CORRUPTED, not copied: \(report.corrupted.map(\.hex).joined(separator: " "))"))
            if !report.corrupted.isEmpty { throw ExitCode(OperatorCommands.brokenAuditStatus) }
        } catch let error as ReportingError {
            FileHandle.standardError.write(Data("\(ReportingDefinition.programName): evidence: \(error)\n".utf8))
            throw ExitCode(OperatorCommands.storeErrorStatus)
        }
    }
}

/// `evidence verify --config FILE`.
public struct EvidenceVerifyCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "verify", abstract: "Read every uploaded file and check it against its SHA-256; exit 4 when one does not match.")
    }

    @Option(name: .shortAndLong, help: "The configuration file.") public var config: String

    public init() {}

    public func run() async throws {
        let folder = try await EvidenceCommand.folder(config)
        do {
            let report = try EvidenceBackup.verify(folder: folder)
            if report.corrupted.isEmpty {
                print("evidence intact: \(report.checked) files match their SHA-256")
            } else {
                print("evidence CORRUPTED: \(report.corrupted.count) of \(report.checked) files: \(report.corrupted.map(\.hex).joined(separator: " "))")
                throw ExitCode(OperatorCommands.brokenAuditStatus)
            }
        } catch let error as ReportingError {
            FileHandle.standardError.write(Data("\(ReportingDefinition.programName): evidence: \(error)\n".utf8))
            throw ExitCode(OperatorCommands.storeErrorStatus)
        }
    }
}
