public import KinerjaService

/// The `feedback` section of the feedback service's configuration file; every key is declared
/// once in ``keys``. How identity is asked is the shared `identity_client` section; planning and
/// reporting are peers (`peers.planning` required, `peers.reporting` optional).
public struct FeedbackConfiguration: ConfigurationSection {
    /// The units each citizen kiosk issues tickets for, by the kiosk's client name (its
    /// certificate's `…/client/<name>`): unit codes (e.g. `KPG.DUKCAPIL`) or ids, each with its
    /// sub-units. A kiosk not listed issues no ticket.
    public var kiosks: [String: [String]] = [:]
    /// The secret keying rater pseudonyms and comment orders; created (32 random bytes, 0600) on
    /// first start when missing. Default: `feedback-pseudonym.secret` beside the store.
    public var pseudonymSecretFile: String?
    /// Where a citizen opens a ticket to rate it; the code is appended (IssueServiceTicketResponse.rating_uri).
    public var ratingBaseURI = "https://kinerja.kupangkota.go.id/nilai/"
    /// Wrong ticket codes a citizen address may try before it must wait (default 10).
    public var guessBurst = 10
    /// Wrong ticket codes an address regains per hour (default 12: one every 5 minutes).
    public var guessPerHour = 12
    /// When set, an empty store is filled with demo feedback for the Kupang demo organisation of this seed.
    public var demoSeed: UInt64?
    /// Year of the demo data (default: the current WITA year).
    public var demoYear: Int32?

    /// The defaults.
    public init() {}

    /// Every key of the section.
    public static let keys: [ConfigKey<FeedbackConfiguration>] = [
        .kiosks("kiosks", help: "Units each citizen kiosk issues tickets for: client name → [unit code or id, …] (each with its sub-units)."),
        .string("pseudonym_secret_file", \.pseudonymSecretFile, nonEmpty: true,
                help: "Secret keying 360° rater pseudonyms and comment orders (default: feedback-pseudonym.secret beside the store; created 0600)."),
        .string("rating_base_uri", \.ratingBaseURI, nonEmpty: true, help: "Base of the link printed on a ticket (default https://kinerja.kupangkota.go.id/nilai/)."),
        .int("guess_burst", \.guessBurst, 1...1000, help: "Wrong ticket codes an address may try at once (default 10)."),
        .int("guess_per_hour", \.guessPerHour, 1...3600, help: "Wrong ticket codes an address regains per hour (default 12)."),
        .int("demo_seed", \.demoSeed, help: "Fill an empty store with demo feedback for the demo organisation of this seed."),
        .int("demo_year", \.demoYear, 2000...2100, help: "Year of the demo data (default: the current WITA year)."),
    ]
}

extension ConfigKey where Root == FeedbackConfiguration {
    /// The `kiosks` map: client name → list of unit codes or ids.
    static func kiosks(_ path: String, help: String) -> ConfigKey {
        ConfigKey(path, opaque: true, help: help) { value, root, key throws(ConfigurationError) in
            guard let entries = value as? [String: Any] else { throw ConfigurationError(key: key, "must be an object: client name → [unit code, …]") }
            var kiosks: [String: [String]] = [:]
            for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
                guard !name.isEmpty, name.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }) else {
                    throw ConfigurationError(key: "\(key).\(name)", "a kiosk is named by its client certificate name (a-z, 0-9, -)")
                }
                guard let units = entry as? [Any], !units.isEmpty, units.count <= 500 else {
                    throw ConfigurationError(key: "\(key).\(name)", "must list 1-500 unit codes or ids")
                }
                var list: [String] = []
                for unit in units {
                    guard let text = unit as? String, (1...64).contains(text.utf8.count),
                          text.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                        throw ConfigurationError(key: "\(key).\(name)", "each unit is a code or id of 1-64 printable characters")
                    }
                    list.append(text)
                }
                kiosks[name] = list
            }
            root.kiosks = kiosks
        }
    }
}
