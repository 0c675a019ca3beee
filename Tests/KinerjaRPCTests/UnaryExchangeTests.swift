import KinerjaProto
import Testing
@testable import KinerjaRPC

/// The fast path's single request and single response as plain values: frames in, outcome out.
@Suite("Unary request and response values")
struct UnaryExchangeTests {
    static let method = MethodDescriptor(service: "kinerja.test.v1.TestService", method: "Echo", kind: .unary,
                                         requestType: "bytes", responseType: "bytes")

    @Test("PROTOCOL.md 2.2: a unary request is one MESSAGE with END_STREAM; it is taken once")
    func oneMessage() throws {
        var request = UnaryRequest(method: Self.method)
        #expect(request.take() == nil)
        #expect(request.receive([1, 2], end: true))
        #expect(try request.take()?.get() == [1, 2])
        #expect(request.take() == nil)
        #expect(!request.endOfRequests())
    }

    @Test("a message without END_STREAM waits for the end of the request stream")
    func endFrame() throws {
        var request = UnaryRequest(method: Self.method)
        #expect(!request.receive([7], end: false))
        #expect(request.take() == nil)
        #expect(request.endOfRequests())
        #expect(try request.take()?.get() == [7])
    }

    @Test("zero request messages are INVALID_ARGUMENT, as are several (decided at the second message)")
    func wrongCount() {
        var none = UnaryRequest(method: Self.method)
        #expect(none.endOfRequests())
        #expect(none.take() == .failure(RPCError(.invalidArgument, "/kinerja.test.v1.TestService/Echo expects one request message, got none")))
        var more = UnaryRequest(method: Self.method)
        #expect(!more.receive([1], end: false))
        #expect(more.receive([2], end: false))
        #expect(more.take() == .failure(RPCError(.invalidArgument, "/kinerja.test.v1.TestService/Echo expects one request message, got more")))
        #expect(!more.receive([3], end: true))
    }

    @Test("a response is known at STATUS OK; an error status, no message or a second message decide the outcome instead")
    func response() {
        var ok = UnaryResponse()
        #expect(!ok.receive([9]))
        #expect(ok.take() == nil)
        #expect(ok.end(nil))
        guard case .response([9]) = ok.take() else { Issue.record("no response"); return }
        #expect(ok.take() == nil)

        var failed = UnaryResponse()
        #expect(failed.end(AttemptFailure(error: RPCError(.notFound, "tidak ada"), notStarted: false)))
        guard case .failed(let failure) = failed.take() else { Issue.record("not failed"); return }
        #expect(failure.error.code == .notFound)

        var empty = UnaryResponse()
        #expect(empty.end(nil))
        guard case .noResponse = empty.take() else { Issue.record("an empty OK passed"); return }

        var twice = UnaryResponse()
        #expect(!twice.receive([1]))
        #expect(twice.receive([2]))
        #expect(!twice.end(nil))
        guard case .tooMany = twice.take() else { Issue.record("a second response passed"); return }
    }
}
