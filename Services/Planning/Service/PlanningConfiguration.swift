import KinerjaService

/// The `planning` section of the planning service's configuration file.
public struct PlanningConfiguration: Sendable, Decodable {
    /// Seconds identity's answers (employees, supervision, unit ancestry) are reused (default 30, 1–300).
    public var identityCacheSeconds: Int = 30
    /// When set, an empty store is filled with demo SKPs for the Kupang demo organisation of this seed.
    public var demoSeed: UInt64?
    /// Year of the demo SKPs (default: the current WITA year).
    public var demoYear: Int32?

    /// The defaults.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case identityCacheSeconds = "identity_cache_seconds", demoSeed = "demo_seed", demoYear = "demo_year"
    }

    /// Decodes, keeping the defaults for absent keys.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        identityCacheSeconds = try c.decodeIfPresent(Int.self, forKey: .identityCacheSeconds) ?? 30
        demoSeed = try c.decodeIfPresent(UInt64.self, forKey: .demoSeed)
        demoYear = try c.decodeIfPresent(Int32.self, forKey: .demoYear)
    }

    /// The keys of the section, for the unknown-key check.
    public static let keys: Set<String> = ["identity_cache_seconds", "demo_seed", "demo_year"]

    /// Checks ranges; errors name the key.
    public func validate() throws {
        if !(1...300).contains(identityCacheSeconds) {
            throw ConfigurationError(key: "planning.identity_cache_seconds", "must be 1–300")
        }
        if let demoYear, !(2000...2100).contains(demoYear) {
            throw ConfigurationError(key: "planning.demo_year", "must be 2000–2100")
        }
    }
}
