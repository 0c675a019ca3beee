// TLSBenchmark: handshakes/s and bulk MB/s of KinerjaTLS against swift-nio-ssl, same machine, same run.
//
//   swift run -c release --package-path Benchmarks --scratch-path Benchmarks/.build-bench TLSBenchmark [--seconds S] [--pki DIR]
//
// In-memory rows run both implementations on EmbeddedChannel pairs (one thread: handler and
// library only); loopback rows run client and server over 127.0.0.1 on a 2-thread event loop
// group (sequential connections; one connection for bulk). Development PKI: mutual TLS 1.3,
// ECDSA P-256, ALPN kinerja-rpc/1. Rounds alternate between the two; the best round of each is
// reported. A handshake figure counts full handshakes (both sides) per second.
import Foundation
import NIOCore
import NIOPosix

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[$0 + 1] : nil }
}
let seconds = option("--seconds").flatMap(Double.init) ?? 2
let rounds = option("--rounds").flatMap(Int.init) ?? 3

/// The development PKI: --pki DIR, or one made (or kept) by deploy/pki/make-dev-pki.sh in .dev/pki.
func developmentPKI() throws -> String {
    if let directory = option("--pki") { return directory }
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let directory = root.appendingPathComponent(".dev/pki").path
    let script = Process()
    script.executableURL = URL(fileURLWithPath: "/bin/bash")
    script.arguments = [root.appendingPathComponent("deploy/pki/make-dev-pki.sh").path, directory]
    try script.run()
    script.waitUntilExit()
    guard script.terminationStatus == 0 else { throw BenchmarkError("make-dev-pki.sh failed") }
    return directory
}

/// Runs `body` repeatedly for about `seconds`, returning operations per second.
func measure(_ body: () throws -> Int) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    var operations = 0
    while true {
        operations += try body()
        let elapsed = clock.now - start
        if elapsed >= .seconds(seconds) {
            let (whole, attoseconds) = elapsed.components
            return Double(operations) / (Double(whole) + Double(attoseconds) / 1e18)
        }
    }
}

func handshakesPerSecond(_ contestant: any Contestant) throws -> Double {
    try measure {
        let connection = try InMemoryConnection(contestant)
        try connection.handshake()
        return 1
    }
}

func bulkMegabytesPerSecond(_ contestant: any Contestant, writeSize: Int) throws -> Double {
    let connection = try InMemoryConnection(contestant)
    try connection.handshake()
    let payload = ByteBuffer(repeating: 0x4b, count: writeSize)
    let before = connection.serverSink.bytes
    let writesPerSecond = try measure {
        for _ in 0..<16 { try connection.send(payload) }
        return 16
    }
    guard connection.serverSink.bytes - before > 0 else { throw BenchmarkError("no bulk data arrived") }
    return writesPerSecond * Double(writeSize) / 1_000_000
}

let pki = try developmentPKI()
let contestants: [any Contestant] = [try Ours(pki: pki), try SwiftNIOSSL(pki: pki)]
/// `--only ours` or `--only nio` runs one side (for profiling); ratios then are not printed.
let only = option("--only")
print("TLSBenchmark: \(rounds) rounds × \(seconds) s per figure, best round shown; PKI \(pki)")

struct Row {
    var name: String
    var unit: String
    var run: (any Contestant) async throws -> Double
}
let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
func loopback(_ contestant: any Contestant) -> LoopbackBenchmark { LoopbackBenchmark(contestant: contestant, group: group) }
let selectedRows = option("--rows").map { $0.split(separator: ",").map(String.init) }
let rows = [
    Row(name: "mTLS 1.3 handshakes", unit: "handshakes/s") { try handshakesPerSecond($0) },
    Row(name: "bulk, 16 KiB writes", unit: "MB/s") { try bulkMegabytesPerSecond($0, writeSize: 16 * 1024) },
    Row(name: "bulk, 64 KiB writes", unit: "MB/s") { try bulkMegabytesPerSecond($0, writeSize: 64 * 1024) },
    Row(name: "bulk, 1 MiB writes", unit: "MB/s") { try bulkMegabytesPerSecond($0, writeSize: 1 << 20) },
    Row(name: "loopback handshakes", unit: "handshakes/s") { try await loopback($0).handshakesPerSecond(seconds: seconds) },
    Row(name: "loopback bulk, 64 KiB", unit: "MB/s") {
        try await loopback($0).bulkMegabytesPerSecond(seconds: seconds, writeSize: 64 * 1024)
    },
]

var summary: [String] = []
for row in rows where selectedRows?.contains(where: { row.name.hasPrefix($0) }) ?? true {
    var best = [Double](repeating: 0, count: contestants.count)
    for _ in 0..<rounds {
        for (index, contestant) in contestants.enumerated() where only == nil || (only == "ours") == (index == 0) {
            best[index] = max(best[index], try await row.run(contestant))
        }
    }
    if only != nil {
        print(row.name, best.map { String(format: "%.1f", $0) }, row.unit)
        continue
    }
    let ratio = best[0] / best[1]
    for (index, contestant) in contestants.enumerated() {
        print(String(format: "%-22@  %-34@ %10.1f %@", row.name as NSString, contestant.name as NSString, best[index], row.unit as NSString))
    }
    print(String(format: "%-22@  ratio ours / swift-nio-ssl: %.2f×", row.name as NSString, ratio))
    summary.append(String(format: "\"%@\": %.3f", row.name as NSString, ratio))
}
print("{\"benchmark\": \"tls\", \"ratios\": {\(summary.joined(separator: ", "))}}")
