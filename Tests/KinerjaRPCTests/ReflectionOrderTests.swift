import KinerjaProto
import Testing
@testable import KinerjaRPC

/// docs/PROTOCOL.md, section 7: the order of `ListServices`.
@Suite("ListServices order")
struct ReflectionOrderTests {
    static func service(_ name: String, methods: [String]) -> ServiceDescriptor {
        ServiceDescriptor(name: name, methods: methods.map {
            MethodDescriptor(service: name, method: $0, kind: .unary, requestType: "r", responseType: "r")
        })
    }

    @Test("services are listed by full name in byte order, each once; methods in their declaration order")
    func order() async throws {
        let provider = ReflectionProvider(services: [
            Self.service("kinerja.b.v1.ZService", methods: ["Zeta", "Alpha", "Mid"]),
            Self.service("kinerja.b.v1.aService", methods: ["One"]),
            Self.service("kinerja.a.v1.Service", methods: ["Old"]),
            Self.service("kinerja.B.v1.Service", methods: ["X"]),
            Self.service("kinerja.a.v1.Service", methods: ["New", "Also"]),
        ])
        let context = ServerContext(method: RPC.ReflectionService.Method.listServices, requestID: "t")
        let listing = try await provider.listServices(RPC.ListServicesRequest(), context: context)
        #expect(listing.services.map(\.name) == [
            "kinerja.B.v1.Service", "kinerja.a.v1.Service", "kinerja.b.v1.ZService", "kinerja.b.v1.aService",
        ])
        #expect(listing.services.map { $0.methods.map(\.name) } == [["X"], ["New", "Also"], ["Zeta", "Alpha", "Mid"], ["One"]])
    }

    @Test("a live server lists its services in byte order of their names, with each service's methods in declaration order")
    func live() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let listing = try await RPC.ReflectionService.Client(transport: client).listServices(RPC.ListServicesRequest())
        #expect(listing.services.map(\.name) == ["kinerja.rpc.v1.HealthService", "kinerja.rpc.v1.ReflectionService", TestService.name])
        let expected = [RPC.HealthService.descriptor, RPC.ReflectionService.descriptor, fixture.service.serviceDescriptor]
        #expect(listing.services.map { $0.methods.map(\.name) } == expected.map { $0.methods.map(\.method) })
        await client.close()
        await fixture.server.shutdown()
    }
}
