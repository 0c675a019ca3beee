public import KinerjaService

/// The `evaluation` section of the evaluation service's configuration file; every key is declared
/// once in ``keys``. Identity is asked through the shared `identity_client` section; planning,
/// reporting and feedback are peers (`peers.planning`, `peers.reporting`, `peers.feedback`, all required).
public struct EvaluationConfiguration: ConfigurationSection {
    /// Seconds between attempts to tell reporting and planning of a finalisation or reopening they
    /// have not acknowledged yet (default 30; the first attempt is right after the commit).
    public var notifyRetrySeconds: Int = 30
    /// Share of a period's days, percent, an employee on CLTN or tugas belajar must have served to
    /// count in the curve's denominator (default 50; docs/EVALUATION.md 8.4).
    public var minimumServedPercent: Int = 50
    /// When set, an empty store is filled with the demo evaluations of the Kupang demo organisation of this seed.
    public var demoSeed: UInt64?
    /// Year of the demo data (default: the current WITA year).
    public var demoYear: Int32?

    /// A file of annual angka kredit koefisien per jenjang (`AHLI_MUDA 25`, one a line, `#` comments;
    /// jenjang not named keep PermenPANRB 1/2023's value); nil = the regulation's table.
    public var angkaKreditKoefisienFile: String?

    /// With the demo: a TPP rule (proto3 JSON, `deploy/config/tpp-rule.sample.json`) and a SIASN
    /// reference table (`deploy/config/siasn-references.sample.json`) loaded into an empty store, so
    /// `eval tpp` and `eval siasn` answer from a fresh `make run`. Both are marked as samples.
    public var demoTppRuleFile: String?
    public var demoSiasnReferencesFile: String?
    /// Exports (evaluations, TPP, SIASN) streamed at once; the next is refused RESOURCE_EXHAUSTED (default 2).
    public var exportSlots: Int = 2

    /// The defaults.
    public init() {}

    /// Every key of the section.
    public static let keys: [ConfigKey<EvaluationConfiguration>] = [
        .int("notify_retry_seconds", \.notifyRetrySeconds, 5...3600,
             help: "Retry telling reporting (and planning) of a finalisation or reopening they have not acknowledged, every (default 30)."),
        .int("minimum_served_percent", \.minimumServedPercent, 0...100,
             help: "Share of a period's days an employee on CLTN or tugas belajar must have served to count in the curve (default 50)."),
        .int("demo_seed", \.demoSeed,
             help: "Fill an empty store with demo evaluations (past triwulan finalised, the current one in progress, the months opened) of this seed."),
        .string("angka_kredit_koefisien_file", \.angkaKreditKoefisienFile, nonEmpty: true,
                help: "File of annual angka kredit koefisien per jenjang (`AHLI_MUDA 25` a line); default PermenPANRB 1/2023's table."),
        .int("export_slots", \.exportSlots, 1...64,
             help: "Exports (evaluations, TPP, SIASN) streamed at once; the next is refused RESOURCE_EXHAUSTED (default 2)."),
        .int("demo_year", \.demoYear, 2000...2100, help: "Year of the demo data (default: the current WITA year)."),
        .string("demo_tpp_rule_file", \.demoTppRuleFile, nonEmpty: true,
                help: "With demo_seed: a TPP rule (proto3 JSON) stored when none is (a sample, so eval tpp answers in the demo)."),
        .string("demo_siasn_references_file", \.demoSiasnReferencesFile, nonEmpty: true,
                help: "With demo_seed: a SIASN reference table (proto3 JSON) stored when none is (a sample, so eval siasn answers in the demo)."),
    ]
}
