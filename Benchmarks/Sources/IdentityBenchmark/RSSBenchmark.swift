import Foundation
import KinerjaProto
import KinerjaRPC

/// Identity's resident memory when idle: the release `kinerja-identity serve` with the demo
/// organisation, after one sign-in and one ListEmployees, `--idle` seconds later; the plain echo
/// server (RPCBenchServer) after one call is the peer of the same run.
enum RSSBenchmark {
    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> rss: kinerja-identity serve, sign in + ListEmployees once, \(options.idleSeconds) s idle, VmRSS")
        var idle: [Double] = [], listening: [Double] = [], peak: [Double] = [], echoIdle: [Double] = []
        var anon: [Double] = [], restarted: [Double] = []
        for repeatIndex in 0..<options.repeats {
            /// Sign in once, list once, idle; (VmRSS, VmHWM, RssAnon) in MiB.
            func exercise(_ identity: IdentityServer) async throws -> (Double, Double, Double) {
                let client = try identity.client(options)
                let token = try await identity.signIn("auditor", with: client)
                let list = try await Identity.IdentityService.Client(transport: client)
                    .listEmployees(Identity.ListEmployeesRequest(), options: Peers.bearer(token))
                guard !list.employees.isEmpty else { throw BenchFailure("ListEmployees returned nothing") }
                await client.close()
                try await Task.sleep(for: .seconds(options.idleSeconds))
                func mib(_ field: String) -> Double { Double(identity.child.statusKiB(field) ?? 0) / 1024 }
                return (mib("VmRSS"), mib("VmHWM"), mib("RssAnon"))
            }
            let identity = try await IdentityServer.start(options, name: "identity-rss")
            do {
                listening.append(Double(identity.child.statusKiB("VmRSS") ?? 0) / 1024)
                let (rss, hwm, anonymous) = try await exercise(identity)
                idle.append(rss)
                peak.append(hwm)
                anon.append(anonymous)
                // Again on the same store, as after a restart: no bootstrap, no demo generation.
                await identity.child.stop()
                let again = try await IdentityServer.start(options, name: "identity-rss-restarted", restarting: identity)
                do {
                    restarted.append(try await exercise(again).0)
                    await again.stop(keep: options.keep)
                } catch {
                    await again.stop(keep: true)
                    throw error
                }
            } catch {
                await identity.stop(keep: true)
                throw error
            }
            // The peer: the plain RPC echo server, one call, the same idle time.
            let directory = NSTemporaryDirectory() + "kinerja-echo-rss-\(UUID().uuidString.prefix(8))"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let echo = try ChildProcess(name: "echo-rss", executable: "\(options.bin)/RPCBenchServer",
                                        arguments: ["--host", "127.0.0.1", "--port", String(options.echoPort), "--pki", options.pki],
                                        directory: directory)
            try await echo.waitForPort(options.echoPort)
            let echoClient = try Peers.client(options, port: options.echoPort, certificate: "client/hr-portal")
            _ = try await GetEmployeeBenchmark.echoCall(echoClient, [UInt8](repeating: 1, count: 128))
            await echoClient.close()
            try await Task.sleep(for: .seconds(options.idleSeconds))
            echoIdle.append(Double(echo.statusKiB("VmRSS") ?? 0) / 1024)
            await echo.stop()
            try? FileManager.default.removeItem(atPath: directory)
            log(String(format: "  run %d/%d: identity idle %.1f MiB (anonymous %.1f, listening %.1f, peak %.1f; restarted %.1f); echo server idle %.1f MiB",
                       repeatIndex + 1, options.repeats, idle.last ?? 0, anon.last ?? 0, listening.last ?? 0, peak.last ?? 0,
                       restarted.last ?? 0, echoIdle.last ?? 0))
        }
        let figures = [
            Figure(key: "rss_idle", label: "identity RSS idle", unit: "MiB", ours: idle, peerName: "echo server", peer: echoIdle,
                   goal: .atMost(40), extra: [("rss_anon_mib", median(anon)), ("listening_mib", median(listening)),
                                              ("peak_vmhwm_mib", median(peak))]),
            Figure(key: "rss_idle_restarted", label: "identity RSS idle, restarted store", unit: "MiB", ours: restarted,
                   peerName: "echo server", peer: echoIdle, goal: .atMost(40)),
        ]
        let notes = ["rss: VmRSS of the release kinerja-identity \(options.idleSeconds) s after one sign-in (scrypt N=2^17, r=8: 128 MiB while it runs) and one ListEmployees (auditor, first page); listening = right after start-up (bootstrap of the demo organisation included); restarted = the same store started again (no bootstrap); rss_anon = the anonymous part (heap, stacks): the rest is file-backed code pages of the binary and the shared libraries (Foundation, ICU, libswiftCore, libcrypto), counted in VmRSS but shared and reclaimable"]
        return (figures, notes)
    }
}
