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
        return RPCServer(configuration: .init(host: configuration.listen.host, port: configuration.listen.port, tls: tls,
                                              limits: limits, interceptors: [logging] + interceptors),
                         services: services)
    }

    /// A per-deployment secret for log pseudonyms: derived from the service's private key, so it
    /// is stable across restarts (until the key changes) and never configured separately.
    public var logPseudonymKey: [UInt8] {
        let bytes = FileManager.default.contents(atPath: configuration.tls.privateKey).map { Array($0) } ?? SecureRandom.bytes(32)
        return SHA256.hash(Array("kinerja-log-pseudonym-v1".utf8) + bytes)
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
