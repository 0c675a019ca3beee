// KinerjaRPC benchmark server ("ours"): the peer contract of Benchmarks/README.md.
// Usage: RPCBenchServer --host H --port P --pki DIR [--runtime full] [--work-us N] [--max-in-flight N]
// `--runtime full` puts the service runtime's interceptors around the echo (FullRuntime.swift).
// `--work-us N` spends N µs of CPU in each call before the echo (a handler's work, for the overload
// benchmark, Benchmarks/overload.sh); `--max-in-flight N` sets the server's limit on calls in
// flight (CallAdmission, as `limits.max_calls_in_flight` does in a service). `--sql-store PATH
// --sql-session ID --sql-user NIP --sql-target NIP` does one GetEmployee's SQLite reads on a copy
// of identity's store before each echo (SQLRead.swift; IdentityBenchmark's GetEmployee peer).
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
var interceptors = arguments.extra["runtime"] == "full" ? FullRuntime.interceptors() : []
if let work = arguments.extra["work-us"].flatMap(Int.init), work > 0 { interceptors.append(CPUWork(microseconds: work)) }
if let path = arguments.extra["sql-store"] {
    interceptors.append(try SQLRead(path: path, sessionID: arguments.extra["sql-session"] ?? "", user: arguments.extra["sql-user"] ?? "",
                                    target: arguments.extra["sql-target"] ?? ""))
}
let admission = arguments.extra["max-in-flight"].flatMap(Int.init).map { CallAdmission(limit: max($0, 1)) }
let server = RPCServer(configuration: .init(host: arguments.host, port: arguments.port, tls: tls, interceptors: interceptors,
                                            admission: admission),
                       services: [BenchEchoService()])
try await server.start()
signal(SIGTERM) { _ in exit(0) }
while true { try await Task.sleep(for: .seconds(3600)) }
