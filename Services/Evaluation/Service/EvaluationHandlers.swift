public import KinerjaProto
public import KinerjaService
public import KinerjaStore
public import Foundation
public import KinerjaIdentityClient
import GRDB
import KinerjaASN

/// The evaluation service's RPC handlers. One file per area (`Handlers/…`); this file holds what
/// they share: the store, identity (the directory), the peers' evidence, the lock deliverer and
/// the clock. Every change goes through ``StoreBackedService/write(_:_:_:)``: the change, its audit
/// entry and its idempotency record commit in one transaction. The rules are the domain's
/// (`Domain/`): the handlers read, call them and store what they return.
public final class EvaluationHandlers: Evaluation.EvaluationService.ServiceProtocol, StoreBackedService {
    /// The evaluation store.
    public let store: Store
    let directory: any IdentityDirectory
    let evidence: any EvidenceSource
    let deliverer: LockDeliverer
    let configuration: EvaluationConfiguration
    /// Exports streamed at once (`evaluation.export_slots`).
    let exports: WorkPool
    /// The annual koefisien per jenjang (the regulation's, or the file `angka_kredit_koefisien_file` names).
    let angkaKreditTable: AngkaKreditTable
    /// The clock.
    public let clock: @Sendable () -> Date

    /// Handlers over `store` (opened with ``EvaluationSchema/migrations``), asking identity through
    /// `directory`, the peers through `evidence`, and delivering locks through `locks`.
    public init(store: Store, directory: any IdentityDirectory, evidence: any EvidenceSource, locks: any PeerLocks,
                configuration: EvaluationConfiguration, angkaKreditTable: AngkaKreditTable = .permenPANRB2023,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.directory = directory
        self.evidence = evidence
        self.configuration = configuration
        self.exports = WorkPool(name: "exports", limit: configuration.exportSlots)
        self.angkaKreditTable = angkaKreditTable
        self.clock = clock
        self.deliverer = LockDeliverer(store: store, locks: locks, clock: clock)
    }

    /// The WITA day now.
    var today: Common.Date { Wita.today(now: clock()) }

    /// Now, in whole seconds (the precision of every stamp).
    var now: Common.Timestamp { Common.Timestamp(seconds: nowSeconds, nanos: 0) }

    /// A new record id.
    func newID() -> String { ULID.make(now: clock()) }

    /// Delivers the queued lock notifications now; returns how many were delivered and how many are left.
    @discardableResult
    public func deliverLocks() async -> (delivered: Int, pending: Int) {
        await deliverer.deliver()
    }

    /// Share of the period a CLTN or tugas belajar employee must have served to count.
    var minimumServedShare: Double { Double(configuration.minimumServedPercent) / 100 }
}
