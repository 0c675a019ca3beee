import Foundation

/// One configuration key, declared once: its dotted name, how its value is read and checked, and
/// what it means. The loader derives the list of known keys, the "unknown key" check and every
/// error's key name from these declarations.
public struct ConfigKey<Root>: Sendable {
    /// The dotted path below the section, e.g. `listen.port` or `identity_cache_seconds`.
    public let path: String
    /// What the key means and its default, one line (for `check-config --keys` and the docs).
    public let help: String
    /// True when the file must give the key.
    public let required: Bool
    /// True when the value is an object whose own keys the reader checks (a map such as `peers`).
    public let opaque: Bool
    let read: @Sendable (_ value: Any, _ root: inout Root, _ key: String) throws(ConfigurationError) -> Void

    /// A key read by `read`, which checks the value and stores it into the root; errors name `key`.
    public init(_ path: String, required: Bool = false, opaque: Bool = false, help: String,
                read: @escaping @Sendable (_ value: Any, _ root: inout Root, _ key: String) throws(ConfigurationError) -> Void) {
        self.path = path
        self.help = help
        self.required = required
        self.opaque = opaque
        self.read = read
    }
}

extension ConfigKey {
    /// An integer key, optionally limited to `range`.
    public static func int<T: FixedWidthInteger & Sendable>(_ path: String, _ field: any WritableKeyPath<Root, T> & Sendable,
                                                             _ range: ClosedRange<T>? = nil, required: Bool = false,
                                                             help: String) -> ConfigKey {
        ConfigKey(path, required: required, help: help) { value, root, key throws(ConfigurationError) in
            root[keyPath: field] = try ConfigValue.integer(value, T.self, range, key)
        }
    }

    /// An optional integer key (absent = nil), optionally limited to `range`.
    public static func int<T: FixedWidthInteger & Sendable>(_ path: String, _ field: any WritableKeyPath<Root, T?> & Sendable,
                                                             _ range: ClosedRange<T>? = nil, help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, root, key throws(ConfigurationError) in
            root[keyPath: field] = try ConfigValue.integer(value, T.self, range, key)
        }
    }

    /// A string key; `nonEmpty` refuses "", `oneOf` limits the values (case-sensitive).
    public static func string(_ path: String, _ field: any WritableKeyPath<Root, String> & Sendable, nonEmpty: Bool = false,
                              oneOf: [String]? = nil, required: Bool = false, help: String) -> ConfigKey {
        ConfigKey(path, required: required, help: help) { value, root, key throws(ConfigurationError) in
            root[keyPath: field] = try ConfigValue.string(value, nonEmpty: nonEmpty, oneOf: oneOf, key)
        }
    }

    /// An optional string key (absent = nil).
    public static func string(_ path: String, _ field: any WritableKeyPath<Root, String?> & Sendable, nonEmpty: Bool = false,
                              help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, root, key throws(ConfigurationError) in
            root[keyPath: field] = try ConfigValue.string(value, nonEmpty: nonEmpty, oneOf: nil, key)
        }
    }

    /// A number key (integers are accepted), optionally limited to `range`.
    public static func number(_ path: String, _ field: any WritableKeyPath<Root, Double> & Sendable,
                              _ range: ClosedRange<Double>? = nil, help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, root, key throws(ConfigurationError) in
            guard !ConfigValue.isBoolean(value), let number = value as? Double, number.isFinite else {
                throw ConfigurationError(key: key, "must be a number")
            }
            if let range, !range.contains(number) {
                throw ConfigurationError(key: key, "must be \(range.lowerBound)–\(range.upperBound), got \(number)")
            }
            root[keyPath: field] = number
        }
    }

    /// A file that must be readable when the configuration is loaded.
    public static func file(_ path: String, _ field: any WritableKeyPath<Root, String> & Sendable, required: Bool = false,
                            help: String) -> ConfigKey {
        ConfigKey(path, required: required, help: help) { value, root, key throws(ConfigurationError) in
            root[keyPath: field] = try ConfigValue.readableFile(value, key)
        }
    }

    /// An optional file (absent = nil) that must be readable when given.
    public static func file(_ path: String, _ field: any WritableKeyPath<Root, String?> & Sendable, help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, root, key throws(ConfigurationError) in
            root[keyPath: field] = try ConfigValue.readableFile(value, key)
        }
    }

    /// A key naming one of `choices` (absent = nil).
    public static func choice<T: Sendable>(_ path: String, _ field: any WritableKeyPath<Root, T?> & Sendable,
                                           _ choices: [(name: String, value: T)], help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, root, key throws(ConfigurationError) in
            let name = try ConfigValue.string(value, nonEmpty: true, oneOf: choices.map(\.name), key)
            root[keyPath: field] = choices.first { $0.name == name }?.value
        }
    }

    /// A boolean key.
    public static func bool(_ path: String, _ field: any WritableKeyPath<Root, Bool> & Sendable, help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, root, key throws(ConfigurationError) in
            guard ConfigValue.isBoolean(value), let flag = value as? Bool else { throw ConfigurationError(key: key, "must be true or false") }
            root[keyPath: field] = flag
        }
    }

    /// An object key: it may appear (as `{}` or with its own keys), and nothing is read from it itself.
    public static func object(_ path: String, help: String) -> ConfigKey {
        ConfigKey(path, help: help) { value, _, key throws(ConfigurationError) in
            guard value is [String: Any] else { throw ConfigurationError(key: key, "must be an object") }
        }
    }
}

/// Checks of single values, shared by the key constructors; every error names the key.
enum ConfigValue {
    /// True for a JSON `true`/`false`; Foundation's JSON parser gives NSNumbers for both numbers
    /// and booleans, and `1 is Bool` holds for them, so the boolean class is compared instead.
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return value is Bool }
        return type(of: number) == type(of: NSNumber(value: true))
    }

    static func integer<T: FixedWidthInteger>(_ value: Any, _ type: T.Type, _ range: ClosedRange<T>?, _ key: String) throws(ConfigurationError) -> T {
        // JSONSerialization gives NSNumber; a Bool is an NSNumber too, and must not pass as 0/1.
        let converted: T? = isBoolean(value) ? nil
            : (value as? Int64).flatMap { T(exactly: $0) } ?? (value as? UInt64).flatMap { T(exactly: $0) }
        guard let converted else {
            throw ConfigurationError(key: key, range.map { "must be an integer \($0.lowerBound)–\($0.upperBound)" } ?? "must be an integer")
        }
        if let range, !range.contains(converted) {
            throw ConfigurationError(key: key, "must be \(range.lowerBound)–\(range.upperBound), got \(converted)")
        }
        return converted
    }

    static func readableFile(_ value: Any, _ key: String) throws(ConfigurationError) -> String {
        let path = try string(value, nonEmpty: true, oneOf: nil, key)
        guard FileManager.default.isReadableFile(atPath: path) else { throw ConfigurationError(key: key, "cannot read \(path)") }
        return path
    }

    static func string(_ value: Any, nonEmpty: Bool, oneOf: [String]?, _ key: String) throws(ConfigurationError) -> String {
        guard let text = value as? String else { throw ConfigurationError(key: key, "must be a string") }
        if nonEmpty && text.isEmpty { throw ConfigurationError(key: key, "must not be empty") }
        if let oneOf, !oneOf.contains(text) {
            throw ConfigurationError(key: key, "must be one of \(oneOf.joined(separator: ", ")), got \"\(text)\"")
        }
        return text
    }
}
