import Foundation
import KinerjaProto
import KinerjaRPC

/// A mutual-TLS client of the planning service (`kinerja-planning`) and the generated stub over it.
struct PlanningConnection: Sendable {
    /// The planning service's SPIFFE identity, which its certificate must carry.
    static let serverIdentityURI = "spiffe://kinerja.kupangkota.go.id/service/planning"
    /// The default planning service address.
    static let defaultAddress = ServerAddress(host: "127.0.0.1", port: 7402)

    /// The generated client.
    let client: Planning.PlanningService.Client
    /// The server it talks to.
    let server: ServerAddress
    private let shutdown: @Sendable () async -> Void

    /// A connection over any transport (tests pass an in-memory one).
    init(client: Planning.PlanningService.Client, server: ServerAddress, shutdown: @escaping @Sendable () async -> Void = {}) {
        self.client = client
        self.server = server
        self.shutdown = shutdown
    }

    /// Opens a client (it connects on the first call).
    static func open(server: ServerAddress, pki: String, certificateName: String) throws -> PlanningConnection {
        let rpc = try MutualTLSClient.open(server: server, serverIdentityURI: serverIdentityURI, pki: pki,
                                           certificateName: certificateName)
        return PlanningConnection(client: Planning.PlanningService.Client(transport: rpc), server: server,
                                  shutdown: { await rpc.close() })
    }

    /// Closes the connection.
    func close() async {
        await shutdown()
    }
}

/// Calls the planning service as the signed-in user. The access token comes from the identity
/// session (audience `kinerja`, accepted by every service) and is refreshed through identity by
/// ``SignedInCaller`` exactly as for identity calls; `identity` also serves look-ups (names, units).
struct PlanningCaller: Sendable {
    /// The identity session: token refresh and identity calls.
    let identity: SignedInCaller
    /// The planning stub.
    let client: Planning.PlanningService.Client
    /// Where planning listens (for messages).
    let server: ServerAddress

    /// The signed-in user's NIP (the default owner of "my" SKP).
    func signedInNIP() throws -> String {
        guard let session = try identity.store.load() else { throw CLIError.notSignedIn }
        return session.nip
    }

    /// Runs one planning call with `authorization: Bearer <access>` and, for writes, an
    /// `idempotency-key`. Planning verifies tokens itself, so UNAUTHENTICATED there (after identity
    /// accepted the session for refresh) keeps planning's reason next to the advice to sign in again.
    func call<R>(idempotencyKey: String? = nil,
                 _ body: (Planning.PlanningService.Client, CallOptions) async throws -> R) async throws -> R {
        let options = try await identity.options(idempotencyKey: idempotencyKey)
        do {
            return try await body(client, options)
        } catch let error as RPCError where error.code == .unauthenticated {
            throw CLIError(.notPermitted, "the planning service at \(server) refused the session "
                + "(\(ErrorReporting.message(of: error))): run kinerjactl login", status: .unauthenticated, cause: error)
        }
    }

    /// A fresh idempotency key for one write: `skp-<operation>-<random UUID>`.
    static func idempotencyKey(_ operation: String) -> String {
        "skp-\(operation)-\(UUID().uuidString.lowercased())"
    }
}
