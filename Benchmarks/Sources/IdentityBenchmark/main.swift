// Service benchmarks: identity (issue 5): GetEmployee against the plain RPC echo, access-token
// verification against openssl speed, bulk import against GRDB directly, idle RSS; planning
// (issue 6), reporting (issue 12) and feedback (issue 13) against their in-process peers.
//
//   IdentityBenchmark [getemployee] [tokens] [import] [rss] [planning] [reporting] [feedback] [--duration S] [--repeats N] [--in-flight 64,1]
//                     [--pki DIR] [--bin DIR] [--json] ...        (Benchmarks/README.md "Identity benchmark")
//
// Needs, next to this executable (or in --bin): kinerja-identity (swift build -c release
// --package-path Benchmarks --scratch-path Benchmarks/.build-bench --product kinerja-identity)
// and RPCBenchServer (kinerja-planning, kinerja-reporting, kinerja-feedback for those workloads); the development PKI (deploy/pki/make-dev-pki.sh); openssl.
import BenchSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

let options = Options.parse()
signal(SIGINT) { _ in ChildProcess.killAll(); exit(130) }
signal(SIGTERM) { _ in ChildProcess.killAll(); exit(143) }
signal(SIGPIPE, SIG_IGN)

let machineBefore = MachineLoad.now()
var figures: [Figure] = []
var notes: [String] = []
var failed: [String] = []
for workload in options.workloads {
    do {
        let result: (figures: [Figure], notes: [String])
        switch workload {
        case "getemployee": result = try await GetEmployeeBenchmark.run(options)
        case "tokens": result = try await TokenBenchmark.run(options)
        case "import": result = try await ImportBenchmark.run(options)
        case "planning": result = try await PlanningBenchmark.run(options)
        case "reporting": result = try await ReportingBenchmark.run(options)
        case "feedback": result = try await FeedbackBenchmark.run(options)
        case "evaluation": result = try await EvaluationBenchmark.run(options)
        default: result = try await RSSBenchmark.run(options)
        }
        for figure in result.figures { FileHandleOutput.standardOutput(figure.jsonLine + "\n") }
        figures += result.figures
        notes += result.notes
    } catch {
        // One workload failing (e.g. an executable not built) leaves the others' figures standing.
        ChildProcess.killAll()
        FileHandleOutput.standardError("IdentityBenchmark: \(workload): \(error)\n")
        failed.append(workload)
        notes.append("\(workload): FAILED: \(String(describing: error).split(separator: "\n").first ?? "")")
    }
}
notes.append("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores; other processes used \(MachineLoad.otherCores(since: machineBefore)) cores on average during the run (from /proc/stat minus this benchmark and its servers); load average \(loadAverage()) at the end")
if !options.jsonOnly { Table.print(figures, notes: notes, options: options) }
exit(failed.isEmpty ? 0 : 1)

func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "?").split(separator: " ").prefix(3).joined(separator: " ")
}

/// CPU use of the whole machine against this process and its children, to tell how much other
/// work (builds of other engineers) shared the cores during the run.
struct MachineLoad {
    var busy: Double
    var own: Double
    var wall: Double

    static func now() -> MachineLoad {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var busy = 0.0
        if let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") }) {
            let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
            // user nice system idle iowait irq softirq steal
            if fields.count >= 8 { busy = (fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]) / ticks }
        }
        func seconds(_ usage: rusage) -> Double {
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        var own = rusage(), children = rusage()
        getrusage(Int32(RUSAGE_SELF.rawValue), &own)
        getrusage(Int32(RUSAGE_CHILDREN.rawValue), &children)
        return MachineLoad(busy: busy, own: seconds(own) + seconds(children),
                           wall: Double(monotonicNanoseconds()) / 1e9)
    }

    static func otherCores(since before: MachineLoad) -> String {
        let after = now()
        let wall = after.wall - before.wall
        guard wall > 0 else { return "?" }
        return String(format: "%.2f", max(0, (after.busy - before.busy) - (after.own - before.own)) / wall)
    }
}
