public import KinerjaProto
import KinerjaASN
public import KinerjaService
import Synchronization

/// What reporting asks planning: the SKP in force on a day (a single report), and targets of many
/// employees for a period (bulk rows, progress, compliance) in batched streamed calls — never one
/// call per employee of a unit.
///
/// Every method throws UNAVAILABLE when planning cannot answer: a report is never accepted or
/// measured against a guess.
public protocol PlanningSource: Sendable {
    /// The SKP version in force for `nip` on `date` (approved, else the latest version), with the
    /// newer version awaiting approval when `ikiID` is only there; nil when no SKP covers the day.
    func skpInForce(nip: String, on date: Common.Date, ikiID: String) async throws -> SkpInForce?
    /// The targets of `nips` for `period` (provisional where nothing is approved), by NIP.
    func targets(nips: [String], period: Common.Period) async throws -> [String: Planning.EmployeeTargets]
    /// The targets of `nips` for `period` per SKP covering days of it (several after a transfer),
    /// in period order, by NIP (StreamTargets with `per_skp`).
    func targetsPerSkp(nips: [String], period: Common.Period) async throws -> [String: [Planning.EmployeeTargets]]
}

/// Planning over the protocol with the reporting service's own certificate: `GetCurrentSkp` for a
/// single report (exact: covered days, several SKPs in a year), `StreamTargets` with up to 1 000
/// NIPs a call for everything else; answers are reused for `ttl`.
public final class LivePlanningSource: PlanningSource, IdleReleasable {
    private let client: Planning.PlanningService.Client
    private let ttl: Duration
    private struct Entry<Value: Sendable>: Sendable {
        var value: Value
        var stored: ContinuousClock.Instant
    }
    private let skps = Mutex<[String: Entry<SkpInForce?>]>([:])
    private let cachedTargets = Mutex<[String: Entry<[Planning.EmployeeTargets]>]>([:])

    /// A source asking planning through `client`, reusing answers for `ttl`.
    public init(client: Planning.PlanningService.Client, ttl: Duration = .seconds(30)) {
        self.client = client
        self.ttl = ttl
        FreedMemory.register(self)
    }

    /// Drops the expired answers (a quiet service: after the demo seeding they were thousands).
    public func releaseIdle() {
        let (now, ttl) = (ContinuousClock.now, self.ttl)
        skps.withLock { $0 = $0.filter { now - $0.value.stored < ttl } }
        cachedTargets.withLock { $0 = $0.filter { now - $0.value.stored < ttl } }
    }

    private func ask<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError where error.code == .notFound || error.code == .invalidArgument {
            throw error
        } catch let error as RPCError {
            throw RPCError(.unavailable, "planning cannot answer (\(error.code)): retry later", reason: "PLANNING_UNAVAILABLE")
        } catch {
            throw RPCError(.unavailable, "planning is unreachable: retry later", reason: "PLANNING_UNAVAILABLE")
        }
    }

    public func skpInForce(nip: String, on date: Common.Date, ikiID: String) async throws -> SkpInForce? {
        let key = "\(nip)|\(date.isoString)"
        let now = ContinuousClock.now
        var found: SkpInForce??
        if let hit = skps.withLock({ $0[key] }), now - hit.stored < ttl { found = hit.value }
        if found == nil {
            do {
                let response = try await ask {
                    try await client.getCurrentSkp(Planning.GetCurrentSkpRequest(nip: nip, year: date.year, onDate: date))
                }
                found = response.skp.flatMap { SkpInForce($0) }
            } catch let error as RPCError where error.code == .notFound {
                found = .some(nil)
            }
            skps.withLock { $0[key] = Entry(value: found ?? nil, stored: now); if $0.count > 50_000 { $0.removeAll() } }
        }
        guard let inForce = found ?? nil else { return nil }
        // An IKI only in a newer version awaiting approval deserves a clear answer (not NOT_FOUND).
        guard !ikiID.isEmpty, inForce.iki(ikiID) == nil else { return inForce }
        let latest = try await ask { try await client.getSkp(Planning.GetSkpRequest(skpID: inForce.skp.skpID)) }.skp
        guard let latest, latest.version > inForce.skp.version else { return inForce }
        return SkpInForce(inForce.skp, pending: latest) ?? inForce
    }

    public func targets(nips: [String], period: Common.Period) async throws -> [String: Planning.EmployeeTargets] {
        try await fetchTargets(nips: nips, period: period, perSkp: false).compactMapValues(\.first)
    }

    public func targetsPerSkp(nips: [String], period: Common.Period) async throws -> [String: [Planning.EmployeeTargets]] {
        try await fetchTargets(nips: nips, period: period, perSkp: true)
    }

    /// Planning's rows for `nips` (one per employee, or with `perSkp` one per SKP), cached per NIP, period and kind.
    private func fetchTargets(nips: [String], period: Common.Period, perSkp: Bool) async throws -> [String: [Planning.EmployeeTargets]] {
        let suffix = "|" + QualitativeRecords.key(period) + (perSkp ? "|per-skp" : "")
        let now = ContinuousClock.now
        var out: [String: [Planning.EmployeeTargets]] = [:]
        var missing: [String] = []
        cachedTargets.withLock { cache in
            for nip in Set(nips) {
                if let hit = cache[nip + suffix], now - hit.stored < ttl { out[nip] = hit.value } else { missing.append(nip) }
            }
        }
        for batch in missing.sorted().chunked(1000) {
            let request = Planning.StreamTargetsRequest(population: .nips(Common.NipList(nips: Array(batch))), period: period,
                                                        allowProvisional: true, perSkp: perSkp)
            let rows = try await ask {
                try await client.streamTargets(request) { responses in
                    var rows: [Planning.EmployeeTargets] = []
                    for try await response in responses { if let targets = response.targets { rows.append(targets) } }
                    return rows
                }
            }
            var fetched: [String: [Planning.EmployeeTargets]] = [:]
            for row in rows { if let nip = row.employee?.nip { fetched[nip, default: []].append(row) } }
            cachedTargets.withLock { cache in
                if cache.count > 100_000 { cache.removeAll() }
                for (nip, value) in fetched { cache[nip + suffix] = Entry(value: value, stored: now) }
            }
            out.merge(fetched) { _, new in new }
        }
        return out
    }
}

extension SkpInForce {
    /// The SKP in force as planning's targets for a year describe it (bulk rows): its id,
    /// version, state, approach, penilai, RHKs and IKIs with their annual targets. Targets carry
    /// no covered days, so the whole year is taken (docs/REPORTING.md, "Planning"); nil without an SKP.
    public init?(targets: Planning.EmployeeTargets, year: Int32) {
        guard targets.availability == .approved || targets.availability == .provisional, !targets.skpID.isEmpty else { return nil }
        var skp = Planning.Skp()
        skp.skpID = targets.skpID
        skp.nip = targets.employee?.nip ?? ""
        skp.year = year
        skp.version = targets.skpVersion
        skp.state = targets.skpState
        skp.atasanNIP = targets.atasanNIP
        skp.approach = targets.approach
        for target in targets.targets {
            let iki = Planning.Iki(ikiID: target.ikiID, rhkID: target.rhkID, aspek: target.aspek, indicator: target.indicator,
                                   annualTarget: target.annualTarget, aggregation: target.aggregation)
            if let index = skp.rhks.firstIndex(where: { $0.rhkID == target.rhkID }) {
                skp.rhks[index].ikis.append(iki)
            } else {
                skp.rhks.append(Planning.Rhk(rhkID: target.rhkID, kind: target.rhkKind, text: target.rhkText, ikis: [iki]))
            }
        }
        self.init(skp)
    }
}
