import KinerjaProto
import Testing
@testable import KinerjaRPC

/// The fast path's single request and single response as plain values: frames in, outcome out.
@Suite("Unary request and response values")
struct UnaryExchangeTests {
    static let method = MethodDescriptor(service: "kinerja.test.v1.TestService", method: "Echo", kind: .unary,
                                         requestType: "bytes", responseType: "bytes")

    static func countError(_ got: String) -> Result<[UInt8], RPCError> {
        .failure(RPCError(.invalidArgument, "/kinerja.test.v1.TestService/Echo expects one request message, got \(got)"))
    }

    @Test("PROTOCOL.md 2.2: a unary request is one MESSAGE with END_STREAM; it is taken once")
    func oneMessage() {
        var request = UnaryRequest(method: Self.method)
        let early = request.take()
        let complete = request.receive([1, 2], end: true)
        let taken = request.take()
        let again = request.take()
        let endAfterwards = request.endOfRequests()
        #expect(early == nil && complete)
        #expect(taken == .success([1, 2]))
        #expect(again == nil && !endAfterwards)
    }

    @Test("a message without END_STREAM waits for the end of the request stream")
    func endFrame() {
        var request = UnaryRequest(method: Self.method)
        let complete = request.receive([7], end: false)
        let early = request.take()
        let ended = request.endOfRequests()
        let taken = request.take()
        #expect(!complete && early == nil && ended)
        #expect(taken == .success([7]))
    }

    @Test("zero request messages are INVALID_ARGUMENT, as are several (decided at the second message)")
    func wrongCount() {
        var none = UnaryRequest(method: Self.method)
        let noneEnded = none.endOfRequests()
        let noneTaken = none.take()
        #expect(noneEnded && noneTaken == Self.countError("none"))
        var more = UnaryRequest(method: Self.method)
        let first = more.receive([1], end: false)
        let second = more.receive([2], end: false)
        let moreTaken = more.take()
        let third = more.receive([3], end: true)
        #expect(!first && second && !third)
        #expect(moreTaken == Self.countError("more"))
    }

    @Test("a response is known at STATUS OK; an error status, no message or a second message decide the outcome instead")
    func response() {
        var ok = UnaryResponse()
        let okReceived = ok.receive([9])
        let okEarly = ok.take()
        let okEnded = ok.end(nil)
        let okOutcome = ok.take()
        #expect(!okReceived && okEarly == nil && okEnded)
        guard case .response([9]) = okOutcome else { Issue.record("no response: \(String(describing: okOutcome))"); return }

        var failed = UnaryResponse()
        let failedEnded = failed.end(AttemptFailure(error: RPCError(.notFound, "tidak ada"), notStarted: false))
        let failedOutcome = failed.take()
        #expect(failedEnded)
        guard case .failed(let failure) = failedOutcome else { Issue.record("not failed"); return }
        #expect(failure.error.code == .notFound)

        var empty = UnaryResponse()
        _ = empty.end(nil)
        guard case .noResponse = empty.take() else { Issue.record("an empty OK passed"); return }

        var twice = UnaryResponse()
        let first = twice.receive([1])
        let second = twice.receive([2])
        let ended = twice.end(nil)
        let twiceOutcome = twice.take()
        #expect(!first && second && !ended)
        guard case .tooMany = twiceOutcome else { Issue.record("a second response passed"); return }
    }
}
