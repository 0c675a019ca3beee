public import KinerjaService

/// The `planning` section of the planning service's configuration file; every key is declared
/// once in ``keys``. How identity is asked (cache, revocation feed) is the shared
/// `identity_client` section.
public struct PlanningConfiguration: ConfigurationSection {
    /// When set, an empty store is filled with demo SKPs for the Kupang demo organisation of this seed.
    public var demoSeed: UInt64?
    /// Year of the demo SKPs (default: the current WITA year).
    public var demoYear: Int32?

    /// The defaults.
    public init() {}

    /// Every key of the section.
    public static let keys: [ConfigKey<PlanningConfiguration>] = [
        .int("demo_seed", \.demoSeed, help: "Fill an empty store with demo SKPs for the demo organisation of this seed."),
        .int("demo_year", \.demoYear, 2000...2100, help: "Year of the demo SKPs (default: the current WITA year)."),
    ]
}
