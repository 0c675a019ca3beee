public import Foundation
import KinerjaTLS
import Logging

/// A loaded configuration: the shared part and the service's own section.
public struct LoadedConfiguration<Section: ConfigurationSection>: Sendable {
    /// The part every service shares.
    public var common: ServiceConfiguration
    /// The service's own section (its defaults when the file has none).
    public var section: Section
    /// The section's name in the file.
    public var sectionName: String

    /// A configuration made in code (tests, tools).
    public init(common: ServiceConfiguration, section: Section, sectionName: String) {
        self.common = common
        self.section = section
        self.sectionName = sectionName
    }
}

/// Reads a service's configuration: a JSON file, then environment overrides, then the declared
/// keys (``ConfigKey``) of the shared part and of the service's section.
///
/// An environment variable `KINERJA_<PATH>` overrides the key at PATH, where path segments are
/// separated by `__` and matched case-insensitively: `KINERJA_LISTEN__PORT=7411`,
/// `KINERJA_LOG__LEVEL=debug`, `KINERJA_IDENTITY__BOOTSTRAP__ADMIN_NIP=…`. A value replacing a
/// string in the file stays a string; otherwise it is parsed as JSON when it is valid JSON
/// (numbers, booleans) and taken as a string when not, and runs of more than 15 digits (NIPs)
/// always stay strings. Only variables whose first segment is a known section are considered;
/// `kinerjactl`'s own variables start with `KINERJACTL_` and cannot collide.
///
/// Unknown keys are errors (a misspelt key would otherwise silently fall back to a default), and
/// every error names its key.
public enum ConfigurationLoader {
    /// Loads and validates `file` for a service whose own section is `section`.
    public static func load<Section: ConfigurationSection>(
        file: String, section: String, as type: Section.Type = Section.self,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> LoadedConfiguration<Section> {
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
        applyOverrides(environment, to: &root, sections: ServiceConfiguration.sections.union([section]))
        var common = root
        let own = common.removeValue(forKey: section) ?? [String: Any]()
        guard let ownObject = own as? [String: Any] else { throw ConfigurationError(key: section, "must be an object") }
        let configuration = try SectionReader.read(common, into: ServiceConfiguration(), keys: ServiceConfiguration.keys, prefix: "")
        let values = try SectionReader.read(ownObject, into: Section(), keys: Section.keys, prefix: section)
        try values.validate(section: section)
        return LoadedConfiguration(common: configuration, section: values, sectionName: section)
    }

    static func applyOverrides(_ environment: [String: String], to root: inout [String: Any], sections: Set<String>) {
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
