/// A service's own configuration section (`identity`, `planning`, …): plain values with their
/// defaults, and every key declared once in ``keys``.
public protocol ConfigurationSection: Sendable {
    /// The defaults.
    init()
    /// Every key of the section, relative to it (`identity_cache_seconds`, `bootstrap.admin_nip`).
    static var keys: [ConfigKey<Self>] { get }
    /// Checks that involve several keys; errors name a key (`planning.demo_year`). Default: none.
    func validate(section: String) throws(ConfigurationError)
}

extension ConfigurationSection {
    public func validate(section: String) throws(ConfigurationError) {}
}

/// A section with no keys, for services that need none.
public struct EmptySection: ConfigurationSection {
    public init() {}
    public static let keys: [ConfigKey<EmptySection>] = []
}

/// Reads an object into a value through its declared keys.
enum SectionReader {
    /// Reads `object` (the section's JSON) into a value starting from `root`; `prefix` names the
    /// section in errors (empty for the shared part). Unknown keys and missing required keys are errors.
    static func read<Root>(_ object: [String: Any], into root: Root, keys: [ConfigKey<Root>],
                           prefix: String) throws(ConfigurationError) -> Root {
        var root = root
        let byPath = Dictionary(keys.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        func name(_ path: String) -> String { prefix.isEmpty ? path : "\(prefix).\(path)" }
        func visit(_ object: [String: Any], at base: String) throws(ConfigurationError) {
            for (key, value) in object.sorted(by: { $0.key < $1.key }) {
                let path = base.isEmpty ? key : "\(base).\(key)"
                if let declared = byPath[path] {
                    try declared.read(value, &root, name(path))
                    if declared.opaque { continue }
                    if let child = value as? [String: Any] { try visit(child, at: path) }
                } else if let child = value as? [String: Any], keys.contains(where: { $0.path.hasPrefix(path + ".") }) {
                    try visit(child, at: path)
                } else {
                    throw ConfigurationError(key: name(path), "unknown key (known keys are listed in deploy/config/README.md)")
                }
            }
        }
        try visit(object, at: "")
        for key in keys where key.required && value(at: key.path, in: object) == nil {
            throw ConfigurationError(key: name(key.path), "is required")
        }
        return root
    }

    private static func value(at path: String, in object: [String: Any]) -> Any? {
        var current: Any = object
        for part in path.split(separator: ".") {
            guard let dictionary = current as? [String: Any], let next = dictionary[String(part)] else { return nil }
            current = next
        }
        return current
    }
}
