public import KinerjaProto
public import KinerjaService
public import KinerjaStore
public import Foundation
import GRDB
import KinerjaASN
public import KinerjaIdentityClient

/// The planning service's RPC handlers. One file per area (`Handlers/…`); this file holds what
/// they share: the store, identity (the directory), the clock, and the write helpers that make
/// a change, its audit entry and its idempotency record one transaction.
public final class PlanningHandlers: Planning.PlanningService.ServiceProtocol, StoreBackedService {
    /// The planning store.
    public let store: Store
    let directory: any IdentityDirectory
    let configuration: PlanningConfiguration
    /// The clock.
    public let clock: @Sendable () -> Date

    /// Handlers over `store` (opened with ``PlanningSchema/migrations``), asking identity through `directory`.
    public init(store: Store, directory: any IdentityDirectory, configuration: PlanningConfiguration,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.directory = directory
        self.configuration = configuration
        self.clock = clock
    }

    /// The WITA day now.
    var today: Common.Date { Wita.today(now: clock()) }

    /// The SKP year `requested` means (0: the current WITA year, ``SkpPeriod/year(requested:today:)``),
    /// checked: INVALID_ARGUMENT naming `field` outside 2000–2100.
    func skpYear(_ requested: Int32, field: String = "year") throws -> Int32 {
        let year = SkpPeriod.year(requested: requested, today: today)
        try Invalid.requireYear(year, field)
        return year
    }

    /// A stamp for an SKP field.
    func stamp(_ actor: PlanningActor) -> Common.AuditStamp { actor.stamp }
}

/// Who changes something and when (the shared write path's actor).
typealias PlanningActor = ChangeActor
