/// A Kinerja service that a client (kinerjactl, kinerja-web) calls: its name, where it listens
/// unless told otherwise, and what follows from the name (the SPIFFE identity its certificate
/// carries, its proto package).
public struct ServiceEndpoint: Sendable, Hashable, CustomStringConvertible {
    /// The service's name, e.g. `planning`.
    public let name: String
    /// Where it listens by default (the development ports).
    public let defaultAddress: ServerAddress

    public init(_ name: String, port: Int) {
        self.name = name
        self.defaultAddress = ServerAddress(host: "127.0.0.1", port: port)
    }

    /// The URI SAN its certificate must carry, e.g. `spiffe://kinerja.kupangkota.go.id/service/planning`.
    public var identityURI: String { "spiffe://kinerja.kupangkota.go.id/service/\(name)" }
    /// The proto package of its API, e.g. `kinerja.planning.v1`.
    public var protoPackage: String { "kinerja.\(name).v1" }

    public var description: String { name }
}

extension ServiceEndpoint {
    // The one list of services. A new service is a row here, its `--NAME` option in
    // `ServiceAddressOptions` (kinerjactl), and its generated client's line in `ServiceClient.swift`.
    public static let identity = ServiceEndpoint("identity", port: 7401)
    public static let planning = ServiceEndpoint("planning", port: 7402)
    public static let reporting = ServiceEndpoint("reporting", port: 7403)
    public static let feedback = ServiceEndpoint("feedback", port: 7404)
    public static let evaluation = ServiceEndpoint("evaluation", port: 7405)

    /// Every service, in the order of the performance-management cycle.
    public static let all: [ServiceEndpoint] = [identity, planning, reporting, feedback, evaluation]

    /// The service called `name`, if any.
    public static func named(_ name: String) -> ServiceEndpoint? {
        all.first { $0.name == name.lowercased() }
    }

    /// The service whose proto package holds the fully qualified proto name `symbol`
    /// (`kinerja.planning.v1.PlanningService` → planning), if any.
    public static func serving(_ symbol: String) -> ServiceEndpoint? {
        all.first { symbol.hasPrefix($0.protoPackage + ".") }
    }
}
