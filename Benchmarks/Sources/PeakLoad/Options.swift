import Foundation

/// PeakLoad's command line: `seed` (once per data folder) and `run` (the measured peak).
/// Started by Benchmarks/Peak/run.sh, which brings up the five services and kinerja-web first.
struct Options: Sendable {
    var command = "run"
    /// The stack's folder: `pki/`, `data/<service>/<service>.sqlite`, `run/first-start.txt`, `run/*.pid`.
    var dev = ".dev/peak"
    /// identity on base+1 … evaluation on base+5.
    var base = 57400
    var webPort = 58443
    /// ASN filing between 07:30 and 08:00 WITA.
    var employees = 7_000
    /// Bawahan per atasan (the atasan are employees too and file as well).
    var team = 15
    /// 30 minutes of real time played in 30/compress minutes.
    var compress = 10.0
    /// The peak's real length in minutes (07:30–08:00).
    var windowMinutes = 30.0
    /// Evidence file size in bytes (a photo of a form, a few KB).
    var evidenceBytes = 4_096
    /// Share of ASN whose filing comes through the web app instead (the week page viewed, the page of the
    /// gateway); the rest file through the protocol (the mobile app / kinerjactl path).
    var webShare = 0.2
    /// Web sessions (signed in through the form before the measurement).
    var webSessions = 32
    /// How often an atasan opens the inbox and verifies the batch, real-time minutes.
    var atasanEveryMinutes = 10.0
    /// HR portal queries per real-time second (ListEvaluations, a page of 50).
    var hrPerSecond = 1.0
    /// Connections per service client.
    var connections = 2
    var password = "kinerja-demo-kupang"
    var json: String?
    var label = ""

    static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments.dropFirst()
        if let first = rest.first, !first.hasPrefix("--") {
            options.command = first
            rest = rest.dropFirst()
        }
        var iterator = rest.makeIterator()
        while let name = iterator.next() {
            guard let value = iterator.next() else { throw PeakFailure("\(name) needs a value") }
            func number() throws -> Double {
                guard let number = Double(value) else { throw PeakFailure("\(name): not a number: \(value)") }
                return number
            }
            switch name {
            case "--dev": options.dev = value
            case "--base": options.base = Int(try number())
            case "--web-port": options.webPort = Int(try number())
            case "--employees": options.employees = Int(try number())
            case "--team": options.team = Int(try number())
            case "--compress": options.compress = try number()
            case "--window-minutes": options.windowMinutes = try number()
            case "--evidence-bytes": options.evidenceBytes = Int(try number())
            case "--web-share": options.webShare = try number()
            case "--web-sessions": options.webSessions = Int(try number())
            case "--atasan-every-minutes": options.atasanEveryMinutes = try number()
            case "--hr-per-second": options.hrPerSecond = try number()
            case "--connections": options.connections = Int(try number())
            case "--password": options.password = value
            case "--json": options.json = value
            case "--label": options.label = value
            default: throw PeakFailure("unknown option \(name)")
            }
        }
        return options
    }

    var pki: String { "\(dev)/pki" }
    func port(_ service: String) -> Int {
        base + (["identity": 1, "planning": 2, "reporting": 3, "feedback": 4, "evaluation": 5][service] ?? 0)
    }
    func store(_ service: String) -> String { "\(dev)/data/\(service)/\(service).sqlite" }
    var seedFile: String { "\(dev)/peak-seed.json" }
}

struct PeakFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func log(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}
