public import KinerjaStore
import Foundation

/// The operator commands every service executable offers (`backup`, `audit verify`,
/// `check-config`), so that each executable only declares its arguments.
public enum OperatorCommands {
    /// Exit status for a configuration error (EX_CONFIG).
    public static let configurationErrorStatus: Int32 = 78
    /// Exit status for a store error (EX_IOERR).
    public static let storeErrorStatus: Int32 = 74
    /// Exit status when the audit chain is broken.
    public static let brokenAuditStatus: Int32 = 4

    /// Thrown to end the process with a status after the message was printed.
    public struct Exit: Error {
        /// The process exit status.
        public var status: Int32

        /// An exit with `status`.
        public init(status: Int32) {
            self.status = status
        }
    }

    /// Runs `body`; configuration and store errors are printed as one line naming the key or
    /// file (`<program>: …`) and become ``Exit`` with 78 or 74.
    public static func reportingErrors<T>(_ program: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("\(program): \(error)\n".utf8))
            throw Exit(status: configurationErrorStatus)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("\(program): store: \(error)\n".utf8))
            throw Exit(status: storeErrorStatus)
        }
    }

    /// `backup`: a verified online copy of the store; returns the line to print.
    public static func backup(configuration: ServiceConfiguration, to output: String) throws -> String {
        let report = try Store.backup(databaseAt: configuration.store.path, to: output)
        return "backup written: \(report.path) (\(report.bytes) bytes, audit log up to sequence \(report.auditHeadSequence), integrity ok)"
    }

    /// `audit verify`: the chain's verdict as a line, and whether it is intact.
    public static func verifyAudit(configuration: ServiceConfiguration) throws -> (intact: Bool, line: String) {
        let result = try Store.verifyAudit(databaseAt: configuration.store.path)
        let head = result.headHash.map { String(format: "%02x", $0) }.joined()
        if result.intact {
            return (true, "audit chain intact: \(result.checkedCount) entries (\(result.firstSequence)–\(result.lastSequence)), head \(head)")
        }
        return (false, "audit chain BROKEN at sequence \(result.firstBrokenSequence): \(result.failure)")
    }
}
