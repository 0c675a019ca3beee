public import GRDB
public import KinerjaProto
public import KinerjaStore
public import Foundation

/// Who makes a change and when: the stamp columns and audit entries of a write.
public struct ChangeActor: Sendable {
    /// The principal (NIP, SPIFFE URI or `system`).
    public var principal: String
    /// Its kind.
    public var kind: Common.PrincipalKind
    /// Seconds since the epoch.
    public var now: Int64

    /// An actor.
    public init(principal: String, kind: Common.PrincipalKind, now: Int64) {
        self.principal = principal
        self.kind = kind
        self.now = now
    }

    /// The three stamp columns `<prefix>_by`, `<prefix>_kind`, `<prefix>_at`.
    public var arguments: [any DatabaseValueConvertible] { [principal, kind.rawValue, now] as [any DatabaseValueConvertible] }

    /// The stamp as the wire carries it.
    public var stamp: Common.AuditStamp {
        Common.AuditStamp(principal: principal, principalKind: kind, at: Common.Timestamp(seconds: now, nanos: 0))
    }
}

/// A service's handlers over its store: the write path every change takes.
public protocol StoreBackedService: Sendable {
    /// The service's store.
    var store: Store { get }
    /// The clock (tests pass their own).
    var clock: @Sendable () -> Date { get }
}

extension StoreBackedService {
    /// Seconds since the epoch, now.
    public var nowSeconds: Int64 { Int64(clock().timeIntervalSince1970) }

    /// The acting principal of the current call.
    public func actor() throws -> ChangeActor {
        let access = try Access.required()
        return ChangeActor(principal: access.caller.principal, kind: access.caller.principalKind, now: nowSeconds)
    }

    /// Runs a change in one write transaction, honouring `idempotency-key`: the change, its
    /// audit entry and its idempotency record commit together.
    public func write<Request: ProtoMessage, Response: ProtoMessage>(
        _ context: ServerContext, _ request: Request,
        _ body: @escaping @Sendable (Database, ChangeActor) throws -> Response
    ) async throws -> Response {
        try await write(context, bytes: try request.serializedBytes(), body)
    }

    /// Like ``write(_:_:_:)`` for a request given as bytes (client streams).
    public func write<Response: ProtoMessage>(
        _ context: ServerContext, bytes: [UInt8], _ body: @escaping @Sendable (Database, ChangeActor) throws -> Response
    ) async throws -> Response {
        let actor = try actor()
        return try await store.write(idempotencyKey: context.metadata[Metadata.WellKnownKey.idempotencyKey],
                                     principal: actor.principal, method: context.method.path, request: bytes) { db in try body(db, actor) }
    }

    /// The answer recorded for this call's `idempotency-key` when the same request was applied
    /// before (nil otherwise), so a replay is answered before the request is validated again.
    public func recordedResponse<Response: ProtoMessage>(_ context: ServerContext, bytes: [UInt8],
                                                         as type: Response.Type = Response.self) async throws -> Response? {
        let actor = try actor()
        return try await store.recordedResponse(idempotencyKey: context.metadata[Metadata.WellKnownKey.idempotencyKey],
                                                principal: actor.principal, method: context.method.path, request: bytes)
    }

    /// Appends the success entry of a change inside its transaction.
    public func audit(_ db: Database, _ context: ServerContext, _ actor: ChangeActor, target: String, detail: String = "") throws {
        try AuditLog.append(AuditRecord(principal: actor.principal, principalKind: actor.kind, action: context.method.path,
                                        target: target, outcome: .success, detail: detail, requestID: context.requestID,
                                        peerAddress: context.remoteAddress ?? ""), at: clock(), in: db)
    }
}
