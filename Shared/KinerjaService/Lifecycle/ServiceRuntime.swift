public import KinerjaRPC
public import KinerjaStore
public import KinerjaTLS
public import Logging
public import KinerjaProto
import Foundation
import KinerjaCrypto

/// The parts every service builds from its configuration: logger, TLS context, store, and
/// clients for the peers it calls.
public struct ServiceRuntime: Sendable {
    /// The service's name (`identity`, `planning`, …).
    public let name: String
    /// The configuration.
    public let configuration: ServiceConfiguration
    /// The logger (labelled `kinerja-<name>`).
    public let logger: Logger
    /// The TLS context (reloaded on SIGHUP).
    public let tls: TLSContext
    /// The store.
    public let store: Store

    /// Opens the store and loads the certificates; errors name what is wrong.
    public init(name: String, configuration: ServiceConfiguration, migrations: [Migration]) throws {
        self.name = name
        self.configuration = configuration
        self.logger = Logger(label: "kinerja-\(name)")
        var tlsConfiguration = TLSConfiguration(certificateChainFile: configuration.tls.certificate,
                                                privateKeyFile: configuration.tls.privateKey,
                                                trustRootsFile: configuration.tls.trustRoots)
        tlsConfiguration.revocationListFile = configuration.tls.revocationList
        do {
            tls = try TLSContext(configuration: tlsConfiguration)
        } catch {
            throw ConfigurationError(key: "tls", "cannot load the certificate, key or trust roots: \(error)")
        }
        store = try Store(configuration: configuration.store, migrations: migrations)
        logPseudonymKey = try Self.pseudonymSecret(configuration)
    }

    /// Protocol limits from the configuration.
    public var limits: RPCLimits {
        var limits = RPCLimits()
        limits.maxFrameSize = configuration.limits.maxFrameBytes
        limits.maxConcurrentCalls = configuration.limits.maxConcurrentCalls
        limits.idleTimeout = .seconds(configuration.limits.idleTimeoutSeconds)
        limits.drainGracePeriod = .seconds(configuration.limits.drainSeconds)
        return limits
    }

    /// The server for `services`, with call logging and then `interceptors` (authentication) around every call.
    public func server(services: [any RegistrableService], interceptors: [any ServerInterceptor]) -> RPCServer {
        let logging = CallLogInterceptor(logger: logger, pseudonymKey: logPseudonymKey, errorDomain: "\(name).kinerja.kupangkota.go.id")
        let logger = self.logger
        let admission = CallAdmission(limit: configuration.limits.maxCallsInFlight) { refused, limit in
            logger.warning("at capacity: calls refused RESOURCE_EXHAUSTED", metadata: ["refused": "\(refused)", "limit": "\(limit)"])
        }
        return RPCServer(configuration: .init(host: configuration.listen.host, port: configuration.listen.port, tls: tls,
                                              limits: limits, interceptors: [logging] + interceptors,
                                              onConnectionClosed: { Self.log($0, to: logger) }, admission: admission),
                         services: services)
    }

    /// One line per closed connection: which path closed it; a warning when calls were cut short.
    static func log(_ closed: ConnectionClosed, to logger: Logger) {
        let metadata: Logger.Metadata = [
            "cause": "\(closed.cause.rawValue)", "detail": "\(closed.detail)", "peer": "\(closed.peer ?? "-")",
            "remote": "\(closed.remoteAddress ?? "-")", "open_calls": "\(closed.openCalls)", "calls": "\(closed.callsServed)",
        ]
        if closed.openCalls > 0 {
            logger.warning("connection closed with calls open", metadata: metadata)
        } else {
            logger.info("connection closed", metadata: metadata)
        }
    }

    /// The secret that keys user pseudonyms in the logs: a file of its own (`log.pseudonym_secret_file`,
    /// default `log-pseudonym.secret` beside the store), made 0600 with 32 random bytes on first
    /// start. Being separate from the TLS key, a user's pseudonym survives a certificate rotation,
    /// so an operator can follow one person's calls across it.
    public let logPseudonymKey: [UInt8]

    /// Reads the pseudonym secret, creating it when missing; errors name the key.
    static func pseudonymSecret(_ configuration: ServiceConfiguration) throws -> [UInt8] {
        let path = configuration.log.pseudonymSecretFile
            ?? URL(fileURLWithPath: configuration.store.path).deletingLastPathComponent().appendingPathComponent("log-pseudonym.secret").path
        if let existing = FileManager.default.contents(atPath: path), existing.count >= 32 {
            return SHA256.hash(Array("kinerja-log-pseudonym-v2".utf8) + Array(existing))
        }
        let secret = Data(SecureRandom.bytes(32))
        guard FileManager.default.createFile(atPath: path, contents: secret, attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError(key: "log.pseudonym_secret_file", "cannot create \(path)")
        }
        return SHA256.hash(Array("kinerja-log-pseudonym-v2".utf8) + Array(secret))
    }

    /// A client for the configured peer `name`.
    public func client(peer name: String) throws -> RPCClient {
        guard let peer = configuration.peers[name], let address = HostPort(peer.address) else {
            throw ConfigurationError(key: "peers.\(name)", "is required: address and identity of the \(name) service")
        }
        let identity: PeerIdentity
        do {
            identity = try PeerIdentity(uri: peer.identity)
        } catch {
            throw ConfigurationError(key: "peers.\(name).identity", "\(error)")
        }
        return RPCClient(configuration: ClientConfiguration(host: address.host, port: address.port,
                                                            serverIdentity: identity, tls: tls))
    }
}
