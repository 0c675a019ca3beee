import KinerjaProto

/// One `kinerjactl call`: asks the server's reflection service whether it offers the method
/// (and which contract it serves), then sends the requests with the policy every command uses
/// (the session's token when signed in, a request id, the deadline, an idempotency key for
/// methods that honour one) and hands each response, as proto3 JSON, to `output`.
struct DynamicCall: Sendable {
    let target: CallTarget
    let connections: ServiceConnections
    let policy: CallPolicy
    /// The signed-in session, if there is one; without it calls go without a token.
    let session: SignedInSession?
    /// The idempotency key to send; nil: a fresh one for methods the contract marks idempotent.
    var idempotencyKey: String?
    /// Where responses go (one JSON text each) and where warnings go.
    var output: @Sendable (String) -> Void = { print($0) }
    var warn: @Sendable (String) -> Void = { StandardError.line($0) }

    /// Runs the call; throws the call's status, mapped like every command's.
    func run(_ requests: [any ProtoMessage]) async throws {
        let (transport, address) = try connections.transport(to: target.endpoint)
        let offered = try await Self.discover(target.method, on: transport, at: address, endpoint: target.endpoint, policy: policy)
        try await checkContract(transport, address: address)
        let encoded = try requests.map { try $0.serializedBytes() }
        let key = idempotencyKey ?? (offered.idempotent ? CallPolicy.idempotencyKey("call") : nil)
        let options = try await session?.options(idempotencyKey: key) ?? policy.options(idempotencyKey: key)
        let responseType = target.responseType
        let streaming = target.method.kind == .serverStreaming
        let output = output
        do {
            try await transport.call(target.method, options: options, requests: { writer in
                for bytes in encoded { try await writer.write(bytes) }
            }, onResponse: { responses in
                for try await bytes in responses {
                    let message = try Self.decode(bytes, as: responseType, method: target.method)
                    output(message.jsonString(pretty: !streaming))
                }
            })
        } catch let error as RPCError where error.code == .unauthenticated {
            guard session != nil else { throw CLIError.notSignedIn }
            throw SignedInSession.refused(by: target.endpoint, at: address, error)
        }
    }

    /// The method as the server lists it; UNIMPLEMENTED when the server does not offer it.
    static func discover(_ method: MethodDescriptor, on transport: any ClientTransport, at address: ServerAddress,
                         endpoint: ServiceEndpoint, policy: CallPolicy) async throws -> RPC.MethodInfo {
        let reflection = RPC.ReflectionService.Client(transport: transport)
        let listed = try await reflection.listServices(.init(), options: policy.options())
        let offered = listed.services.flatMap(\.methods).first { $0.fullName == method.path }
        guard let offered else {
            throw CLIError(.failure, "the \(endpoint.name) service at \(address) does not offer \(method.path) "
                + "(kinerjactl call --list \(endpoint.name) lists what it offers)", status: .unimplemented)
        }
        guard offered.requestType == method.requestType, offered.responseType == method.responseType else {
            throw CLIError(.failure, "the \(endpoint.name) service at \(address) defines \(method.path) as "
                + "\(offered.requestType) → \(offered.responseType), this kinerjactl as \(method.requestType) → "
                + "\(method.responseType): use a kinerjactl built from the same contract", status: .failedPrecondition)
        }
        return offered
    }

    /// Warns when the server's descriptors (GetFileDescriptorSet) are not the ones this kinerjactl
    /// encodes with: a field only one side knows is then dropped on the way.
    private func checkContract(_ transport: any ClientTransport, address: ServerAddress) async throws {
        let reflection = RPC.ReflectionService.Client(transport: transport)
        let symbols = [target.method.requestType, target.method.responseType]
        let served = try await reflection.getFileDescriptorSet(.init(symbols: symbols), options: policy.options())
        if served.fileDescriptorSet != KinerjaContract.fileDescriptorSet {
            warn("warning: the \(target.endpoint.name) service at \(address) serves another version of the contract than "
                + "this kinerjactl (\(KinerjaVersion.current)); fields only one of them knows are not sent or shown")
        }
    }

    private static func decode(_ bytes: [UInt8], as type: any ProtoMessage.Type, method: MethodDescriptor) throws -> any ProtoMessage {
        do {
            return try type.init(serializedBytes: bytes)
        } catch {
            throw RPCError(.internal, "\(method.path): the server's response could not be decoded: \(error.message)")
        }
    }
}
