public import KinerjaStore
import KinerjaTLS

/// The configuration every Kinerja service shares: one JSON file plus environment overrides
/// (see ``ConfigurationLoader``). Each service adds its own section (e.g. `identity`). Every key
/// is declared once, in ``keys``.
public struct ServiceConfiguration: Sendable {
    /// Where the service listens.
    public struct Listen: Sendable, Hashable {
        /// Address to bind (default 127.0.0.1).
        public var host = "127.0.0.1"
        /// Port to bind; 0 picks a free port (tests).
        public var port = 0
    }

    /// The service's certificate, key and trust anchors (PEM files).
    public struct TLSFiles: Sendable, Hashable {
        /// Certificate chain, leaf first.
        public var certificate = ""
        /// Private key of the leaf (readable only by the service user).
        public var privateKey = ""
        /// CA certificates peers must chain to.
        public var trustRoots = ""
        /// Optional CRL; when set, a peer on it or an expired CRL is refused.
        public var revocationList: String?
    }

    /// Another service this one calls.
    public struct Peer: Sendable, Hashable {
        /// `host:port`.
        public var address: String
        /// The URI SAN its certificate must carry, e.g. `spiffe://kinerja.kupangkota.go.id/service/identity`.
        public var identity: String

        /// A peer at `address` proving `identity`.
        public init(address: String, identity: String) {
            self.address = address
            self.identity = identity
        }
    }

    /// Protocol limits (defaults as in docs/PROTOCOL.md).
    public struct Limits: Sendable, Hashable {
        /// Largest frame accepted, in bytes (default 4 MiB).
        public var maxFrameBytes: Int = 4 << 20
        /// Calls in flight per connection (default 256); more get RESOURCE_EXHAUSTED.
        public var maxConcurrentCalls: Int = 256
        /// Calls in flight across all connections (default 512); more get RESOURCE_EXHAUSTED at once.
        public var maxCallsInFlight: Int = 512
        /// Seconds without a call before an idle connection is closed (default 300).
        public var idleTimeoutSeconds: Int = 300
        /// Seconds calls in flight get to finish at shutdown (default 30).
        public var drainSeconds: Int = 30

        /// The defaults.
        public init() {}
    }

    /// Logging.
    public struct Log: Sendable, Hashable {
        /// trace, debug, info, notice, warning, error or critical (default info).
        public var level: String = "info"
        /// `json` (one object per line, default) or `text`.
        public var format: String = "json"
        /// The secret that keys user pseudonyms in the logs; created (0600) on first start when
        /// missing. Default: `log-pseudonym.secret` beside the store.
        public var pseudonymSecretFile: String?

        /// The defaults.
        public init() {}
    }

    /// How a service asks identity (the directory cache and the revocation feed).
    public struct IdentityClient: Sendable, Hashable {
        /// Seconds identity's answers (employees, supervision, the unit tree) are reused (default 30).
        public var cacheSeconds: Int = 30
        /// Most employees and relations kept in the cache (default 20 000; least recently used go first).
        public var cacheEntries: Int = 20_000
        /// Seconds between polls of identity's revocation feed (default 2).
        public var revocationPollSeconds: Int = 2
        /// Seconds without a successful poll after which signed-in calls are refused with
        /// UNAVAILABLE rather than trusting tokens that may have been revoked (default 30).
        public var revocationStalenessSeconds: Int = 30

        /// The defaults.
        public init() {}
    }

    /// Where to listen.
    public var listen = Listen()
    /// The store.
    public var store = StoreConfiguration(path: "")
    /// TLS files.
    public var tls = TLSFiles()
    /// Services this one calls, by name (`identity`, `planning`, …).
    public var peers: [String: Peer] = [:]
    /// Protocol limits.
    public var limits = Limits()
    /// Logging.
    public var log = Log()
    /// How identity is asked (services that call identity).
    public var identityClient = IdentityClient()

    /// The defaults (no port, store or certificates yet).
    public init() {}

    /// The top-level sections, for environment overrides.
    static let sections: Set<String> = ["listen", "store", "tls", "peers", "limits", "log", "identity_client"]

