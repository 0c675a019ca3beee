import KinerjaProto

/// What `kinerjactl call` is asked to call, resolved against the contract this kinerjactl was
/// built with: the method, its request and response types, and the Kinerja service whose server
/// takes the call. Pure: no I/O, so `validate()` can check it.
struct CallTarget: Sendable {
    /// The method as the contract defines it.
    let method: MethodDescriptor
    /// The Kinerja service (server) that takes the call.
    let endpoint: ServiceEndpoint
    /// The compiled request and response types.
    let requestType: any ProtoMessage.Type
    let responseType: any ProtoMessage.Type

    /// Resolves `SERVICE/METHOD` (a leading `/` allowed). SERVICE is the fully qualified proto
    /// service (`kinerja.identity.v1.IdentityService`), its simple name (`IdentityService`) or a
    /// Kinerja service (`identity`, meaning its API service); METHOD is the RPC's name, in any case.
    /// `server` picks the server for the protocol's own services, which every server hosts.
    static func resolve(_ text: String, server: ServiceEndpoint?) throws -> CallTarget {
        let path = text.hasPrefix("/") ? String(text.dropFirst()) : text
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex, path.index(after: slash) != path.endIndex else {
            throw CLIError.invalidArguments("\(text.debugDescription) is not SERVICE/METHOD, e.g. kinerja.identity.v1.IdentityService/GetUnit")
        }
        let service = try Self.service(String(path[..<slash]))
        let name = path[path.index(after: slash)...]
        guard let method = service.methods.first(where: { $0.method.lowercased() == name.lowercased() }) else {
            throw CLIError.invalidArguments("\(service.name) has no method \(name) (kinerjactl call --list \(service.name) lists them)")
        }
        guard method.kind != .bidirectionalStreaming else {
            throw CLIError.invalidArguments("\(method.path) streams both ways; kinerjactl call does not")
        }
        guard let requestType = Self.messageType(method.requestType), let responseType = Self.messageType(method.responseType) else {
            throw CLIError.invalidArguments("\(method.path): this kinerjactl does not know its message types")
        }
        return CallTarget(method: method, endpoint: try Self.endpoint(of: service, server: server),
                          requestType: requestType, responseType: responseType)
    }

    /// The contract's service named `name` (see ``resolve(_:server:)``).
    static func service(_ name: String) throws -> ServiceDescriptor {
        let services = KinerjaContract.services
        if let exact = services.first(where: { $0.name == name }) { return exact }
        let simple = services.filter { $0.name.split(separator: ".").last.map(String.init)?.lowercased() == name.lowercased() }
        if simple.count == 1 { return simple[0] }
        if let endpoint = ServiceEndpoint.named(name),
           let api = services.first(where: { ServiceEndpoint.serving($0.name) == endpoint }) {
            return api
        }
        throw CLIError.invalidArguments("no service \(name.debugDescription) in the contract (kinerjactl contract lists them)")
    }

    /// The server that takes calls of `service`: `server` when given, else the Kinerja service
    /// whose proto package it is in; the protocol's own services need `server`.
    static func endpoint(of service: ServiceDescriptor, server: ServiceEndpoint?) throws -> ServiceEndpoint {
        if let server { return server }
        guard let endpoint = ServiceEndpoint.serving(service.name) else {
            throw CLIError.invalidArguments("every server hosts \(service.name): choose one with --service "
                + ServiceEndpoint.all.map(\.name).joined(separator: "|"))
        }
        return endpoint
    }

    /// The compiled message type with the proto name `name`.
    static func messageType(_ name: String) -> (any ProtoMessage.Type)? {
        messageTypes[name]
    }

    private static let messageTypes: [String: any ProtoMessage.Type] = Dictionary(
        KinerjaContract.messageTypes.map { ($0.protoName, $0) }, uniquingKeysWith: { first, _ in first })

    /// The requests for `texts` (proto3 JSON, one message each; none means one empty message).
    func requests(_ texts: [String]) throws -> [any ProtoMessage] {
        if texts.count > 1, method.kind != .clientStreaming {
            throw CLIError.invalidArguments("\(method.path) takes one request: give --json once")
        }
        return try (texts.isEmpty ? ["{}"] : texts).enumerated().map { index, text in
            do {
                return try requestType.init(jsonString: text)
            } catch let error as ProtoError {
                let which = texts.count > 1 ? "--json #\(index + 1)" : "--json"
                throw CLIError.invalidArguments("\(which): \(error.messageType): \(error.message)")
            }
        }
    }
}
