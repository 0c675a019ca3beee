// The "ours" benchmark peer's service: raw-bytes echo and stream over KinerjaRPC, the same
// workload as the grpc-swift-2 peer's `kinerja.bench.v1.Echo` (no protobuf: only the transport).
import BenchSupport
import KinerjaProto
import KinerjaRPC

public enum BenchEcho {
    public static let unary = MethodDescriptor(service: "kinerja.bench.v1.Echo", method: "Unary", kind: .unary,
                                               requestType: "bytes", responseType: "bytes", idempotent: true)
    public static let stream = MethodDescriptor(service: "kinerja.bench.v1.Echo", method: "Stream", kind: .serverStreaming,
                                                requestType: "bytes", responseType: "bytes", idempotent: true)
}

/// The server side: echo the request; stream messages of the requested size until cancelled.
public struct BenchEchoService: RegistrableService {
    public init() {}

    public var serviceDescriptor: ServiceDescriptor {
        ServiceDescriptor(name: "kinerja.bench.v1.Echo", methods: [BenchEcho.unary, BenchEcho.stream])
    }

    public var serverMethods: [ServerMethod] {
        [
            // Unary: the RPC runtime's fast path, as a generated unary method gets it.
            ServerMethod(BenchEcho.unary, unary: { request, _ in request }),
            ServerMethod(BenchEcho.stream) { requests, responses, _ in
                var size = 0
                for try await request in requests { size = StreamRequest.decode(request) ?? 0 }
                let message = [UInt8](repeating: 0x6B, count: size)
                while !Task.isCancelled { try await responses.write(message) }
            },
        ]
    }
}
