import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

/// Calls over real loopback sockets with mutual TLS.
@Suite("Calls over mutual TLS")
struct CallTests {
    @Test("a unary call returns the handler's response")
    func unary() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let response: Message = try await client.unary(TestService.echo, Message(key: "nip", value: "198703122010011004"), options: .defaults)
        #expect(response == Message(key: "nip", value: "198703122010011004"))
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("the handler sees the client's verified identity from mutual TLS and the request id it sent")
    func peerIdentity() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client("hr-portal")
        var options = CallOptions()
        options.metadata[Metadata.WellKnownKey.requestID] = "req-42"
        let response: Message = try await client.unary(TestService.whoAmI, Message(), options: options)
        #expect(response.key == "spiffe://kinerja.kupangkota.go.id/client/hr-portal")
        #expect(response.value == "req-42")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("1 000 concurrent unary calls multiplex over one connection")
    func concurrentCalls() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let ok = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<1000 {
                group.addTask {
                    let response: Message = try await client.unary(TestService.echo, Message(key: "i", value: String(i)), options: .defaults)
                    return response.value == String(i)
                }
            }
            var ok = 0
            for try await success in group where success { ok += 1 }
            return ok
        }
        #expect(ok == 1000)
        #expect(fixture.server.connectionCount == 1)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("an unknown method is answered UNIMPLEMENTED")
    func unknownMethod() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let missing = MethodDescriptor(service: "kinerja.test.v1.TestService", method: "Missing", kind: .unary,
                                       requestType: Message.protoName, responseType: Message.protoName)
        await #expect(throws: RPCError.self) {
            let _: Message = try await client.unary(missing, Message(), options: .defaults)
        }
        do {
            let _: Message = try await client.unary(missing, Message(), options: .defaults)
        } catch let error as RPCError {
            #expect(error.code == .unimplemented)
            #expect(error.message.contains("Missing"))
        }
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a request that does not decode is answered INVALID_ARGUMENT with the reason")
    func undecodableRequest() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        do {
            _ = try await client.call(TestService.echo, options: .defaults, request: [0x0a, 0x7f, 0x01]) { responses in
                for try await _ in responses {}
            }
            Issue.record("the call succeeded")
        } catch let error as RPCError {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains("kinerja.rpc.v1.MetadataEntry"))
        }
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("an RPCError thrown by a handler reaches the client; any other error becomes INTERNAL without its text")
    func errorMapping() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        do {
            let _: Message = try await client.unary(TestService.fail, Message(key: "rpc", value: "SKP sudah disetujui"), options: .defaults)
        } catch let error as RPCError {
            #expect(error.code == .failedPrecondition)
            #expect(error.message == "SKP sudah disetujui")
        }
        do {
            let _: Message = try await client.unary(TestService.fail, Message(key: "other"), options: .defaults)
        } catch let error as RPCError {
            #expect(error.code == .internal)
            #expect(!error.message.contains("Secret"))
        }
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("every server answers health checks and lists its services and methods")
    func standardServices() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let health = RPC.HealthService.Client(transport: client)
        #expect(try await health.check(RPC.CheckRequest(service: TestService.name)).status == .serving)
        #expect(try await health.check(RPC.CheckRequest(service: "")).status == .serving)
        await #expect(throws: RPCError.self) { try await health.check(RPC.CheckRequest(service: "kinerja.nope.v1.Nope")) }
        let reflection = RPC.ReflectionService.Client(transport: client)
        let listing = try await reflection.listServices(RPC.ListServicesRequest())
        let names = listing.services.map(\.name)
        #expect(names.contains(TestService.name))
        #expect(names.contains("kinerja.rpc.v1.HealthService"))
        #expect(names.contains("kinerja.rpc.v1.ReflectionService"))
        let count = listing.services.first { $0.name == TestService.name }?.methods.first { $0.name == "Count" }
        #expect(count?.streaming == .serverStreaming)
        let descriptors = try await reflection.getFileDescriptorSet(RPC.GetFileDescriptorSetRequest())
        #expect(descriptors.fileDescriptorSet.count > 10_000)
        await client.close()
        await fixture.server.shutdown()
    }
}
