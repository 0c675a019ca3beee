import KinerjaProto

/// `kinerja.rpc.v1.ReflectionService`, hosted by every server: what it offers.
struct ReflectionProvider: RPC.ReflectionService.ServiceProtocol {
    static let descriptor = RPC.ReflectionService.descriptor
    let services: [ServiceDescriptor]

    func listServices(_ request: RPC.ListServicesRequest, context: ServerContext) async throws -> RPC.ListServicesResponse {
        RPC.ListServicesResponse(services: services.sorted { $0.name < $1.name }.map { service in
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
