import Foundation

// PeakLoad (issue 17): Kupang's morning peak as a load test. See docs/CAPACITY.md and
// Benchmarks/Peak/run.sh, which starts the stack and calls `PeakLoad seed` once, then `PeakLoad run`.
//   PeakLoad seed --dev DIR --base 47400 --employees N [--team 15]
//   PeakLoad run  --dev DIR --base 47400 --web-port 48443 --employees N --compress X [--json FILE] [--web-script PATH]
var arguments = CommandLine.arguments
var webScript: String?
if let index = arguments.firstIndex(of: "--web-script"), index + 1 < arguments.count {
    webScript = arguments[index + 1]
    arguments.removeSubrange(index...(index + 1))
}
do {
    let options = try Options.parse(arguments)
    switch options.command {
    case "seed": try await Seed.run(options)
    case "run": try await Peak.run(options, webScript: webScript)
    default: throw PeakFailure("unknown command \(options.command) (seed or run)")
    }
} catch {
    log("PeakLoad: \(error)")
    exit(1)
}