    /// Every key of the shared part, declared once.
    public static let keys: [ConfigKey<ServiceConfiguration>] = [
        .object("listen", help: "Where the service listens."),
        .string("listen.host", \.listen.host, nonEmpty: true, help: "Address to bind (default 127.0.0.1)."),
        .int("listen.port", \.listen.port, 0...65_535, required: true, help: "Port to bind; 0 picks a free port."),
        .object("store", help: "The SQLite store."),
        .string("store.path", \.store.path, nonEmpty: true, required: true, help: "The database file (its folder is created 0700)."),
        .number("store.busy_timeout_seconds", \.store.busyTimeoutSeconds, 0...600, help: "Wait for a lock before SQLITE_BUSY (default 5)."),
        .int("store.maximum_readers", \.store.maximumReaders, 1...64, help: "Reader connections beside the writer (default 4)."),
        .bool("store.check_integrity_at_open", \.store.checkIntegrityAtOpen, help: "Run integrity_check at start (default true)."),
        .int("store.idempotency_retention_seconds", \.store.idempotencyRetentionSeconds, 60...31_536_000,
             help: "How long an idempotency key is remembered (default 86400)."),
        .object("tls", help: "Certificate, key and trust roots (PEM)."),
        .file("tls.certificate", \.tls.certificate, required: true, help: "Certificate chain, leaf first."),
        .file("tls.private_key", \.tls.privateKey, required: true, help: "The leaf's private key."),
        .file("tls.trust_roots", \.tls.trustRoots, required: true, help: "CA certificates peers must chain to."),
        .file("tls.revocation_list", \.tls.revocationList, help: "Optional CRL."),
        .peers("peers", \.peers, help: "Services this one calls: name → {address: host:port, identity: SPIFFE URI}."),
        .object("limits", help: "Protocol limits."),
        .int("limits.max_frame_bytes", \.limits.maxFrameBytes, 1024...(64 << 20), help: "Largest frame (default 4 MiB)."),
        .int("limits.max_concurrent_calls", \.limits.maxConcurrentCalls, 1...100_000, help: "Calls in flight per connection (default 256)."),
        .int("limits.max_calls_in_flight", \.limits.maxCallsInFlight, 1...1_000_000,
             help: "Calls in flight across all connections before more are refused RESOURCE_EXHAUSTED (default 512)."),
        .int("limits.idle_timeout_seconds", \.limits.idleTimeoutSeconds, 1...86_400, help: "Idle connections close after (default 300)."),
        .int("limits.drain_seconds", \.limits.drainSeconds, 0...3600, help: "Time calls get to finish at shutdown (default 30)."),
        .object("log", help: "Logging."),
        .string("log.level", \.log.level, oneOf: ["trace", "debug", "info", "notice", "warning", "error", "critical"],
                help: "Lowest level written (default info)."),
        .string("log.format", \.log.format, oneOf: ["json", "text"], help: "json (default) or text."),
        .string("log.pseudonym_secret_file", \.log.pseudonymSecretFile, nonEmpty: true,
                help: "Secret keying user pseudonyms (default: log-pseudonym.secret beside the store)."),
        .object("identity_client", help: "How the service asks identity."),
        .int("identity_client.cache_seconds", \.identityClient.cacheSeconds, 1...300, help: "Reuse identity's answers for (default 30)."),
        .int("identity_client.cache_entries", \.identityClient.cacheEntries, 100...1_000_000, help: "Most cached entries (default 20000)."),
        .int("identity_client.revocation_poll_seconds", \.identityClient.revocationPollSeconds, 1...10,
             help: "Poll identity's revocation feed every (default 2)."),
        .int("identity_client.revocation_staleness_seconds", \.identityClient.revocationStalenessSeconds, 5...300,
             help: "Refuse signed-in calls when the feed is older than (default 30)."),
    ]
}

extension ConfigKey where Root == ServiceConfiguration {
    /// The `peers` map: each entry names a service this one calls, with its address and identity.
    static func peers(_ path: String, _ field: any WritableKeyPath<ServiceConfiguration, [String: ServiceConfiguration.Peer]> & Sendable,
                      help: String) -> ConfigKey {
        ConfigKey(path, opaque: true, help: help) { value, root, key throws(ConfigurationError) in
            guard let entries = value as? [String: Any] else { throw ConfigurationError(key: key, "must be an object") }
            var peers: [String: ServiceConfiguration.Peer] = [:]
            for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
                guard let fields = entry as? [String: Any] else { throw ConfigurationError(key: "\(key).\(name)", "must be an object") }
                for unknown in fields.keys.sorted() where unknown != "address" && unknown != "identity" {
                    throw ConfigurationError(key: "\(key).\(name).\(unknown)", "unknown key (known keys are listed in deploy/config/README.md)")
                }
                guard let address = fields["address"] else { throw ConfigurationError(key: "\(key).\(name).address", "is required") }
                guard let identity = fields["identity"] else { throw ConfigurationError(key: "\(key).\(name).identity", "is required") }
                let peer = ServiceConfiguration.Peer(
                    address: try ConfigValue.string(address, nonEmpty: true, oneOf: nil, "\(key).\(name).address"),
                    identity: try ConfigValue.string(identity, nonEmpty: true, oneOf: nil, "\(key).\(name).identity"))
                guard HostPort(peer.address) != nil else {
                    throw ConfigurationError(key: "\(key).\(name).address", "must be host:port, got \"\(peer.address)\"")
                }
                do {
                    _ = try PeerIdentity(uri: peer.identity)
                } catch {
                    throw ConfigurationError(key: "\(key).\(name).identity", "must be a Kinerja SPIFFE URI: \(error)")
                }
                peers[name] = peer
            }
            root[keyPath: field] = peers
        }
    }
}

extension ServiceConfiguration.TLSFiles {
    /// The files as the TLS layer loads them.
    var all: [(key: String, path: String)] {
        [("tls.certificate", certificate), ("tls.private_key", privateKey), ("tls.trust_roots", trustRoots)]
            + (revocationList.map { [("tls.revocation_list", $0)] } ?? [])
    }
}
