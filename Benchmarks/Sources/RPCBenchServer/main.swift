// KinerjaRPC benchmark server ("ours"): the peer contract of Benchmarks/README.md.
// Usage: RPCBenchServer --host H --port P --pki DIR [--runtime full]
// `--runtime full` puts the service runtime's interceptors around the echo (FullRuntime.swift).
import BenchSupport
import KinerjaRPC
import KinerjaTLS
import RPCBenchEcho

#if canImport(Glibc)
import Glibc
#endif

let arguments = BenchArguments.parse()
let pki = DevPKI(directory: arguments.pki)
let tls = try TLSContext(configuration: TLSConfiguration(
    certificateChainFile: pki.serverCertificate, privateKeyFile: pki.serverKey, trustRootsFile: pki.caCertificate))
let interceptors = arguments.extra["runtime"] == "full" ? FullRuntime.interceptors() : []
let server = RPCServer(configuration: .init(host: arguments.host, port: arguments.port, tls: tls, interceptors: interceptors),
                       services: [BenchEchoService()])
try await server.start()
signal(SIGTERM) { _ in exit(0) }
while true { try await Task.sleep(for: .seconds(3600)) }
