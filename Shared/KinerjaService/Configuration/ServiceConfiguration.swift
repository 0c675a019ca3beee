public import KinerjaStore

/// The configuration every Kinerja service shares: one JSON file plus environment overrides
/// (see ``ConfigurationLoader``). Each service adds its own section (e.g. `identity`).
public struct ServiceConfiguration: Sendable, Codable {
    /// Where the service listens.
    public struct Listen: Sendable, Codable, Hashable {
        /// Address to bind (default 127.0.0.1).
        public var host: String = "127.0.0.1"
        /// Port to bind; 0 picks a free port (tests).
        public var port: Int

        /// Decodes; the host defaults to 127.0.0.1.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            host = try c.decodeIfPresent(String.self, forKey: .host) ?? "127.0.0.1"
            port = try c.decode(Int.self, forKey: .port)
        }

        enum CodingKeys: String, CodingKey { case host, port }
    }

    /// The service's certificate, key and trust anchors (PEM files).
    public struct TLSFiles: Sendable, Codable, Hashable {
        /// Certificate chain, leaf first.
        public var certificate: String
        /// Private key of the leaf (readable only by the service user).
        public var privateKey: String
        /// CA certificates peers must chain to.
        public var trustRoots: String
        /// Optional CRL; when set, a peer on it or an expired CRL is refused.
        public var revocationList: String?

        enum CodingKeys: String, CodingKey {
            case certificate
            case privateKey = "private_key"
            case trustRoots = "trust_roots"
            case revocationList = "revocation_list"
        }
    }

    /// Another service this one calls.
    public struct Peer: Sendable, Codable, Hashable {
        /// `host:port`.
        public var address: String
        /// The URI SAN its certificate must carry, e.g. `spiffe://kinerja.kupangkota.go.id/service/identity`.
        public var identity: String
    }

    /// Protocol limits (defaults as in docs/PROTOCOL.md).
    public struct Limits: Sendable, Codable, Hashable {
        /// Largest frame accepted, in bytes (default 4 MiB).
        public var maxFrameBytes: Int = 4 << 20
        /// Calls in flight per connection (default 256); more get RESOURCE_EXHAUSTED.
        public var maxConcurrentCalls: Int = 256
        /// Seconds without a call before an idle connection is closed (default 300).
        public var idleTimeoutSeconds: Int = 300
        /// Seconds calls in flight get to finish at shutdown (default 30).
        public var drainSeconds: Int = 30

        enum CodingKeys: String, CodingKey {
            case maxFrameBytes = "max_frame_bytes"
            case maxConcurrentCalls = "max_concurrent_calls"
            case idleTimeoutSeconds = "idle_timeout_seconds"
            case drainSeconds = "drain_seconds"
        }

        /// The defaults.
        public init() {}

        /// Decodes, keeping the defaults for absent keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            maxFrameBytes = try c.decodeIfPresent(Int.self, forKey: .maxFrameBytes) ?? maxFrameBytes
            maxConcurrentCalls = try c.decodeIfPresent(Int.self, forKey: .maxConcurrentCalls) ?? maxConcurrentCalls
            idleTimeoutSeconds = try c.decodeIfPresent(Int.self, forKey: .idleTimeoutSeconds) ?? idleTimeoutSeconds
            drainSeconds = try c.decodeIfPresent(Int.self, forKey: .drainSeconds) ?? drainSeconds
        }
    }

    /// Logging.
    public struct Log: Sendable, Codable, Hashable {
        /// trace, debug, info, notice, warning, error or critical (default info).
        public var level: String = "info"
        /// `json` (one object per line, default) or `text`.
        public var format: String = "json"

        /// The defaults.
        public init() {}

        /// Decodes, keeping the defaults for absent keys.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            level = try c.decodeIfPresent(String.self, forKey: .level) ?? level
            format = try c.decodeIfPresent(String.self, forKey: .format) ?? format
        }
    }

    /// Where to listen.
    public var listen: Listen
    /// The store.
    public var store: StoreConfiguration
    /// TLS files.
    public var tls: TLSFiles
    /// Services this one calls, by name (`identity`, `planning`, …).
    public var peers: [String: Peer] = [:]
    /// Protocol limits.
    public var limits = Limits()
    /// Logging.
    public var log = Log()

    enum CodingKeys: String, CodingKey {
        case listen, store, tls, peers, limits, log
    }

    /// Decodes, keeping the defaults for absent optional sections.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        listen = try c.decode(Listen.self, forKey: .listen)
        store = try c.decode(StoreConfiguration.self, forKey: .store)
        tls = try c.decode(TLSFiles.self, forKey: .tls)
        peers = try c.decodeIfPresent([String: Peer].self, forKey: .peers) ?? [:]
        limits = try c.decodeIfPresent(Limits.self, forKey: .limits) ?? Limits()
        log = try c.decodeIfPresent(Log.self, forKey: .log) ?? Log()
    }

    /// The keys this type (and ``StoreConfiguration``) understands, as dotted paths; `*` stands for any map key.
    static let knownKeys: Set<String> = [
        "listen", "listen.host", "listen.port",
        "store", "store.path", "store.busy_timeout_seconds", "store.maximum_readers", "store.check_integrity_at_open",
        "store.idempotency_retention_seconds",
        "tls", "tls.certificate", "tls.private_key", "tls.trust_roots", "tls.revocation_list",
        "peers", "peers.*", "peers.*.address", "peers.*.identity",
        "limits", "limits.max_frame_bytes", "limits.max_concurrent_calls", "limits.idle_timeout_seconds", "limits.drain_seconds",
        "log", "log.level", "log.format",
    ]
}
