import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

/// An authentication interceptor on the server and a token-adding one on the client.
@Suite("Interceptors")
struct InterceptorTests {
    struct RequireToken: ServerInterceptor {
        func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
            guard context.metadata.first(Metadata.WellKnownKey.authorization) == "Bearer sah" else {
                throw RPCError(.unauthenticated, "a valid bearer token is required")
            }
            var context = context
            context.principal = "198703122010011004"
            try await next(context)
        }
    }

    final class AddToken: ClientInterceptor {
        let finished = Mutex<[String]>([])
        func prepare(_ method: MethodDescriptor, options: inout CallOptions) async throws {
            options.metadata[Metadata.WellKnownKey.authorization] = "Bearer sah"
        }
        func finished(_ method: MethodDescriptor, options: CallOptions, error: (any Error)?, duration: Duration) {
            finished.withLock { $0.append("\(method.method): \(error.map { "\($0)" } ?? "OK")") }
        }
    }

    @Test("a server interceptor refuses a call without a token with UNAUTHENTICATED, and the handler never runs")
    func refused() async throws {
        let fixture = try await RPCFixture.start(interceptors: [RequireToken()])
        let client = try fixture.client()
        do {
            let _: Message = try await client.unary(TestService.sleep, Message(value: "1"), options: .defaults)
            Issue.record("the call went through without a token")
        } catch let error as RPCError {
            #expect(error.code == .unauthenticated)
        }
        #expect(fixture.service.probe.started.load(ordering: .relaxed) == 0)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a client interceptor adds the token and sees every call finish")
    func accepted() async throws {
        let fixture = try await RPCFixture.start(interceptors: [RequireToken()])
        let interceptor = AddToken()
        let client = try fixture.client { $0.interceptors = [interceptor] }
        let echo: Message = try await client.unary(TestService.echo, Message(value: "ok"), options: .defaults)
        #expect(echo.value == "ok")
        #expect(interceptor.finished.withLock { $0 } == ["Echo: OK"])
        await client.close()
        await fixture.server.shutdown()
    }
}
