public import Foundation
import KinerjaTLS
import Logging

/// A loaded configuration: the shared part, and the service's own section on demand.
public struct LoadedConfiguration: Sendable {
    /// The part every service shares.
    public var common: ServiceConfiguration
    /// The service's own section as JSON (`{}` when absent).
    public var sectionJSON: Data
    /// The section's name.
    public var sectionName: String

    /// Decodes the service's own section; errors name the key.
    public func section<T: Decodable>(as type: T.Type) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: sectionJSON)
        } catch let error as DecodingError {
            throw ConfigurationLoader.describe(error, prefix: sectionName)
        }
    }
}

/// Reads a service's configuration: a JSON file, then environment overrides, then validation.
///
/// An environment variable `KINERJA_<PATH>` overrides the key at PATH, where path segments are
/// separated by `__` and matched case-insensitively: `KINERJA_LISTEN__PORT=7411`,
/// `KINERJA_LOG__LEVEL=debug`, `KINERJA_IDENTITY__BOOTSTRAP__ADMIN_NIP=…`. A value replacing a
/// string in the file stays a string; otherwise it is parsed as JSON when it is valid JSON
/// (numbers, booleans) and taken as a string when not, and runs of more than 15 digits (NIPs)
/// always stay strings. Only
/// variables whose first segment is a known section are considered, so unrelated `KINERJA_*`
/// variables of the command line tool do not interfere.
///
/// Unknown keys are errors (a misspelt key would otherwise silently fall back to a default), and
/// every error names its key.
public enum ConfigurationLoader {
    /// Loads and validates `file` for a service whose own section is `section` with keys `sectionKeys`
    /// (dotted, relative to the section, e.g. `bootstrap_admin_nip`).
    public static func load(file: String, section: String, sectionKeys: Set<String>,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws -> LoadedConfiguration {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigurationError(key: "", "cannot read the configuration file \(file)")
        }
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw ConfigurationError(key: "", "\(file) is not valid JSON: \(error.localizedDescription)")
        }
        guard var root = parsed as? [String: Any] else {
            throw ConfigurationError(key: "", "\(file) must contain a JSON object")
        }
        try applyOverrides(environment, to: &root, sections: ["listen", "store", "tls", "peers", "limits", "log", section])

        let known = ServiceConfiguration.knownKeys
            .union([section])
            .union(sectionKeys.map { "\(section).\($0)" })
        for path in flatten(root) where !known.contains(path) {
            throw ConfigurationError(key: path, "unknown key (known keys are listed in deploy/config/README.md)")
        }

