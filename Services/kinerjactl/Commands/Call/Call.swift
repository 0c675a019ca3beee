import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl call`: any method of any service, proto3 JSON in and out.
    struct Call: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Call any method of a service with a proto3 JSON request, or list what a server offers.",
            discussion: """
            METHOD is SERVICE/METHOD: kinerja.identity.v1.IdentityService/GetUnit, \
            IdentityService/GetUnit or identity/GetUnit. The server is the one of the method's \
            package (identity, planning, …; --service for the protocol's own kinerja.rpc.v1 services, \
            which every server hosts). The server's reflection service is asked first whether it \
            offers the method; its descriptors are compared with this kinerjactl's, which encode \
            the request (a warning when they differ). When signed in, the session's token goes with \
            the call, refreshed as for every command; without a session the call goes without one \
            (health, reflection and Login need none). Methods marked idempotent get an \
            idempotency key (--idempotency-key to choose it, e.g. to repeat a write safely).

            The request is proto3 JSON (--json, default {}): field names in lowerCamelCase or as in \
            the .proto, enums by name or number, 64-bit integers as strings, bytes as base64. A \
            client-streaming method takes one --json per message. Responses print as proto3 JSON: \
            indented for one response, one per line for a stream.

            --list lists the services and methods of every server (of one with SERVICE: a Kinerja \
            service such as planning, or a proto service).

            Examples:
              kinerjactl call identity/GetUnit --json '{"unitId": "01J…"}'
              kinerjactl call kinerja.rpc.v1.HealthService/Check --service planning
              kinerjactl call --list planning
            """
        )

        @OptionGroup var client: ClientOptions
        @Argument(help: ArgumentHelp("SERVICE/METHOD to call; with --list, the service to list (default: all).",
                                     valueName: "method"))
        var target: String?
        @Flag(help: "List services and methods instead of calling one.") var list = false
        @Option(name: .customLong("json"), help: ArgumentHelp(
            "The request as proto3 JSON (default {}); repeat for each message of a client stream.", valueName: "json"))
        var requests: [String] = []
        @Option(help: ArgumentHelp("The Kinerja service whose server takes the call (for kinerja.rpc.v1 services).",
                                   valueName: ServiceEndpoint.all.map(\.name).joined(separator: "|")))
        var service: String?
        @Option(help: ArgumentHelp("Idempotency key to send (default: a fresh one for idempotent methods).", valueName: "key"))
        var idempotencyKey: String?

        /// The server chosen with --service.
        func server() throws -> ServiceEndpoint? {
            try service.map { name in
                guard let endpoint = ServiceEndpoint.named(name) else {
                    throw CLIError.invalidArguments("--service must be one of "
                        + ServiceEndpoint.all.map(\.name).joined(separator: ", ") + ", not \(name.debugDescription)")
                }
                return endpoint
            }
        }

        func validate() throws {
            let server = try server()
            if let idempotencyKey {
                guard (1...128).contains(idempotencyKey.utf8.count), idempotencyKey.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                    throw CLIError.invalidArguments("--idempotency-key must be 1–128 printable ASCII characters without spaces")
                }
            }
            if list {
                guard requests.isEmpty, idempotencyKey == nil else {
                    throw CLIError.invalidArguments("--list takes no --json or --idempotency-key")
                }
                _ = try CallListing.scope(target, server: server)
                return
            }
            guard let target else { throw CLIError.invalidArguments("give SERVICE/METHOD to call, or --list") }
            _ = try CallTarget.resolve(target, server: server).requests(requests)
        }

        func run() async throws {
            let environment = client.environment
            let store = try CommandEnvironment.sessionStore(environment: environment)
            let stored = try store.load()
            try await CommandEnvironment.connections(client, session: stored).run { connections in
                if list {
                    let scope = try CallListing.scope(target, server: try server())
                    try await CallListing(connections: connections, policy: client.policy).run(scope)
                    return
                }
                let call = try CallTarget.resolve(target ?? "", server: try server())
                let session = try stored.map { _ in try SignedInSession(store: store, connections: connections, policy: client.policy) }
                var runner = DynamicCall(target: call, connections: connections, policy: client.policy, session: session)
                runner.idempotencyKey = idempotencyKey
                try await runner.run(try call.requests(requests))
            }
        }
    }
}
