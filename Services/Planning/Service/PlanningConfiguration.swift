public import KinerjaService

/// The `planning` section of the planning service's configuration file; every key is declared
/// once in ``keys``. How identity is asked (cache, revocation feed) is the shared
/// `identity_client` section.
public struct PlanningConfiguration: ConfigurationSection {
    /// When set, an empty store is filled with demo SKPs for the Kupang demo organisation of this seed.
    public var demoSeed: UInt64?
    /// Year of the demo SKPs (default: the current WITA year).
    public var demoYear: Int32?
    /// Month of the SKP deadline's policy date (default 1, January).
    public var skpDeadlineMonth: Int32 = 1
    /// Day of the SKP deadline's policy date (default 31); past the month's end means its last day.
    public var skpDeadlineDay: Int32 = 31
    /// Days after the TMT jabatan by which a new position's SKP is due (default 30).
    public var skpDeadlineDaysAfterTmt: Int = 30

    /// The defaults.
    public init() {}

    /// The SKP deadline policy these keys give (``SkpDeadlinePolicy``).
    public var deadlinePolicy: SkpDeadlinePolicy {
        SkpDeadlinePolicy(month: skpDeadlineMonth, day: skpDeadlineDay, daysAfterTmt: skpDeadlineDaysAfterTmt)
    }

    /// Every key of the section.
    public static let keys: [ConfigKey<PlanningConfiguration>] = [
        .int("demo_seed", \.demoSeed, help: "Fill an empty store with demo SKPs for the demo organisation of this seed."),
        .int("demo_year", \.demoYear, 2000...2100, help: "Year of the demo SKPs (default: the current WITA year)."),
        .int("skp_deadline_month", \.skpDeadlineMonth, 1...12,
             help: "Month of the date by which an SKP must be approved (GetSkpCompliance; default 1, January)."),
        .int("skp_deadline_day", \.skpDeadlineDay, 1...31,
             help: "Day of that date (default 31; a day past the month's end means its last day)."),
        .int("skp_deadline_days_after_tmt", \.skpDeadlineDaysAfterTmt, 0...366,
             help: "Days after the TMT jabatan by which a new position's SKP must be approved, when later than the date (default 30)."),
    ]
}
