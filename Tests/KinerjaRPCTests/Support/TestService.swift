import KinerjaProto
import KinerjaRPC
import Synchronization

/// A service for protocol tests, built from raw method descriptors over contract messages:
/// `MetadataEntry` carries text both ways.
struct TestService: RegistrableService {
    static let name = "kinerja.test.v1.TestService"
    typealias Message = RPC.MetadataEntry

    static func method(_ name: String, _ kind: StreamingKind) -> MethodDescriptor {
        MethodDescriptor(service: Self.name, method: name, kind: kind, requestType: Message.protoName,
                         responseType: Message.protoName)
    }

    static let echo = method("Echo", .unary)
    static let sleep = method("Sleep", .unary)
    static let whoAmI = method("WhoAmI", .unary)
    static let fail = method("Fail", .unary)
    static let count = method("Count", .serverStreaming)
    static let upload = method("Upload", .clientStreaming)
    static let first = method("First", .clientStreaming)
    static let deadline = method("Deadline", .unary)

    /// Observations the tests make about handlers.
    final class Probe: Sendable {
        let sent = Atomic<Int>(0)
        let cancelled = Atomic<Int>(0)
        let started = Atomic<Int>(0)
        let completed = Atomic<Int>(0)
    }

    let probe = Probe()

    var serviceDescriptor: ServiceDescriptor {
        ServiceDescriptor(name: Self.name, methods: [Self.echo, Self.sleep, Self.whoAmI, Self.fail, Self.count, Self.upload, Self.first, Self.deadline])
    }

    var serverMethods: [ServerMethod] {
        let probe = self.probe
        return [
            .unary(Self.echo) { (request: Message, _) in request },
            .unary(Self.sleep) { (request: Message, _) in
                probe.started.add(1, ordering: .relaxed)
                do {
                    try await Task.sleep(for: .milliseconds(Int(request.value) ?? 100))
                } catch {
                    probe.cancelled.add(1, ordering: .relaxed)
                    throw error
                }
                probe.completed.add(1, ordering: .relaxed)
                return request
            },
            .unary(Self.whoAmI) { (_: Message, context) in
                Message(key: context.peer ?? "", value: context.requestID)
            },
            .unary(Self.fail) { (request: Message, _) -> Message in
                if request.key == "rpc" { throw RPCError(.failedPrecondition, request.value) }
                if request.key == "details" {
                    throw RPCError(.invalidArgument, request.value, details: [RPC.StatusDetail(detail: .badRequest(RPC.BadRequest(
                        fieldViolations: [Common.FieldViolation(field: "nip", description: "must be 18 digits", reason: "NIP_FORMAT")])))])
                }
                struct Secret: Error {}
                throw Secret()
            },
            .serverStreaming(Self.count) { (request: Message, responses: RPCWriter<Message>, _) in
                let n = Int(request.value) ?? 0
                for i in 0..<n {
                    try await responses.write(Message(key: "n", value: String(i)))
                    probe.sent.add(1, ordering: .relaxed)
                }
            },
            .clientStreaming(Self.upload) { (requests: RPCAsyncSequence<Message>, _) in
                var count = 0
                for try await _ in requests { count += 1 }
                return Message(key: "count", value: String(count))
            },
            // Answers after the first message, without reading the rest (an early answer).
            .clientStreaming(Self.first) { (requests: RPCAsyncSequence<Message>, _) in
                var iterator = requests.makeAsyncIterator()
                return try await iterator.next() ?? Message(key: "first", value: "none")
            },
            .unary(Self.deadline) { (_: Message, context) in
                let remaining = CallDeadline.current.map { ($0 - .now).milliseconds } ?? -1
                return Message(key: "remaining-ms", value: String(remaining))
            },
        ]
    }
}

/// The same handlers as ``TestService`` behind the stream form of a method (`ServerMethod.handle`,
/// a request stream and a writer), under another service name: tests run each unary case through
/// the server's fast path and its stream path.
struct StreamFormTestService: RegistrableService {
    static let name = "kinerja.test.v1.StreamFormTestService"
    let base: TestService

    /// The stream-form twin of one of ``TestService``'s methods.
    static func twin(_ method: MethodDescriptor) -> MethodDescriptor {
        MethodDescriptor(service: name, method: method.method, kind: method.kind, requestType: method.requestType,
                         responseType: method.responseType)
    }

    var serviceDescriptor: ServiceDescriptor {
        ServiceDescriptor(name: Self.name, methods: base.serverMethods.map { Self.twin($0.descriptor) })
    }

    var serverMethods: [ServerMethod] {
        base.serverMethods.map { ServerMethod(Self.twin($0.descriptor), handle: $0.handle) }
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
