public import Foundation
public import KinerjaRPC
public import KinerjaService
public import KinerjaStore
import KinerjaTLS
import Synchronization

/// A certificate a test client presents.
public enum TestPeer: Sendable, Hashable {
    /// A machine client (`…/client/<name>`: operator, hr-portal, citizen-kiosk, …).
    case client(String)
    /// A Kinerja service (`…/service/<name>`).
    case service(String)
}

/// Any Kinerja service in-process, from its definition: its own SQLite file in a temporary
/// folder, the development PKI, mutual TLS on a loopback port, and clients presenting any
/// certificate of the test PKI. Everything a service test needs, the same for every service.
public final class ServiceFixture<Definition: ServiceDefinition>: Sendable {
    /// The service as assembled (runtime, parts, server).
    public let host: ServiceHost<Definition>
    /// Its port.
    public let port: Int
    /// The temporary folder holding its store and configuration.
    public let folder: String
    private let clients = Mutex<[TestPeer: RPCClient]>([:])

    /// The runtime (logger, TLS, store).
    public var runtime: ServiceRuntime { host.runtime }
    /// The store (for checking that a refused call changed nothing).
    public var store: Store { host.runtime.store }

    /// Starts the service with `section`; `peers` maps peer names to ports on 127.0.0.1;
    /// `common` adjusts the shared configuration; `before` runs on the opened store's folder
    /// before the service assembles (e.g. to pre-fill a store); `inject` gives the assembly parts.
    public static func start(section: Definition.Section = .init(), peers: [String: Int] = [:],
                             common: (inout ServiceConfiguration) -> Void = { _ in },
                             before: (String) async throws -> Void = { _ in },
                             inject: (ServiceAssembly<Definition.Section>) -> Void = { _ in }) async throws -> ServiceFixture {
        let pki = try TestPKI.directory()
        let folder = NSTemporaryDirectory() + "kinerja-\(Definition.name)-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var configuration = ServiceConfiguration()
        configuration.listen.port = 0
        configuration.store = StoreConfiguration(path: "\(folder)/\(Definition.name).sqlite")
        configuration.tls.certificate = "\(pki)/service/\(Definition.name).pem"
        configuration.tls.privateKey = "\(pki)/service/\(Definition.name).key"
        configuration.tls.trustRoots = "\(pki)/ca.pem"
        for (name, port) in peers {
            configuration.peers[name] = ServiceConfiguration.Peer(address: "127.0.0.1:\(port)",
                                                                  identity: "spiffe://kinerja.kupangkota.go.id/service/\(name)")
        }
        common(&configuration)
        try await before(folder)
        let loaded = LoadedConfiguration(common: configuration, section: section, sectionName: Definition.name)
        let host = try await ServiceHost<Definition>.make(loaded, inject: inject)
        let port = try await host.start()
        return ServiceFixture(host: host, port: port, folder: folder)
    }

    private init(host: ServiceHost<Definition>, port: Int, folder: String) {
        self.host = host
        self.port = port
        self.folder = folder
    }

    /// A connection to the service presenting `peer`'s certificate (kept for the fixture's life).
    public func transport(as peer: TestPeer) throws -> RPCClient {
        try clients.withLock { clients in
            if let client = clients[peer] { return client }
            let tls: TLSContext
            switch peer {
            case .client(let name): tls = try TestPKI.context(client: name)
            case .service(let name): tls = try TestPKI.context(service: name)
            }
            let client = RPCClient(configuration: ClientConfiguration(
                host: "127.0.0.1", port: port, serverIdentity: try PeerIdentity(kind: .service, name: Definition.name), tls: tls))
            clients[peer] = client
            return client
        }
    }

    /// Stops the service and removes its folder.
    public func stop() async {
        for client in clients.withLock({ Array($0.values) }) { await client.close() }
        await host.stop()
        try? FileManager.default.removeItem(atPath: folder)
    }
}
