// KinerjaRPC benchmark client ("ours"): the peer contract of Benchmarks/README.md.
// Usage: RPCBenchClient --host H --port P --pki DIR --mode unary|stream --connections N
//        --in-flight N --duration S --payload BYTES [--warmup S]
import BenchSupport
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import RPCBenchEcho

#if canImport(Glibc)
import Glibc
#endif

let arguments = BenchArguments.parse()
let pki = DevPKI(directory: arguments.pki)
let tls = try TLSContext(configuration: TLSConfiguration(
    certificateChainFile: pki.clientCertificate, privateKeyFile: pki.clientKey, trustRootsFile: pki.caCertificate))
// One client per connection, each keeping exactly one multiplexed connection.
let clients = try (0..<arguments.connections).map { _ in
    var configuration = ClientConfiguration(host: arguments.host, port: arguments.port,
                                            serverIdentity: try PeerIdentity(kind: .service, name: "identity"), tls: tls)
    configuration.connections = 1
    return RPCClient(configuration: configuration)
}

// The unary fast path, as a generated client's unary method takes it.
func unaryCall(_ client: RPCClient, _ payload: [UInt8]) async throws -> [UInt8] {
    try await client.unary(BenchEcho.unary, request: payload, options: .defaults)
}

// Connect (TLS handshake included) before the clock starts.
for client in clients { _ = try await unaryCall(client, [1]) }

let result: BenchResult = switch arguments.mode {
case .unary: try await unary(clients, arguments)
case .stream: try await stream(clients, arguments)
}
result.emit()
exit(0)

/// `--in-flight` loops, each calling as soon as its previous call returned.
func unary(_ clients: [RPCClient], _ arguments: BenchArguments) async throws -> BenchResult {
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
func stream(_ clients: [RPCClient], _ arguments: BenchArguments) async throws -> BenchResult {
    let request = StreamRequest.encode(messageSize: arguments.payload)
    let window = MeasurementWindow(warmup: arguments.warmup, duration: arguments.duration)
    let size = arguments.payload
    let total = try await withThrowingTaskGroup(of: Int.self) { workers in
        for slot in 0..<arguments.inFlight {
            let client = clients[slot % clients.count]
            workers.addTask {
                try await client.call(BenchEcho.stream, options: .defaults, request: request) { responses in
                    var counted = 0
                    for try await message in responses {
                        let now = monotonicNanoseconds()
                        if now >= window.measureUntil { break }
                        if now >= window.measureFrom && message.count == size { counted += 1 }
                    }
                    return counted
                }
            }
        }
        return try await workers.reduce(0, +)
    }
    return BenchResult(messagesPerSecond: Double(total) / window.seconds)
}
