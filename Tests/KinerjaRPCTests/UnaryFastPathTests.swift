import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

/// The route a unary call takes: the server's fast path or the stream form of the same handler,
/// and the client's fast path (`RPCClient.unary`) or its response stream (`RPCClient.call`).
struct UnaryRoute: Sendable, CustomTestStringConvertible {
    enum Side: Sendable { case fast, stream }
    let server: Side
    let client: Side

    static let all = [Side.fast, .stream].flatMap { server in [Side.fast, .stream].map { UnaryRoute(server: server, client: $0) } }

    var testDescription: String { "server \(server), client \(client)" }

    /// The method as this route's server hosts it.
    func method(_ method: MethodDescriptor) -> MethodDescriptor {
        server == .fast ? method : StreamFormTestService.twin(method)
    }

    func call(_ client: RPCClient, _ method: MethodDescriptor, _ request: Message,
              options: CallOptions = .defaults) async throws -> Message {
        let bytes = try request.serializedBytes()
        let response: [UInt8]
        switch self.client {
        case .fast:
            response = try await client.unary(self.method(method), request: bytes, options: options)
        case .stream:
            response = try await client.call(self.method(method), options: options, request: bytes) { responses in
                var messages: [[UInt8]] = []
                for try await message in responses { messages.append(message) }
                guard messages.count == 1 else { throw RPCTestError("\(messages.count) responses to a unary call") }
                return messages[0]
            }
        }
        return try Message(serializedBytes: response)
    }
}

