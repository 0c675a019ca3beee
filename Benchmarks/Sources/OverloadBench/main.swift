// The overload benchmark's client (issue 18, docs/RELIABILITY.md "Overload"): an open loop that
// offers calls at a fixed rate whatever the server answers — as a city's morning does — rather
// than waiting for answers as the closed-loop RPCBenchClient does. Each call has a deadline.
//
// Usage: OverloadBench --port P --pki DIR --rate CALLS_PER_S --duration S [--connections N]
//                      [--deadline-ms MS] [--payload BYTES]
// Prints one JSON line: offered, ok, refused (RESOURCE_EXHAUSTED), deadline (DEADLINE_EXCEEDED or
// no answer in time), other; the p50/p99 of admitted calls and of refusals, in ms.
import BenchSupport
import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import RPCBenchEcho
import Synchronization

let arguments = BenchArguments.parse()
let rate = Double(arguments.extra["rate"] ?? "1000") ?? 1000
let deadline = Int(arguments.extra["deadline-ms"] ?? "2000") ?? 2000
let pki = DevPKI(directory: arguments.pki)
let tls = try TLSContext(configuration: TLSConfiguration(
    certificateChainFile: pki.clientCertificate, privateKeyFile: pki.clientKey, trustRootsFile: pki.caCertificate))
// Several connections, so that the client's per-connection limit (the server's SETTINGS, 256) is
// never what holds calls back: the server's own limit on calls in flight is what is measured.
let clients = try (0..<max(arguments.connections, 8)).map { _ in
    var configuration = ClientConfiguration(host: arguments.host, port: arguments.port,
                                            serverIdentity: try PeerIdentity(kind: .service, name: "identity"), tls: tls)
    configuration.connections = 1
    return RPCClient(configuration: configuration)
}
let payload = [UInt8](repeating: 0x6B, count: arguments.payload)
for client in clients { _ = try await client.unary(BenchEcho.unary, request: [1], options: .defaults) }

struct Tally: Sendable {
    var ok = LatencySamples(), refused = LatencySamples()
    var deadline = 0, other = 0, offered = 0
    var otherMessages: [String: Int] = [:]
}
let tally = Mutex(Tally())
var options = CallOptions.defaults
options.timeout = .milliseconds(deadline)
let callOptions = options

let start = monotonicNanoseconds()
let interval = 1e9 / rate
let end = start + UInt64(arguments.duration * 1e9)
await withDiscardingTaskGroup { group in
    var sent = 0
    while true {
        let now = monotonicNanoseconds()
        if now >= end { break }
        let due = Int(Double(now - start) / interval)
        while sent < due {
            let client = clients[sent % clients.count]
            sent += 1
            group.addTask {
                let begin = monotonicNanoseconds()
                do {
                    _ = try await client.unary(BenchEcho.unary, request: payload, options: callOptions)
                    let latency = monotonicNanoseconds() - begin
                    tally.withLock { $0.ok.record(latency) }
                } catch let error as RPCError {
                    let latency = monotonicNanoseconds() - begin
                    tally.withLock { t in
                        switch error.code {
                        case .resourceExhausted: t.refused.record(latency)
                        case .deadlineExceeded: t.deadline += 1
                        default: t.other += 1; t.otherMessages["\(error.code): \(error.message.prefix(80))", default: 0] += 1
                        }
                    }
                } catch {
                    tally.withLock { $0.other += 1; $0.otherMessages["\(error)".prefix(80).description, default: 0] += 1 }
                }
            }
        }
        try? await Task.sleep(for: .microseconds(500))
    }
    tally.withLock { $0.offered = sent }
}
let result = tally.withLock { $0 }
let ok = LatencySamples.merged([result.ok]), refused = LatencySamples.merged([result.refused])
func ms(_ value: Double?) -> String { value.map { String(format: "%.2f", $0 / 1000) } ?? "null" }
let others = result.otherMessages.map { "\"\($0.key.replacingOccurrences(of: "\"", with: "'"))\": \($0.value)" }.joined(separator: ", ")
print("""
    {"offered_per_s": \(String(format: "%.0f", Double(result.offered) / arguments.duration)), "offered": \(result.offered), \
    "ok": \(ok.count), "ok_per_s": \(String(format: "%.0f", Double(ok.count) / arguments.duration)), "refused": \(refused.count), \
    "deadline": \(result.deadline), "other": \(result.other), "ok_p50_ms": \(ms(ok.percentile(50))), "ok_p99_ms": \(ms(ok.percentile(99))), \
    "refused_p50_ms": \(ms(refused.percentile(50))), "refused_p99_ms": \(ms(refused.percentile(99))), "other_errors": {\(others)}}
    """)
for client in clients { await client.close() }
exit(0)
