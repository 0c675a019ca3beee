public import Logging
import Foundation
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

    private static let output = Mutex<FileHandle>(FileHandle.standardError)

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
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let line: String
        switch format {
        case .json:
            var object: [String: Any] = [
                "ts": Self.timestamp(), "level": event.level.rawValue, "service": label, "msg": "\(event.message)",
            ]
            for (key, value) in merged { object[key] = Self.json(value) }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        case .text:
            let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            line = "\(Self.timestamp()) \(event.level.rawValue.uppercased()) \(label): \(event.message)\(fields.isEmpty ? "" : " " + fields)"
        }
        Self.output.withLock { $0.write(Data((line + "\n").utf8)) }
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let s): return s
        case .stringConvertible(let c): return "\(c)"
        case .array(let a): return a.map(json)
        case .dictionary(let d): return d.mapValues(json)
        }
    }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Sets this handler up as the process-wide logging backend.
    public static func bootstrap(level: Logger.Level, format: Format) {
        LoggingSystem.bootstrap { label in StructuredLogHandler(label: label, level: level, format: format) }
    }
}
