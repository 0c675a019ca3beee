// grpc-swift-2 benchmark client: drives `kinerja.bench.v1.Echo` and prints one JSON line.
// Usage: GRPCBenchClient --host H --port P --pki DIR --mode unary|stream --connections N
//        --in-flight N --duration S --payload BYTES [--warmup S] [--tuning defaults|best]
import BenchSupport
import GRPCBenchEcho
import GRPCCore
import GRPCNIOTransportHTTP2Posix

#if canImport(Glibc)
import Glibc
#endif

let arguments = BenchArguments.parse()
let tuning = GRPCTuning(arguments)
tuning.installExecutorIfNeeded()
let result = try await drive(arguments, tuning: tuning)
result.emit()
exit(0)  // the connections need no orderly close once the figures are out

func drive(_ arguments: BenchArguments, tuning: GRPCTuning) async throws -> BenchResult {
    let pki = DevPKI(directory: arguments.pki)
    // One GRPCClient per connection: each owns one HTTP/2 connection (pick-first, one address).
    let clients = try (0..<arguments.connections).map { _ in
        GRPCClient(transport: try .http2NIOPosix(
            target: .ipv4(address: arguments.host, port: arguments.port),
            transportSecurity: .devPKI(pki),
            config: tuning.clientConfig
        ))
    }
    return try await withThrowingTaskGroup(of: Void.self) { connections in
        for client in clients {
            connections.addTask { try await client.runConnections() }
        }
        // Connect (and complete the TLS handshake) before the clock starts.
        for client in clients {
            _ = try await unaryCall(client, [UInt8](repeating: 1, count: arguments.payload))
        }
        let result = switch arguments.mode {
        case .unary: try await unary(clients, arguments)
        case .stream: try await stream(clients, arguments)
        }
        for client in clients { client.beginGracefulShutdown() }
        connections.cancelAll()
        return result
    }
}

func unaryCall(_ client: GRPCClient<HTTP2ClientTransport.Posix>, _ payload: [UInt8]) async throws -> [UInt8] {
    try await client.unary(
        request: ClientRequest(message: payload),
        descriptor: EchoService.unary,
        serializer: RawBytesSerializer(),
        deserializer: RawBytesDeserializer(),
        options: .defaults
    ) { response in try response.message }
}

/// `--in-flight` loops, each calling as soon as its previous call returned.
func unary(_ clients: [GRPCClient<HTTP2ClientTransport.Posix>], _ arguments: BenchArguments) async throws -> BenchResult {
    let payload = [UInt8](repeating: 0x6B, count: arguments.payload)
    let window = MeasurementWindow(warmup: arguments.warmup, duration: arguments.duration)
    let samples = try await withThrowingTaskGroup(of: LatencySamples.self) { workers in
        for slot in 0..<arguments.inFlight {
            let client = clients[slot % clients.count]
            workers.addTask {
                var samples = LatencySamples()
                while true {
                    let begin = monotonicNanoseconds()
                    if begin >= window.measureUntil { break }
                    let echoed = try await unaryCall(client, payload)
                    let end = monotonicNanoseconds()
                    precondition(echoed.count == payload.count, "short echo")
                    if window.counts(begin: begin, end: end) { samples.record(end - begin) }
                }
                return samples
            }
        }
        return try await workers.reduce(into: []) { $0.append($1) }
    }
    return BenchResult(unary: samples, window: window)
}

/// `--in-flight` server streams, each counting the messages that arrive inside the window.
func stream(_ clients: [GRPCClient<HTTP2ClientTransport.Posix>], _ arguments: BenchArguments) async throws -> BenchResult {
    let request = ClientRequest(message: StreamRequest.encode(messageSize: arguments.payload))
    let window = MeasurementWindow(warmup: arguments.warmup, duration: arguments.duration)
    let total = try await withThrowingTaskGroup(of: Int.self) { workers in
        for slot in 0..<arguments.inFlight {
            let client = clients[slot % clients.count]
            workers.addTask {
                var counted = 0
                do {
                    counted = try await client.serverStreaming(
                        request: request,
                        descriptor: EchoService.stream,
                        serializer: RawBytesSerializer(),
                        deserializer: RawBytesDeserializer(),
                        options: .defaults
                    ) { response in
                        var counted = 0
                        for try await message in response.messages {
                            let now = monotonicNanoseconds()
                            if now >= window.measureUntil { break }
                            if now >= window.measureFrom && message.count == arguments.payload { counted += 1 }
                        }
                        return counted
                    }
                } catch let error as RPCError where error.code == .cancelled {
                    // Leaving the response early cancels the stream; the count is what matters.
                }
                return counted
            }
        }
        return try await workers.reduce(0, +)
    }
    return BenchResult(messagesPerSecond: Double(total) / window.seconds)
}
