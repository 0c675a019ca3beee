import KinerjaProto

/// `kinerja.rpc.v1.ReflectionService`, hosted by every server: what it offers.
struct ReflectionProvider: RPC.ReflectionService.ServiceProtocol {
    static let descriptor = RPC.ReflectionService.descriptor
    /// The services in the order `ListServices` answers them (docs/PROTOCOL.md, section 7).
    let services: [ServiceDescriptor]

    /// Lists `services` by full name in byte order (ASCII: `A`–`Z` before `a`–`z`), each name once
    /// (the last registration wins, as in the router); methods keep their declaration order.
    init(services: [ServiceDescriptor]) {
        var byName: [String: ServiceDescriptor] = [:]
        for service in services { byName[service.name] = service }
        self.services = byName.values.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
    }

    func listServices(_ request: RPC.ListServicesRequest, context: ServerContext) async throws -> RPC.ListServicesResponse {
        RPC.ListServicesResponse(services: services.map { service in
            RPC.ServiceInfo(
                name: service.name,
                fileName: service.fileName,
                methods: service.methods.map { method in
                    RPC.MethodInfo(
                        name: method.method, fullName: method.path, requestType: method.requestType,
                        responseType: method.responseType, streaming: method.kind.reflected,
                        idempotent: method.idempotent,
                        documentation: request.includeDocumentation ? method.documentation : "")
                })
        })
    }

    func getFileDescriptorSet(_ request: RPC.GetFileDescriptorSetRequest, context: ServerContext) async throws -> RPC.GetFileDescriptorSetResponse {
        RPC.GetFileDescriptorSetResponse(fileDescriptorSet: KinerjaContract.fileDescriptorSet)
    }
}

extension StreamingKind {
    var reflected: RPC.StreamingKind {
        switch self {
        case .unary: .unary
        case .clientStreaming: .clientStreaming
        case .serverStreaming: .serverStreaming
        case .bidirectionalStreaming: .bidirectional
        }
    }
}
