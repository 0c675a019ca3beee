/// A Kinerja service that kinerjactl calls: its name, where it listens unless told otherwise, and
/// what follows from the name (the SPIFFE identity its certificate carries, its `--NAME` option,
/// its `KINERJACTL_NAME_ADDRESS` variable, its proto package).
struct ServiceEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The service's name, e.g. `planning`.
    let name: String
    /// Where it listens by default (the development ports).
    let defaultAddress: ServerAddress

    init(_ name: String, port: Int) {
        self.name = name
        self.defaultAddress = ServerAddress(host: "127.0.0.1", port: port)
    }

    /// The URI SAN its certificate must carry, e.g. `spiffe://kinerja.kupangkota.go.id/service/planning`.
    var identityURI: String { "spiffe://kinerja.kupangkota.go.id/service/\(name)" }
    /// The command-line option that overrides its address, e.g. `--planning`.
    var addressOption: String { "--\(name)" }
    /// The environment variable that overrides its address, e.g. `KINERJACTL_PLANNING_ADDRESS`.
    var addressVariable: String { ClientEnvironment.address(of: self) }
    /// The proto package of its API, e.g. `kinerja.planning.v1`.
    var protoPackage: String { "kinerja.\(name).v1" }

    var description: String { name }
}

extension ServiceEndpoint {
    // The one list of services. A new service is a row here, its `--NAME` option in
    // `ServiceAddressOptions`, and its generated client's line in `ServiceClient.swift`.
    static let identity = ServiceEndpoint("identity", port: 7401)
    static let planning = ServiceEndpoint("planning", port: 7402)
    static let reporting = ServiceEndpoint("reporting", port: 7403)
    static let feedback = ServiceEndpoint("feedback", port: 7404)
    static let evaluation = ServiceEndpoint("evaluation", port: 7405)

    /// Every service, in the order of the performance-management cycle.
    static let all: [ServiceEndpoint] = [identity, planning, reporting, feedback, evaluation]

    /// The service called `name`, if any.
    static func named(_ name: String) -> ServiceEndpoint? {
        all.first { $0.name == name.lowercased() }
    }

    /// The service whose proto package holds the fully qualified proto name `symbol`
    /// (`kinerja.planning.v1.PlanningService` → planning), if any.
    static func serving(_ symbol: String) -> ServiceEndpoint? {
        all.first { symbol.hasPrefix($0.protoPackage + ".") }
    }
}
