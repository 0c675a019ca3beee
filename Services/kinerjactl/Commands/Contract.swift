import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl contract`: the services and RPCs of the wire contract.
    struct Contract: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the services and RPCs of the Kinerja wire contract (proto/)."
        )

        @Flag(help: "Show each RPC's request and response types.")
        var verbose = false

        func run() {
            // In the order of the performance-management cycle, then the protocol's own services.
            let order = ["identity", "planning", "reporting", "feedback", "evaluation", "rpc"]
            let rank = { (name: String) in order.firstIndex { name.hasPrefix("kinerja.\($0).") } ?? order.count }
            let services = KinerjaContract.services.sorted { (rank($0.name), $0.name) < (rank($1.name), $1.name) }
            let rpcs = services.reduce(0) { $0 + $1.methods.count }
            print("Kinerja \(KinerjaVersion.current) — contract: \(services.count) services, \(rpcs) RPCs, \(KinerjaContract.messageTypes.count) message types")
            for service in services {
                print("\n\(service.name)  (\(service.methods.count) RPCs)")
                for method in service.methods {
                    let kind = method.kind == .unary ? "" : "  [\(method.kind.rawValue)]"
                    print("  \(method.path)\(kind)")
                    if verbose {
                        print("      \(method.requestType) → \(method.responseType)")
                    }
                }
            }
        }
    }
}
