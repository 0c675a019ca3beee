import KinerjaProto

/// `kinerjactl call --list`: what servers offer, as their reflection service lists it.
struct CallListing: Sendable {
    /// What to list.
    enum Scope: Sendable, Equatable {
        /// Every server of the service table.
        case everything
        /// Every service one server hosts.
        case server(ServiceEndpoint)
        /// One proto service, from the server that hosts it.
        case service(String, on: ServiceEndpoint)
    }

    let connections: ServiceConnections
    let policy: CallPolicy
    var output: @Sendable (String) -> Void = { print($0) }

    /// The scope `text` names: nothing (everything), a Kinerja service (its server), or a proto
    /// service (on `server`, else on the server of its package).
    static func scope(_ text: String?, server: ServiceEndpoint?) throws -> Scope {
        guard let text else { return server.map { .server($0) } ?? .everything }
        if let endpoint = ServiceEndpoint.named(text) {
            if let server, server != endpoint {
                throw CLIError.invalidArguments("give \(endpoint.name) or --service \(server.name), not both")
            }
            return .server(endpoint)
        }
        let service = try CallTarget.service(text)
        return .service(service.name, on: try CallTarget.endpoint(of: service, server: server))
    }

    func run(_ scope: Scope) async throws {
        switch scope {
        case .everything:
            var answered = 0
            for (index, endpoint) in ServiceEndpoint.all.enumerated() {
                if index > 0 { output("") }
                do {
                    try await list(endpoint, only: nil)
                    answered += 1
                } catch let error as RPCError {
                    let address = (try? connections.address(of: endpoint).description) ?? "?"
                    output("\(endpoint.name) at \(address): no answer (\(Self.reason(error)))")
                }
            }
            if answered == 0 { throw CLIError(.unavailable, "no server answered", status: .unavailable) }
        case .server(let endpoint):
            try await list(endpoint, only: nil)
        case .service(let name, let endpoint):
            try await list(endpoint, only: name)
        }
    }

    private func list(_ endpoint: ServiceEndpoint, only: String?) async throws {
        let (transport, address) = try connections.transport(to: endpoint)
        let reflection = RPC.ReflectionService.Client(transport: transport)
        let services = try await reflection.listServices(.init(), options: policy.options()).services
            .filter { only == nil || $0.name == only }
        guard !services.isEmpty || only == nil else {
            throw CLIError(.failure, "the \(endpoint.name) service at \(address) does not host \(only ?? "")", status: .notFound)
        }
        let methods = services.reduce(0) { $0 + $1.methods.count }
        output("\(endpoint.name) at \(address): \(services.count) service\(services.count == 1 ? "" : "s"), \(methods) methods")
        for service in services {
            output("  \(service.name)")
            var table = Table([.init("METHOD", maxWidth: 32), .init("KIND", maxWidth: 18), .init("REQUEST", maxWidth: 40),
                               .init("RESPONSE", maxWidth: 40)])
            for method in service.methods {
                table.append([method.name, Self.kind(method.streaming), Self.simpleName(method.requestType),
                              Self.simpleName(method.responseType)])
            }
            for line in table.render().split(separator: "\n", omittingEmptySubsequences: false) { output("    " + line) }
        }
    }

    private static func kind(_ kind: RPC.StreamingKind) -> String {
        switch kind {
        case .unary: "unary"
        case .serverStreaming: "server streaming"
        case .clientStreaming: "client streaming"
        case .bidirectional: "both streaming"
        default: Display.name(kind)
        }
    }

    private static func simpleName(_ name: String) -> String {
        name.split(separator: ".").last.map(String.init) ?? name
    }

    private static func reason(_ error: any Error) -> String {
        let line = ErrorReporting.report(error).line ?? "\(error)"
        return line.hasPrefix("error: ") ? String(line.dropFirst(7)) : line
    }
}
