public import GRPCCore
import BenchSupport

/// The benchmark service `kinerja.bench.v1.Echo`: `Unary` echoes its request, `Stream` answers a
/// ``StreamRequest`` with messages of the requested size until the client cancels.
public struct EchoService: RegistrableRPCService {
    public static let unary = MethodDescriptor(fullyQualifiedService: "kinerja.bench.v1.Echo", method: "Unary")
    public static let stream = MethodDescriptor(fullyQualifiedService: "kinerja.bench.v1.Echo", method: "Stream")

    public init() {}

    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(
            forMethod: Self.unary,
            deserializer: RawBytesDeserializer(),
            serializer: RawBytesSerializer()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            return StreamingServerResponse(single: ServerResponse(message: single.message))
        }
        router.registerHandler(
            forMethod: Self.stream,
            deserializer: RawBytesDeserializer(),
            serializer: RawBytesSerializer()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            guard let size = StreamRequest.decode(single.message), size <= 4 << 20 else {
                throw RPCError(code: .invalidArgument, message: "the stream request is a 4-byte size")
            }
            let message = [UInt8](repeating: 0x6B, count: size)
            return StreamingServerResponse { writer in
                while !Task.isCancelled {
                    try await writer.write(message)
                }
                return [:]
            }
        }
    }
}
