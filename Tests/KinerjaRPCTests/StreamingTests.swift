import KinerjaProto
import KinerjaRPC
import Synchronization
import Testing

@Suite("Streams, deadlines and cancellation")
struct StreamingTests {
    @Test("a server stream of 100 000 messages arrives complete and in order")
    func serverStream() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let received = try await client.serverStreaming(TestService.count, Message(key: "n", value: "100000"), options: .defaults) {
            (responses: RPCAsyncSequence<Message>) in
            var next = 0
            for try await message in responses {
                guard message.value == String(next) else { return -1 }
                next += 1
            }
            return next
        }
        #expect(received == 100_000)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a slow consumer stops the producer at the flow-control window instead of making the server buffer")
    func backpressure() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let probe = fixture.service.probe
        let sentWhileStalled = try await client.serverStreaming(TestService.count, Message(key: "n", value: "1000"), options: .defaults) {
            (responses: RPCAsyncSequence<Message>) -> Int in
            var iterator = responses.makeAsyncIterator()
            _ = try await iterator.next()
            try await Task.sleep(for: .milliseconds(300))  // the consumer stalls
            let sent = probe.sent.load(ordering: .relaxed)
            while try await iterator.next() != nil {}
            return sent
        }
        // The window is 32 messages; one more may be in the writer's hand.
        #expect(sentWhileStalled <= RPCLimits.initialWindow + 1, "the server sent \(sentWhileStalled) messages to a stalled consumer")
        #expect(probe.sent.load(ordering: .relaxed) == 1000)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a client stream uploads 100 000 messages")
    func clientStream() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let response: Message = try await client.clientStreaming(TestService.upload, options: .defaults) { writer in
            for i in 0..<100_000 { try await writer.write(Message(key: "row", value: String(i))) }
        }
        #expect(response.value == "100000")
        let empty: Message = try await client.clientStreaming(TestService.upload, options: .defaults) { (_: RPCWriter<Message>) in }
        #expect(empty.value == "0")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a server that answers before the client stream ends: the call succeeds with that answer")
    func earlyAnswer() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let response: Message = try await client.clientStreaming(TestService.first, options: .defaults) { writer in
            for i in 0..<10_000 { try await writer.write(Message(key: "row", value: String(i))) }
        }
        #expect(response.value == "0")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a request stream that fails ends the call with that error instead of waiting for the server")
    func failingProducer() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        struct Broken: Error {}
        await #expect(throws: (any Error).self) {
            let _: Message = try await client.clientStreaming(TestService.upload, options: .defaults) { writer in
                try await writer.write(Message(key: "row", value: "1"))
                throw Broken()
            }
        }
        // The connection is still good for the next call.
        let echoed: Message = try await client.unary(TestService.echo, Message(key: "k", value: "v"), options: .defaults)
        #expect(echoed.value == "v")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a call past its deadline fails with DEADLINE_EXCEEDED and its server handler is cancelled")
    func deadline() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let probe = fixture.service.probe
        do {
            let _: Message = try await client.unary(TestService.sleep, Message(value: "10000"),
                                                    options: CallOptions(timeout: .milliseconds(200)))
            Issue.record("the call outlived its deadline")
        } catch let error as RPCError {
            #expect(error.code == .deadlineExceeded)
        }
        for _ in 0..<100 where probe.cancelled.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(probe.cancelled.load(ordering: .relaxed) == 1)
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("a handler's downstream calls inherit what remains of its deadline")
    func deadlinePropagation() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let response: Message = try await client.unary(TestService.deadline, Message(), options: CallOptions(timeout: .seconds(30)))
        let remaining = try #require(Int(response.value))
        #expect(remaining > 0 && remaining <= 30_000)
        let none: Message = try await client.unary(TestService.deadline, Message(), options: .defaults)
        #expect(none.value == "-1")
        await client.close()
        await fixture.server.shutdown()
    }

    @Test("cancelling the calling task cancels the call on the server")
    func cancellation() async throws {
        let fixture = try await RPCFixture.start()
        let client = try fixture.client()
        let probe = fixture.service.probe
        let task = Task {
            let _: Message = try await client.unary(TestService.sleep, Message(value: "10000"), options: .defaults)
        }
        for _ in 0..<200 where probe.started.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(5)) }
        task.cancel()
        do {
            try await task.value
            Issue.record("the cancelled call succeeded")
        } catch let error as RPCError {
            #expect(error.code == .cancelled)
        }
        for _ in 0..<100 where probe.cancelled.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(probe.cancelled.load(ordering: .relaxed) == 1)
        await client.close()
        await fixture.server.shutdown()
    }
}
