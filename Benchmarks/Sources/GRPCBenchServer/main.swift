// grpc-swift-2 benchmark server: `kinerja.bench.v1.Echo` over HTTP/2 + mutual TLS (swift-nio-ssl).
// Usage: GRPCBenchServer --host H --port P --pki DIR [--tuning defaults|best]  (README.md)
import BenchSupport
import GRPCBenchEcho
import GRPCCore
import GRPCNIOTransportHTTP2Posix

let arguments = BenchArguments.parse()
let tuning = GRPCTuning(arguments)
tuning.installExecutorIfNeeded()
try await serve(arguments, tuning: tuning)

func serve(_ arguments: BenchArguments, tuning: GRPCTuning) async throws {
    let server = GRPCServer(
        transport: .http2NIOPosix(
            address: .ipv4(host: arguments.host, port: arguments.port),
            transportSecurity: .devPKI(DevPKI(directory: arguments.pki)),
            config: tuning.serverConfig
        ),
        services: [EchoService()]
    )
    try await withThrowingDiscardingTaskGroup { group in
        group.addTask { try await server.serve() }
        if let address = try await server.listeningAddress {
            FileHandleOutput.standardError("GRPCBenchServer (\(tuning.rawValue)) listening on \(address)\n")
        }
    }
}
