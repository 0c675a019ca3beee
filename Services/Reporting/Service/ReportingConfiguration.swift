public import KinerjaService

/// The `reporting` section of the reporting service's configuration file; every key is declared
/// once in ``keys``. How identity is asked is the shared `identity_client` section; planning is
/// asked through `peers.planning`.
public struct ReportingConfiguration: ConfigurationSection {
    /// The evidence store's folder; default: `evidence` beside the store file.
    public var evidenceFolder: String?
    /// Seconds an uploaded file no report refers to is kept before it is collected (default 1 day).
    public var orphanGraceSeconds: Int = 86_400
    /// Seconds between orphan collections (default 1 hour; the first runs at start).
    public var orphanIntervalSeconds: Int = 3_600
    /// Seconds planning's answers (SKPs in force, targets) are reused (default 30).
    public var planningCacheSeconds: Int = 30
    /// Machine clients that may bulk-submit, by certificate name, with the code of the unit
    /// (and its sub-units) whose employees they report for, e.g. `siak-dukcapil` → `KPG.DUKCAPIL`.
    public var bulkClients: [String: String] = [:]
    /// When set, an empty store is filled with demo reports for the Kupang demo organisation of this seed.
    public var demoSeed: UInt64?
    /// Evidence uploads received at once; the next is refused RESOURCE_EXHAUSTED (default 16).
    public var uploadSlots: Int = 16

    /// The defaults.
    public init() {}

    /// Every key of the section.
    public static let keys: [ConfigKey<ReportingConfiguration>] = [
        .string("evidence_folder", \.evidenceFolder, nonEmpty: true,
                help: "The evidence store's folder (default: `evidence` beside the store file; created 0700)."),
        .int("orphan_grace_seconds", \.orphanGraceSeconds, 60...31_536_000,
             help: "Keep an uploaded file no report refers to for this long before collecting it (default 86400)."),
        .int("orphan_interval_seconds", \.orphanIntervalSeconds, 60...604_800, help: "Collect orphan files every (default 3600)."),
        .int("planning_cache_seconds", \.planningCacheSeconds, 1...300, help: "Reuse planning's answers (SKPs, targets) for (default 30)."),
        ConfigKey("bulk_clients", opaque: true,
                  help: "Machine clients that may bulk-submit: certificate name → unit code, e.g. {\"siak-dukcapil\": \"KPG.DUKCAPIL\"}.") {
            value, root, key throws(ConfigurationError) in
            guard let entries = value as? [String: Any] else { throw ConfigurationError(key: key, "must be an object: client name → unit code") }
            var clients: [String: String] = [:]
            for (name, code) in entries.sorted(by: { $0.key < $1.key }) {
                guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
                    throw ConfigurationError(key: "\(key).\(name)", "a client name is lower-case letters, digits and -")
                }
                guard let code = code as? String, !code.isEmpty else { throw ConfigurationError(key: "\(key).\(name)", "must be a unit code") }
                clients[name] = code
            }
            root.bulkClients = clients
        },
        .int("upload_slots", \.uploadSlots, 1...1024,
             help: "Evidence uploads received at once; the next is refused RESOURCE_EXHAUSTED (default 16)."),
        .int("demo_seed", \.demoSeed,
             help: "Fill an empty store with demo reports (1 January to yesterday) for the demo organisation of this seed."),
    ]
}
