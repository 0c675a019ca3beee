public import Logging
import Synchronization

extension Logger.Level {
    /// The level named in a configuration (`info`, `debug`, …), case-insensitively.
    public init?(configurationName name: String) {
        self.init(rawValue: name.lowercased())
    }
}

/// A swift-log handler that writes one line per event to standard error: a JSON object
/// (`{"ts":…,"level":…,"service":…,"msg":…, metadata…}`) or, for people at a terminal, text.
///
/// Callers are responsible for what they log: the runtime logs request ids, method names,
/// pseudonymous principals, status codes and durations — never tokens, passwords or personal data.
public struct StructuredLogHandler: LogHandler {
    /// Output format.
    public enum Format: String, Sendable { case json, text }

    /// True once ``bootstrap(level:format:)`` made this handler the process's JSON backend: the
    /// call log then writes its line directly (``writeCallLine(_:)``), with the same fields.
    static let jsonBackend = Atomic<Bool>(false)

    /// Writes a call line (batched for a few milliseconds, ``LogOutput``).
    static func writeCallLine(_ line: [UInt8]) {
        LogOutput.writeBatched(line)
    }

    /// Writes the call lines that wait (the runtime calls it when it stops).
    public static func flush() {
        LogOutput.flush()
    }

    /// Metadata attached to every event of this logger.
    public var metadata: Logger.Metadata = [:]
    /// The lowest level written.
    public var logLevel: Logger.Level
    private let label: String
    private let format: Format

    /// A handler for `label` at `level` in `format`.
    public init(label: String, level: Logger.Level, format: Format) {
        self.label = label
        self.logLevel = level
        self.format = format
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata {
            if merged.isEmpty { merged = extra } else { merged.merge(extra) { $1 } }
        }
        let line: [UInt8]
        switch format {
        case .json:
            // The handler's own keys win over metadata of the same name.
            // In key order (LogLine merges them with the metadata's sorted keys).
            line = LogLine.json(fixed: [("level", event.level.rawValue), ("msg", "\(event.message)"), ("service", label),
                                        ("ts", LogLine.timestamp())],
                                metadata: merged)
        case .text:
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = Array("\(LogLine.timestamp()) \(event.level.rawValue.uppercased()) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)\n".utf8)
        }
        LogOutput.write(line)
    }

    /// Sets this handler up as the process-wide logging backend.
    public static func bootstrap(level: Logger.Level, format: Format) {
        LoggingSystem.bootstrap { label in StructuredLogHandler(label: label, level: level, format: format) }
        jsonBackend.store(format == .json, ordering: .relaxed)
    }
}
