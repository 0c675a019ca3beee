public import KinerjaProto
public import KinerjaService
public import KinerjaStore
public import Foundation
public import KinerjaIdentityClient
import GRDB
import KinerjaASN
import Synchronization

/// The reporting service's RPC handlers. One file per area (`Handlers/…`); this file holds what
/// they share: the store, the evidence store, identity (the directory) and planning, the clock,
/// the calendar, and the write path that makes a change, its audit entry and its idempotency
/// record one transaction.
public final class ReportingHandlers: Reporting.ReportingService.ServiceProtocol, StoreBackedService {
    /// The reporting store.
    public let store: Store
    /// The content-addressed evidence store beside it.
    public let evidence: EvidenceStore
    let directory: any IdentityDirectory
    let planning: any PlanningSource
    let configuration: ReportingConfiguration
    /// The clock.
    public let clock: @Sendable () -> Date
    private let calendarCache = Mutex<WorkingDayCalendar?>(nil)
    /// Evidence uploads received at once (`reporting.upload_slots`).
    public let uploads: WorkPool

    /// Handlers over `store` (opened with ``ReportingSchema/migrations``) and `evidence`, asking
    /// identity through `directory` and planning through `planning`.
    public init(store: Store, evidence: EvidenceStore, directory: any IdentityDirectory, planning: any PlanningSource,
                configuration: ReportingConfiguration, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.evidence = evidence
        self.directory = directory
        self.planning = planning
        self.configuration = configuration
        self.clock = clock
        self.uploads = WorkPool(name: "evidence uploads", limit: configuration.uploadSlots)
    }

    /// The WITA day now.
    var today: Common.Date { Wita.today(now: clock()) }

    /// Identity's view of units and teams.
    var organisation: Organisation { Organisation(directory: directory) }

    // MARK: Calendar

    /// The working-day calendar (every stored non-working day), read once and kept until a
    /// change to the calendar.
    func calendar() async throws -> WorkingDayCalendar {
        if let cached = calendarCache.withLock({ $0 }) { return cached }
        let loaded = try await ProgressReader.calendar(in: store)
        calendarCache.withLock { $0 = loaded }
        return loaded
    }

    /// Forgets the cached calendar (after SetNonWorkingDay and RemoveNonWorkingDay).
    func calendarChanged() { calendarCache.withLock { $0 = nil } }

    // MARK: People

    /// The signed-in caller (UNAUTHENTICATED otherwise).
    func user() throws -> AuthenticatedUser {
        guard let user = try Access.required().caller.user else {
            throw RPCError(.unauthenticated, "sign in first: this call acts for a signed-in employee", reason: "SIGN_IN_REQUIRED")
        }
        return user
    }

    /// The employee with `nip` per identity (NOT_FOUND when unknown).
    func employee(_ nip: String) async throws -> Identity.Employee {
        guard let employee = try await directory.employee(nip) else {
            throw RPCError(.notFound, "identity knows no employee with NIP \(nip)", reason: "EMPLOYEE_NOT_FOUND")
        }
        return employee
    }

    /// The unit `id` (NOT_FOUND when identity does not know it).
    func requireUnit(_ id: String, field: String) async throws {
        try Invalid.requireID(id, field)
        guard try await directory.ancestors(of: id) != nil else { throw RPCError(.notFound, "no unit \(id)", reason: "UNIT_NOT_FOUND") }
    }

    /// Fails with PERMISSION_DENIED (audited) unless the caller is `nip`'s atasan langsung per
    /// identity now (an acting Plt./Plh. included).
    func requireAtasanLangsung(of nip: String, doing what: String) async throws {
        let access = try Access.required()
        let caller = try user().nip
        try await access.require(.atasanLangsung, target: nip, message: "only \(nip)'s atasan langsung (per identity) \(what)") { [directory] in
            if caller == nip { return false }
            return try await directory.relation(atasan: caller, of: nip).direct
        }
    }

    /// True when the caller may read `nip`'s reports (no audit; for filtering).
    func mayRead(_ nip: String) async throws -> Bool {
        try await Access.required().allows(.employee(nip: nip))
    }

    /// Reads a report the caller may see: NOT_FOUND for an unknown report and for one the
    /// caller may not read (the denial is audited).
    func visibleReport(_ reportID: String) async throws -> ReportRecords.Stored {
        try Invalid.requireID(reportID, "report_id")
        guard let stored = try await store.read({ db in try ReportRecords.fetch(reportID, in: db) }) else {
            throw RPCError(.notFound, "no report \(reportID)", reason: "REPORT_NOT_FOUND")
        }
        do {
            try await Access.required().require(.employee(nip: stored.report.nip))
        } catch let error as RPCError where error.code == .permissionDenied {
            throw RPCError(.notFound, "no report \(reportID)", reason: "REPORT_NOT_FOUND")
        }
        return stored
    }

    // MARK: Reading reports out

    /// Fills `review_due_date` and `review_overdue` of reports as of now, per author's unit
    /// (its calendar closures and policy).
    func annotated(_ stored: [ReportRecords.Stored]) async throws -> [Reporting.DailyReport] {
        guard stored.contains(where: { $0.report.state == .diajukan }) else { return stored.map(\.report) }
        let calendar = try await calendar()
        let paths = try await organisation.paths(of: Set(stored.map(\.unitID)))
        let policies = try await store.read { db in try PolicyBook.load(db) }
        let now = clock()
        return stored.map { entry in
            var report = entry.report
            let path = paths[entry.unitID] ?? [entry.unitID]
            ReviewDeadline.annotate(&report, now: now, policy: policies.effective(path: path), calendar: calendar, unitPath: path)
            return report
        }
    }

    // MARK: Disk

    /// Runs blocking file work (the evidence store) off the connection's event loop.
    func offLoop<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await withTaskExecutorPreference(globalConcurrentExecutor) { try await body() }
    }
}
