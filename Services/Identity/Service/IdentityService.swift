public import KinerjaRPC
public import KinerjaService
import KinerjaStore
import Foundation
import KinerjaCrypto
import KinerjaProto

/// The identity service assembled: handlers, authentication, authorisation and the server.
public struct IdentityService: Sendable {
    /// The handlers.
    public let handlers: IdentityHandlers
    /// The server (not yet started).
    public let server: RPCServer

    /// Builds the service over an opened runtime. Call ``IdentityHandlers/prepare()`` (done here) before serving.
    public init(runtime: ServiceRuntime, configuration: IdentityConfiguration) async throws {
        handlers = IdentityHandlers(store: runtime.store, configuration: configuration)
        try await handlers.prepare()
        let auth = AuthInterceptor(
            table: IdentityAuthorization.table,
            authenticator: TokenAuthenticator(audience: Identity.IdentityService.descriptor.name, keys: handlers.keySource),
            resolver: IdentityRelationships(store: runtime.store),
            audit: StoreAuditSink(store: runtime.store, logger: runtime.logger),
            userGate: handlers.userGate)
        server = runtime.server(services: [handlers], interceptors: [auth])
    }
}

/// Rotates the signing key when the ACTIVE one is older than the configured period.
public struct KeyRotationSchedule: Sendable {
    let handlers: IdentityHandlers
    let every: Int64

    /// A schedule rotating every `days`.
    public init(handlers: IdentityHandlers, days: Int) {
        self.handlers = handlers
        self.every = Int64(max(1, days)) * 86_400
    }

    /// Rotates now when due; returns true when it did.
    @discardableResult
    public func rotateIfDue() async throws -> Bool {
        guard handlers.keys.activeAge(now: handlers.clock()) >= every else { return false }
        let now = handlers.clock()
        let ring = handlers.keys
        try await handlers.store.pool.write { db in
            try ring.rotate(emergency: false, now: now, in: db)
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.signing_key.rotate",
                                            target: "signing-keys", outcome: .success, detail: "scheduled rotation"), at: now, in: db)
        }
        try await ring.reload(now: now)
        return true
    }
}