@Suite("The unary fast path, against the stream path")
struct UnaryFastPathTests {
    @Test("the handler gets the request, the verified peer and the request id sent as metadata, and its response comes back",
          arguments: UnaryRoute.all)
    func metadata(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let client = try fixture.client()
        var options = CallOptions.defaults
        options.metadata[Metadata.WellKnownKey.requestID] = "req-17"
        let answer = try await route.call(client, TestService.whoAmI, Message(), options: options)
        #expect(answer.key == "spiffe://kinerja.kupangkota.go.id/client/hr-portal")
        #expect(answer.value == "req-17")
        let echoed = try await route.call(client, TestService.echo, Message(key: "k", value: String(repeating: "v", count: 10_000)))
        #expect(echoed.value.count == 10_000)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a deadline that passes while the handler runs ends the call DEADLINE_EXCEEDED and cancels the handler",
          arguments: UnaryRoute.all)
    func deadlineMidHandler(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let client = try fixture.client()
        let probe = fixture.service.probe
        do {
            _ = try await route.call(client, TestService.sleep, Message(value: "10000"), options: CallOptions(timeout: .milliseconds(300)))
            Issue.record("the call outlived its deadline")
        } catch let error as RPCError {
            #expect(error.code == .deadlineExceeded)
        }
        #expect(probe.started.load(ordering: .relaxed) == 1)
        for _ in 0..<200 where probe.cancelled.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(probe.cancelled.load(ordering: .relaxed) == 1)
        #expect(probe.completed.load(ordering: .relaxed) == 0)
        // The connection serves on.
        #expect(try await route.call(client, TestService.echo, Message(value: "after")).value == "after")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("cancelling the calling task ends the call CANCELLED on the client and cancels the handler on the server",
          arguments: UnaryRoute.all)
    func clientCancels(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let client = try fixture.client()
        let probe = fixture.service.probe
        let task = Task { try await route.call(client, TestService.sleep, Message(value: "10000")) }
        for _ in 0..<400 where probe.started.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        do {
            _ = try await task.value
            Issue.record("the cancelled call succeeded")
        } catch let error as RPCError {
            #expect(error.code == .cancelled)
        }
        for _ in 0..<200 where probe.cancelled.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(probe.cancelled.load(ordering: .relaxed) == 1)
        #expect(try await route.call(client, TestService.echo, Message(value: "after")).value == "after")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("an RPCError with details thrown by the handler reaches the client with its code, message and details",
          arguments: UnaryRoute.all)
    func errorWithDetails(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let client = try fixture.client()
        do {
            _ = try await route.call(client, TestService.fail, Message(key: "details", value: "NIP tidak valid"))
            Issue.record("the failing handler's call succeeded")
        } catch let error as RPCError {
            #expect(error.code == .invalidArgument)
            #expect(error.message == "NIP tidak valid")
            let violation = RPC.StatusDetail(detail: .badRequest(RPC.BadRequest(fieldViolations: [
                Common.FieldViolation(field: "nip", description: "must be 18 digits", reason: "NIP_FORMAT")])))
            #expect(error.details == [violation])
        }
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("unary calls open when the server drains complete, and the connection then closes",
          arguments: UnaryRoute.all)
    func drainWithOpenCalls(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let client = try fixture.client { $0.retry.maxAttempts = 1 }
        let probe = fixture.service.probe
        let calls = Task {
            try await withThrowingTaskGroup(of: String.self) { group in
                for i in 0..<8 {
                    group.addTask { try await route.call(client, TestService.sleep, Message(key: "\(i)", value: "400")).key }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        for _ in 0..<400 where probe.started.load(ordering: .relaxed) < 8 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(probe.started.load(ordering: .relaxed) == 8)
        await fixture.server.shutdown()
        let answered = try await calls.value
        #expect(Set(answered) == Set((0..<8).map(String.init)))
        #expect(probe.completed.load(ordering: .relaxed) == 8)
        await #expect(throws: RPCError.self) { _ = try await route.call(client, TestService.echo, Message()) }
        await client.close()
    }
}

/// The fast path's rules seen frame by frame, on a connection that speaks frames by hand.
@Suite("The unary fast path, frame by frame")
struct UnaryFastPathFrameTests {
    static let forms = [UnaryRoute(server: .fast, client: .fast), UnaryRoute(server: .stream, client: .fast)]

    static func header(_ method: MethodDescriptor, timeoutMs: UInt64 = 0) -> RPC.CallHeader {
        RPC.CallHeader(method: method.path, timeoutMs: timeoutMs)
    }

    @Test("a unary call must send exactly one request message: none, or a second one, is INVALID_ARGUMENT; one ended by an END_STREAM frame is served",
          arguments: forms)
    func requestCount(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let connection = try await RawConnection.open(port: fixture.port)
        let echo = route.method(TestService.echo)
        let request = try Message(value: "x").serializedBytes()
        // None: HEADERS with END_STREAM.
        try await connection.send(.headers, flags: .endStream, callID: 1, message: Self.header(echo))
        let none = try await connection.nextStatus()
        #expect(none.callID == 1 && none.status.code == UInt32(RPCError.Code.invalidArgument.rawValue))
        #expect(none.status.message.hasSuffix("expects one request message, got none"))
        // More: two messages.
        try await connection.send(.headers, callID: 3, message: Self.header(echo))
        try await connection.send(.message, callID: 3, bytes: request)
        try await connection.send(.message, flags: .endStream, callID: 3, bytes: request)
        let more = try await connection.nextStatus()
        #expect(more.callID == 3 && more.status.code == UInt32(RPCError.Code.invalidArgument.rawValue))
        #expect(more.status.message.hasSuffix("expects one request message, got more"))
        // One, then an END_STREAM frame.
        try await connection.send(.headers, callID: 5, message: Self.header(echo))
        try await connection.send(.message, callID: 5, bytes: request)
        try await connection.send(.endStream, callID: 5)
        let response = try #require(await connection.next(.message))
        #expect(response.callID == 5)
        #expect(try response.payload.withUnsafeReadableBytes { try Message(serializedBytes: $0) }.value == "x")
        let ok = try await connection.nextStatus()
        #expect(ok.callID == 5 && ok.status.code == 0)
        await connection.close()
        await fixture.server.shutdown()
    }

    @Test("a request larger than the maximum frame size is refused with GOAWAY FRAME_TOO_LARGE before the handler runs; the server goes on",
          arguments: forms)
    func oversizedRequest(route: UnaryRoute) async throws {
        var limits = RPCLimits()
        limits.maxFrameSize = 1024
        let fixture = try await RPCFixture.start(limits: limits, streamForm: true)
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(.headers, callID: 1, message: Self.header(route.method(TestService.sleep)))
        try await connection.send(.message, flags: .endStream, callID: 1,
                                  message: Message(key: String(repeating: "k", count: 2000), value: "1"))
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.frameTooLarge.rawValue)
        #expect(fixture.service.probe.started.load(ordering: .relaxed) == 0)
        // Through the client: the connection is closed under the call, which fails UNAVAILABLE.
        let client = try fixture.client { $0.retry.maxAttempts = 1 }
        do {
            _ = try await route.call(client, TestService.sleep, Message(key: String(repeating: "k", count: 2000), value: "1"))
            Issue.record("an oversized request was served")
        } catch let error as RPCError {
            #expect(error.code == .unavailable)
        }
        #expect(fixture.service.probe.started.load(ordering: .relaxed) == 0)
        #expect(try await route.call(client, TestService.echo, Message(value: "small")).value == "small")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a garbage frame while a unary handler runs closes the connection with GOAWAY PROTOCOL_ERROR and cancels the handler",
          arguments: forms)
    func garbageFrame(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let probe = fixture.service.probe
        let connection = try await RawConnection.open(port: fixture.port)
        try await connection.send(.headers, callID: 1, message: Self.header(route.method(TestService.sleep)))
        try await connection.send(.message, flags: .endStream, callID: 1, message: Message(value: "10000"))
        for _ in 0..<400 where probe.started.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        #expect(probe.started.load(ordering: .relaxed) == 1)
        // A MESSAGE frame on call id 0: a frame no call may have.
        try await connection.send(.message, callID: 0, bytes: [0xde, 0xad, 0xbe, 0xef])
        let goAway = await connection.closedByServer()
        #expect(goAway?.code == GoAwayCode.protocolError.rawValue)
        #expect(goAway?.lastCallID == 1)
        for _ in 0..<200 where probe.cancelled.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(probe.cancelled.load(ordering: .relaxed) == 1)
        let client = try fixture.client()
        #expect(try await route.call(client, TestService.echo, Message(value: "on")).value == "on")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a drain answers the open unary call, refuses a later HEADERS with UNAVAILABLE, then closes", arguments: forms)
    func drain(route: UnaryRoute) async throws {
        let fixture = try await RPCFixture.start(streamForm: true)
        let probe = fixture.service.probe
        let connection = try await RawConnection.open(port: fixture.port)
        let sleep = route.method(TestService.sleep)
        try await connection.send(.headers, callID: 1, message: Self.header(sleep))
        try await connection.send(.message, flags: .endStream, callID: 1, message: Message(value: "300"))
        for _ in 0..<400 where probe.started.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        let shutdown = Task { await fixture.server.shutdown() }
        let goAway = try #require(await connection.next(.goAway))
        let payload = try goAway.payload.withUnsafeReadableBytes { try RPC.GoAway(serializedBytes: $0) }
        #expect(payload.code == GoAwayCode.noError.rawValue && payload.lastCallID == 1)
        try await connection.send(.headers, callID: 3, message: Self.header(sleep))
        try await connection.send(.message, flags: .endStream, callID: 3, message: Message(value: "1"))
        var statuses: [UInt32: UInt32] = [:]
        var responses: [UInt32] = []
        for await frame in connection.frames {
            switch frame.type {
            case .status:
                statuses[frame.callID] = try frame.payload.withUnsafeReadableBytes { try RPC.Status(serializedBytes: $0) }.code
            case .message:
                responses.append(frame.callID)
            default:
                break
            }
        }
        #expect(statuses == [1: 0, 3: UInt32(RPCError.Code.unavailable.rawValue)])
        #expect(responses == [1])
        #expect(probe.started.load(ordering: .relaxed) == 1 && probe.completed.load(ordering: .relaxed) == 1)
        await shutdown.value
    }
}
