import KinerjaProto
import KinerjaRPC
import KinerjaTLS

/// A real server on a free loopback port with mutual TLS, and clients for it.
struct RPCFixture {
    let server: RPCServer
    let port: Int
    let service: TestService

    static func start(limits: RPCLimits = RPCLimits(), interceptors: [any ServerInterceptor] = [],
                      port: Int = 0, service: TestService = TestService()) async throws -> RPCFixture {
        let server = RPCServer(
            configuration: .init(port: port, tls: try RPCTestPKI.context(service: "planning"), limits: limits,
                                 interceptors: interceptors),
            services: [service])
        let port = try await server.start()
        return RPCFixture(server: server, port: port, service: service)
    }

    func client(_ name: String = "hr-portal", _ adjust: (inout ClientConfiguration) -> Void = { _ in }) throws -> RPCClient {
        var configuration = ClientConfiguration(
            host: "127.0.0.1", port: port,
            serverIdentity: try PeerIdentity(kind: .service, name: "planning"),
            tls: try RPCTestPKI.context(client: name))
        adjust(&configuration)
        return RPCClient(configuration: configuration)
    }
}

typealias Message = RPC.MetadataEntry
