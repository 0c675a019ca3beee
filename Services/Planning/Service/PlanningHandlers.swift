public import KinerjaProto
public import KinerjaService
public import KinerjaStore
public import Foundation
import GRDB
import KinerjaIdentity

/// The planning service's RPC handlers. One file per area (`Handlers/…`); this file holds what
/// they share: the store, identity (the directory), the clock, and the write helpers that make
/// a change, its audit entry and its idempotency record one transaction.
public final class PlanningHandlers: Planning.PlanningService.ServiceProtocol, Sendable {
    let store: Store
    let directory: IdentityDirectory
    let configuration: PlanningConfiguration
    let clock: @Sendable () -> Date

    /// Handlers over `store` (opened with ``PlanningSchema/migrations``), asking identity through `directory`.
    public init(store: Store, directory: IdentityDirectory, configuration: PlanningConfiguration,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.directory = directory
        self.configuration = configuration
        self.clock = clock
    }

    /// Seconds since the epoch, now.
    var nowSeconds: Int64 { Int64(clock().timeIntervalSince1970) }
    /// The WITA day now.
    var today: Common.Date { Wita.today(now: clock()) }

    /// The acting principal of the current call.
    func actor() throws -> PlanningActor {
        let access = try Access.required()
        return PlanningActor(principal: access.caller.principal, kind: access.caller.principalKind, now: nowSeconds)
    }

    /// Runs a change in one write transaction, honouring `idempotency-key`.
    func write<Request: ProtoMessage, Response: ProtoMessage>(
        _ context: ServerContext, _ request: Request,
        _ body: @escaping @Sendable (Database, PlanningActor) throws -> Response
    ) async throws -> Response {
        let actor = try actor()
        return try await store.write(idempotencyKey: context.metadata[Metadata.WellKnownKey.idempotencyKey],
                                     principal: actor.principal, method: context.method.path,
                                     request: try request.serializedBytes()) { db in try body(db, actor) }
    }

    /// Appends the success entry of a change inside its transaction.
    func audit(_ db: Database, _ context: ServerContext, _ actor: PlanningActor, target: String, detail: String = "") throws {
        try AuditLog.append(AuditRecord(principal: actor.principal, principalKind: actor.kind, action: context.method.path,
                                        target: target, outcome: .success, detail: detail, requestID: context.requestID,
                                        peerAddress: context.remoteAddress ?? ""), at: clock(), in: db)
    }

    /// A stamp for an SKP field.
    func stamp(_ actor: PlanningActor) -> Common.AuditStamp {
        Common.AuditStamp(principal: actor.principal, principalKind: actor.kind, at: Common.Timestamp(seconds: actor.now, nanos: 0))
    }
}

/// Who changes something and when.
struct PlanningActor: Sendable {
    var principal: String
    var kind: Common.PrincipalKind
    var now: Int64
}
