import BenchSupport
import Foundation

/// The command line of IdentityBenchmark (README.md "Identity benchmark").
struct Options: Sendable {
    /// Workloads to run: getemployee, tokens, import, rss, planning, reporting, feedback (default: all, in that order).
    var workloads: [String] = ["getemployee", "tokens", "import", "rss", "planning", "reporting", "feedback", "evaluation"]
    /// Measured seconds per closed-loop or timed run.
    var duration = 5.0
    /// Unmeasured seconds before each closed-loop run.
    var warmup = 1.0
    /// Runs per figure; the median is shown.
    var repeats = 3
    /// In-flight calls for GetEmployee and the echo (each value is one row).
    var inFlight = [64, 1]
    /// Synthetic employees imported.
    var importRows = 10_000
    /// Rows per call in the chunked import.
    var chunkRows = 1000
    /// Seconds the service idles before its RSS is read.
    /// Long enough for the idle check (every 15 s; memory back once a check saw no call since the last).
    var idleSeconds = 35.0
    /// Development PKI (deploy/pki/make-dev-pki.sh).
    var pki = ProcessInfo.processInfo.environment["KINERJA_PKI_DIR"] ?? ".dev/pki"
    /// Folder holding kinerja-identity and RPCBenchServer (default: this executable's folder).
    var bin = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
    /// The identity service's log level (`info` is the production default: one line per call).
    var identityLogLevel = "info"
    /// Port of the echo server (7500–7599, like the other peers).
    var echoPort = 7590
    /// Print only the JSON lines (no table).
    var jsonOnly = false
    /// Keep the temporary folders (service logs and stores) for inspection.
    var keep = false

    static let usage = """
        usage: IdentityBenchmark [getemployee|tokens|import|rss|planning|reporting|feedback|evaluation ...] [--duration S] [--warmup S] [--repeats N]
                                 [--in-flight 64,1] [--rows N] [--chunk N] [--idle S] [--pki DIR] [--bin DIR]
                                 [--identity-log-level info|notice|warning] [--echo-port P] [--quick] [--json] [--keep]
        """

    static func parse(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Options {
        var options = Options()
        var chosen: [String] = []
        var rest = arguments[...]
        func fail(_ message: String) -> Never {
            FileHandleOutput.standardError("error: \(message)\n\(usage)\n")
            exit(2)
        }
        func value(_ name: String) -> String {
            guard let value = rest.popFirst() else { fail("\(name) needs a value") }
            return value
        }
        func number(_ name: String) -> Double {
            guard let parsed = Double(value(name)), parsed >= 0 else { fail("\(name) wants a non-negative number") }
            return parsed
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "getemployee", "tokens", "import", "rss", "planning", "reporting", "feedback", "evaluation": chosen.append(argument)
            case "all": chosen += ["getemployee", "tokens", "import", "rss", "planning", "reporting", "feedback", "evaluation"]
            case "--duration": options.duration = number(argument)
            case "--warmup": options.warmup = number(argument)
            case "--repeats": options.repeats = max(1, Int(number(argument)))
            case "--in-flight":
                let list = value(argument).split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
                guard !list.isEmpty else { fail("--in-flight wants e.g. 64,1") }
                options.inFlight = list
            case "--rows": options.importRows = max(1, Int(number(argument)))
            case "--chunk": options.chunkRows = max(1, Int(number(argument)))
            case "--idle": options.idleSeconds = number(argument)
            case "--pki": options.pki = value(argument)
            case "--bin": options.bin = value(argument)
            case "--identity-log-level": options.identityLogLevel = value(argument)
            case "--echo-port": options.echoPort = Int(number(argument))
            case "--quick":
                options.duration = 2
                options.warmup = 0.5
                options.repeats = 1
            case "--json": options.jsonOnly = true
            case "--keep": options.keep = true
            case "-h", "--help":
                print(usage)
                exit(0)
            default: fail("unknown argument \(argument)")
            }
        }
        if !chosen.isEmpty { options.workloads = chosen }
        options.pki = URL(fileURLWithPath: options.pki).standardizedFileURL.path
        return options
    }
}

/// Progress on standard error (the table and the JSON lines go to standard output).
func log(_ message: String) {
    FileHandleOutput.standardError(message + "\n")
}
