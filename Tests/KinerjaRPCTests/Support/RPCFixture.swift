import KinerjaProto
import KinerjaRPC
import KinerjaTLS

/// A real server on a free loopback port with mutual TLS, and clients for it.
struct RPCFixture {
    let server: RPCServer
    let port: Int
    let service: TestService

    /// `streamForm` also hosts ``StreamFormTestService``: the same handlers behind the stream form.
    static func start(limits: RPCLimits = RPCLimits(), interceptors: [any ServerInterceptor] = [],
                      port: Int = 0, service: TestService = TestService(), streamForm: Bool = false,
                      onConnectionClosed: (@Sendable (ConnectionClosed) -> Void)? = nil,
                      admission: CallAdmission? = nil) async throws -> RPCFixture {
        let server = RPCServer(
            configuration: .init(port: port, tls: try RPCTestPKI.context(service: "planning"), limits: limits,
                                 interceptors: interceptors, onConnectionClosed: onConnectionClosed, admission: admission),
            services: streamForm ? [service, StreamFormTestService(base: service)] : [service])
        let port = try await server.start()
        return RPCFixture(server: server, port: port, service: service)
    }

    /// A server on a port outside the kernel's ephemeral range (32768–60999), so that a test which
    /// restarts a server on the same port cannot lose it to another test's outgoing connection.
    static func startOnFixedPort(limits: RPCLimits = RPCLimits()) async throws -> RPCFixture {
        var lastError: (any Error)?
        for _ in 0..<20 {
            do { return try await start(limits: limits, port: Int.random(in: 20_000..<30_000)) } catch { lastError = error }
        }
        throw lastError ?? RPCTestError("no free port")
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