        var common = root
        let own = common.removeValue(forKey: section) ?? [String: Any]()
        guard own is [String: Any] else { throw ConfigurationError(key: section, "must be an object") }
        for key in ["listen", "store", "tls", "peers", "limits", "log"] where common[key] != nil && !(common[key] is [String: Any]) {
            throw ConfigurationError(key: key, "must be an object")
        }
        let configuration: ServiceConfiguration
        do {
            configuration = try JSONDecoder().decode(ServiceConfiguration.self,
                                                     from: JSONSerialization.data(withJSONObject: common))
        } catch let error as DecodingError {
            throw describe(error, prefix: "")
        }
        try validate(configuration)
        return LoadedConfiguration(common: configuration, sectionJSON: try JSONSerialization.data(withJSONObject: own),
                                   sectionName: section)
    }

    /// Checks values the types alone cannot: ranges, files, names.
    public static func validate(_ c: ServiceConfiguration) throws {
        if c.listen.host.isEmpty { throw ConfigurationError(key: "listen.host", "must not be empty") }
        if !(0...65_535).contains(c.listen.port) { throw ConfigurationError(key: "listen.port", "must be 0–65535, got \(c.listen.port)") }
        if c.store.path.isEmpty { throw ConfigurationError(key: "store.path", "must not be empty") }
        if c.store.busyTimeoutSeconds < 0 { throw ConfigurationError(key: "store.busy_timeout_seconds", "must not be negative") }
        if c.store.maximumReaders < 1 { throw ConfigurationError(key: "store.maximum_readers", "must be at least 1") }
        if c.store.idempotencyRetentionSeconds < 60 {
            throw ConfigurationError(key: "store.idempotency_retention_seconds", "must be at least 60")
        }
        for (key, path) in [("tls.certificate", c.tls.certificate), ("tls.private_key", c.tls.privateKey),
                            ("tls.trust_roots", c.tls.trustRoots)] + (c.tls.revocationList.map { [("tls.revocation_list", $0)] } ?? []) {
            if !FileManager.default.isReadableFile(atPath: path) {
                throw ConfigurationError(key: key, "cannot read \(path)")
            }
        }
        for (name, peer) in c.peers {
            guard HostPort(peer.address) != nil else {
                throw ConfigurationError(key: "peers.\(name).address", "must be host:port, got \"\(peer.address)\"")
            }
            do {
                _ = try PeerIdentity(uri: peer.identity)
            } catch {
                throw ConfigurationError(key: "peers.\(name).identity", "must be a Kinerja SPIFFE URI: \(error)")
            }
        }
        if c.limits.maxFrameBytes < 1024 || c.limits.maxFrameBytes > 64 << 20 {
            throw ConfigurationError(key: "limits.max_frame_bytes", "must be 1 KiB – 64 MiB")
        }
        if c.limits.maxConcurrentCalls < 1 { throw ConfigurationError(key: "limits.max_concurrent_calls", "must be at least 1") }
        if c.limits.idleTimeoutSeconds < 1 { throw ConfigurationError(key: "limits.idle_timeout_seconds", "must be at least 1") }
        if c.limits.drainSeconds < 0 { throw ConfigurationError(key: "limits.drain_seconds", "must not be negative") }
        if Logger.Level(configurationName: c.log.level) == nil {
            throw ConfigurationError(key: "log.level", "must be one of trace, debug, info, notice, warning, error, critical")
        }
        if !["json", "text"].contains(c.log.format) { throw ConfigurationError(key: "log.format", "must be json or text") }
    }

    static func applyOverrides(_ environment: [String: String], to root: inout [String: Any], sections: Set<String>) throws {
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("KINERJA_") {
            let path = name.dropFirst("KINERJA_".count).lowercased().components(separatedBy: "__")
            guard let first = path.first, sections.contains(first), !path.contains("") else { continue }
            let replacesString = existing(at: path[...], in: root) is String
            let longDigits = value.count > 15 && value.allSatisfy(\.isNumber)
            let parsedValue: Any = replacesString || longDigits
                ? value
                : (try? JSONSerialization.jsonObject(with: Data(value.utf8), options: [.fragmentsAllowed])) ?? value
            set(parsedValue, at: path[...], in: &root)
        }
    }

    private static func existing(at path: ArraySlice<String>, in object: [String: Any]) -> Any? {
        guard let key = path.first else { return nil }
        if path.count == 1 { return object[key] }
        return (object[key] as? [String: Any]).flatMap { existing(at: path.dropFirst(), in: $0) }
    }

    private static func set(_ value: Any, at path: ArraySlice<String>, in object: inout [String: Any]) {
        guard let key = path.first else { return }
        if path.count == 1 {
            object[key] = value
            return
        }
        var child = object[key] as? [String: Any] ?? [:]
        set(value, at: path.dropFirst(), in: &child)
        object[key] = child
    }

    /// Every key path in `object`; keys of the `peers` map become `*`.
    static func flatten(_ object: [String: Any], prefix: String = "") -> [String] {
        var paths: [String] = []
        for (key, value) in object {
            let name = prefix == "peers" ? "*" : key
            let path = prefix.isEmpty ? name : "\(prefix).\(name)"
            paths.append(path)
            if let child = value as? [String: Any] {
                paths += flatten(child, prefix: path).map { $0 }
            }
        }
        return paths.sorted()
    }

    static func describe(_ error: DecodingError, prefix: String) -> ConfigurationError {
        func join(_ path: [any CodingKey]) -> String {
            ([prefix] + path.map { $0.intValue.map(String.init) ?? $0.stringValue }).filter { !$0.isEmpty }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return ConfigurationError(key: join(context.codingPath + [key]), "is required")
        case .typeMismatch(let type, let context):
            return ConfigurationError(key: join(context.codingPath), "must be \(describe(type))")
        case .valueNotFound(let type, let context):
            return ConfigurationError(key: join(context.codingPath), "must be \(describe(type)), got null")
        case .dataCorrupted(let context):
            return ConfigurationError(key: join(context.codingPath), context.debugDescription)
        @unknown default:
            return ConfigurationError(key: prefix, "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type, is UInt32.Type, is UInt64.Type: return "an integer"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is String.Type: return "a string"
        default: return "\(type)"
        }
    }
}

/// `host:port` split into its parts (IPv6 hosts in brackets).
public struct HostPort: Sendable, Hashable {
    /// Host name or address.
    public var host: String
    /// Port.
    public var port: Int

    /// Parses `host:port`; nil when malformed.
    public init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65_535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }
}
