public import Foundation
public import KinerjaEvaluation
public import KinerjaFeedback
public import KinerjaProto
public import KinerjaReporting
public import KinerjaRPC
public import KinerjaService
import GRDB
import KinerjaASN
import KinerjaStore
import Synchronization

/// A real evaluation service in-process beside a real identity service (who rates whom: the
/// pejabat penilai model with its Plt and the non-ASN Wali Kota), with its peers either
/// - `.stand-in`: ``StandInEvidence`` (the progress, SKPs and summaries a test sets) and
///   ``RecordingLocks`` (what reporting and planning are told; can be made to fail), or
/// - `.real`: real planning (demo SKPs), reporting and feedback services, reached over mutual
///   TLS with evaluation's own certificate, exactly as deployed.
public final class EvaluationFixture: Sendable {
    /// Which peers the service talks to.
    public enum Peers: Sendable {
        /// Stand-ins set by the test.
        case standIn
        /// Real planning (demo SKPs), reporting and feedback.
        case real
    }

    /// Identity.
    public let identity: IdentityFixture
    /// Planning (real peers only).
    public let planning: PlanningFixture?
    /// Reporting (real peers only).
    public let reporting: ServiceFixture<ReportingDefinition>?
    /// Feedback (real peers only).
    public let feedback: ServiceFixture<FeedbackDefinition>?
    /// The evaluation service, as every service fixture.
    public let service: ServiceFixture<EvaluationDefinition>
    /// The stand-in evidence (stand-in peers only).
    public let evidence: StandInEvidence?
    /// The stand-in locks (stand-in peers only).
    public let locks: RecordingLocks?
    private let signedIn = Mutex<[String: CallOptions]>([:])

    /// The handlers (in-process calls in tests).
    public var handlers: EvaluationHandlers {
        get throws {
            guard let handlers = service.host.parts.services.first as? EvaluationHandlers else { throw TestFailure("no evaluation handlers") }
            return handlers
        }
    }

    /// Starts identity and evaluation with `peers`; `configure` adjusts evaluation's section;
    /// `identityCacheSeconds` how long evaluation reuses identity's answers.
    /// With real peers and `demo`, reporting and feedback seed their demo data (seed 2026) and
    /// evaluation its demo evaluations.
    public static func start(peers: Peers = .standIn, demo: Bool = false, identityCacheSeconds: Int = 30,
                             configure: (inout EvaluationConfiguration) -> Void = { _ in }) async throws -> EvaluationFixture {
        var section = EvaluationConfiguration()
        section.notifyRetrySeconds = 3600
        configure(&section)
        switch peers {
        case .standIn:
            let identity = try await IdentityFixture.start()
            let evidence = StandInEvidence()
            let locks = RecordingLocks()
            do {
                let service = try await ServiceFixture<EvaluationDefinition>.start(
                    section: section, peers: ["identity": identity.port],
                    common: { $0.identityClient.cacheSeconds = identityCacheSeconds; $0.identityClient.revocationStalenessSeconds = 60 },
                    inject: { assembly in
                        assembly.inject("evidence", evidence)
                        assembly.inject("locks", locks)
                    })
                return EvaluationFixture(identity: identity, planning: nil, reporting: nil, feedback: nil, service: service, evidence: evidence, locks: locks)
            } catch {
                await identity.stop()
                throw error
            }
        case .real:
            let planning = try await PlanningFixture.start(identityCacheSeconds: identityCacheSeconds, demoSeed: IdentityFixture.seed)
            let identity = planning.identity
            var started: [@Sendable () async -> Void] = [{ await planning.stop() }]
            do {
                var reportingSection = ReportingConfiguration()
                reportingSection.bulkClients = ["siak-dukcapil": "KPG.DUKCAPIL"]
                if demo { reportingSection.demoSeed = IdentityFixture.seed }
                let reporting = try await ServiceFixture<ReportingDefinition>.start(
                    section: reportingSection, peers: ["identity": identity.port, "planning": planning.port])
                started.insert({ await reporting.stop() }, at: 0)
                var feedbackSection = FeedbackConfiguration()
                if demo { feedbackSection.demoSeed = IdentityFixture.seed }
                let feedback = try await ServiceFixture<FeedbackDefinition>.start(
                    section: feedbackSection, peers: ["identity": identity.port, "planning": planning.port, "reporting": reporting.port])
                started.insert({ await feedback.stop() }, at: 0)
                if demo {
                    section.demoSeed = IdentityFixture.seed
                    section.demoTppRuleFile = TestPKI.root + "/deploy/config/tpp-rule.sample.json"
                    section.demoSiasnReferencesFile = TestPKI.root + "/deploy/config/siasn-references.sample.json"
                }
                let service = try await ServiceFixture<EvaluationDefinition>.start(
                    section: section,
                    peers: ["identity": identity.port, "planning": planning.port, "reporting": reporting.port, "feedback": feedback.port],
                    common: { $0.identityClient.cacheSeconds = identityCacheSeconds; $0.identityClient.revocationStalenessSeconds = 60 })
                return EvaluationFixture(identity: identity, planning: planning, reporting: reporting, feedback: feedback, service: service,
                                         evidence: nil, locks: nil)
            } catch {
                for stop in started { await stop() }
                throw error
            }
        }
    }

    private init(identity: IdentityFixture, planning: PlanningFixture?, reporting: ServiceFixture<ReportingDefinition>?,
                 feedback: ServiceFixture<FeedbackDefinition>?, service: ServiceFixture<EvaluationDefinition>, evidence: StandInEvidence?,
                 locks: RecordingLocks?) {
        self.identity = identity
        self.planning = planning
        self.reporting = reporting
        self.feedback = feedback
        self.service = service
        self.evidence = evidence
        self.locks = locks
    }

    /// Evaluation presenting `peer`'s certificate.
    public func client(_ peer: TestPeer) -> Evaluation.EvaluationService.Client {
        guard let transport = try? service.transport(as: peer) else { preconditionFailure("no test certificate for \(peer)") }
        return Evaluation.EvaluationService.Client(transport: transport)
    }

    /// Evaluation over the operator's machine certificate (users send their token).
    public var client: Evaluation.EvaluationService.Client { client(.client("operator")) }
    /// Evaluation over the HR portal's certificate (no token).
    public var hrPortal: Evaluation.EvaluationService.Client { client(.client("hr-portal")) }

    /// Reporting over the operator's certificate (real peers only).
    public var reportingClient: Reporting.ReportingService.Client? {
        guard let reporting, let transport = try? reporting.transport(as: .client("operator")) else { return nil }
        return Reporting.ReportingService.Client(transport: transport)
    }

    /// Planning over the operator's certificate (real peers only).
    public var planningClient: Planning.PlanningService.Client? { planning?.client }

    /// A demo persona signed in (pegawai, atasan, pimpinan, pengelola, auditor, admin, walikota, plt).
    public func signIn(_ persona: String) async throws -> CallOptions {
        if let known = signedIn.withLock({ $0[persona] }) { return known }
        let options = try await identity.signIn(persona)
        signedIn.withLock { $0[persona] = options }
        return options
    }

    /// Any demo employee signed in (pengelola kinerja resets their password, as identity's real flow).
    public func signIn(nip: String) async throws -> CallOptions {
        if let known = signedIn.withLock({ $0[nip] }) { return known }
        if let persona = identity.organisation.users.first(where: { $0.nip == nip })?.persona { return try await signIn(persona) }
        let options = try await identity.signIn(nip: nip)
        signedIn.withLock { $0[nip] = options }
        return options
    }

    /// The NIP of a demo persona.
    public func nip(_ persona: String) throws -> String { try identity.nip(persona) }

    /// The unit id of a demo unit code.
    public func unitID(_ code: String) async throws -> String { try await identity.unitID(code) }

    /// Every active demo employee as identity knows them (unit ids are identity's).
    public func employees() async throws -> [Identity.Employee] {
        let nips = try await identity.store.pool.read { db in try String.fetchAll(db, sql: "SELECT nip FROM employee ORDER BY nip") }
        let options = try await signIn("pengelola")
        var out: [Identity.Employee] = []
        for batch in nips.chunked(400) {
            let found = try await identity.client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: batch), options: options)
            out += found.employees.filter { $0.status == .aktif }
        }
        return out
    }

    /// The pejabat penilai identity names today for `nips`.
    public func penilai(of nips: [String]) async throws -> [String: Identity.PejabatPenilai] {
        let options = try await signIn("pengelola")
        let today = Wita.today(now: Date())
        var out: [String: Identity.PejabatPenilai] = [:]
        for batch in nips.chunked(400) {
            let found = try await identity.client.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: batch, onDate: today), options: options)
            for answer in found.penilai { out[answer.nip] = answer }
        }
        return out
    }

    /// A fingerprint of every evaluation table except the audit log, to show a refused call changed nothing.
    public func snapshot() async throws -> String {
        try await service.store.pool.read { db in
            var parts: [String] = []
            for table in EvaluationSchema.dataTables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                parts.append("\(table):\(rows.count):\(rows.map(\.description).joined().hashValue)")
            }
            return parts.joined(separator: "|")
        }
    }

    /// Audit entries of evaluation for an action prefix, oldest first.
    public func auditEvents(action: String = "") async throws -> [Common.AuditEvent] {
        var prefix = Common.AuditEventFilter()
        prefix.actionPrefix = action
        let filter = prefix
        return try await service.store.pool.read { db in try AuditLog.events(matching: filter, after: 0, limit: 100_000, in: db) }
    }

    /// Stops evaluation, then its peers.
    public func stop() async {
        await service.stop()
        if let feedback { await feedback.stop() }
        if let reporting { await reporting.stop() }
        if let planning { await planning.stop() } else { await identity.stop() }
    }
}

/// Runs `body` with a fresh evaluation fixture and always stops it.
public func withEvaluation<T>(peers: EvaluationFixture.Peers = .standIn, demo: Bool = false, identityCacheSeconds: Int = 30,
                              configure: (inout EvaluationConfiguration) -> Void = { _ in },
                              _ body: (EvaluationFixture) async throws -> T) async throws -> T {
    let fixture = try await EvaluationFixture.start(peers: peers, demo: demo, identityCacheSeconds: identityCacheSeconds, configure: configure)
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}

/// What a test says planning, reporting and feedback answer: who has an approved SKP (everyone
/// asked, unless listed in `withoutSkp`), each employee's progress per period, their 360° summary.
public final class StandInEvidence: KinerjaEvaluation.EvidenceSource {
    private struct State {
        var withoutSkp: Set<String> = []
        var approach: [String: Planning.SkpApproach] = [:]
        var expectations: [String: [Planning.BehaviourExpectation]] = [:]
        var progress: [String: [String: Reporting.EmployeeProgress]] = [:]
        var behaviour: [String: [String: Feedback.BehaviourSummary]] = [:]
        var calls: [String] = []
        var unavailable = false
    }
    private let state = Mutex(State())

    public init() {}

    static func key(_ period: Common.Period) -> String { "\(period.year)/\(period.kind.rawValue)/\(period.month)/\(period.triwulan.rawValue)" }

    /// These employees have no SKP in force (they are left out of a new period's population).
    public func setWithoutSkp(_ nips: Set<String>) { state.withLock { $0.withoutSkp = nips } }
    /// The SKP approach of an employee (Kualitatif for descriptive targets).
    public func setApproach(_ approach: Planning.SkpApproach, for nip: String) { state.withLock { $0.approach[nip] = approach } }
    /// The ekspektasi khusus of an employee's SKP (planning's behaviour expectations).
    public func setExpectations(_ expectations: [Planning.BehaviourExpectation], for nip: String) {
        state.withLock { $0.expectations[nip] = expectations }
    }
    /// Reporting's progress of an employee for a period.
    public func setProgress(_ progress: Reporting.EmployeeProgress, for nip: String, period: Common.Period) {
        state.withLock { $0.progress[Self.key(period), default: [:]][nip] = progress }
    }
    /// Feedback's 360° summary of an employee for a period.
    public func setBehaviour(_ summary: Feedback.BehaviourSummary, for nip: String, period: Common.Period) {
        state.withLock { $0.behaviour[Self.key(period), default: [:]][nip] = summary }
    }
    /// Every peer then answers UNAVAILABLE (or answers again).
    public func setUnavailable(_ unavailable: Bool) { state.withLock { $0.unavailable = unavailable } }
    /// The calls made, e.g. `progress(unit)`, `targets(12)` (for "no call per employee").
    public var calls: [String] { state.withLock { $0.calls } }

    private func record(_ call: String) throws {
        let unavailable = state.withLock { state -> Bool in
            state.calls.append(call)
            return state.unavailable
        }
        if unavailable { throw RPCError(.unavailable, "the stand-in peer is down", reason: "PEER_UNAVAILABLE") }
    }

    public func progress(unit: Common.UnitScope, period: Common.Period) async throws -> [String: [Reporting.EmployeeProgress]] {
        try record("progress(unit)")
        return state.withLock { ($0.progress[Self.key(period)] ?? [:]).mapValues { [$0] } }
    }

    public func progress(nip: String, period: Common.Period) async throws -> [Reporting.EmployeeProgress] {
        try record("progress(nip)")
        return state.withLock { $0.progress[Self.key(period)]?[nip].map { [$0] } ?? [] }
    }

    public func targets(nips: [String], period: Common.Period) async throws -> [String: Planning.EmployeeTargets] {
        try record("targets(\(nips.count))")
        return state.withLock { state in
            var out: [String: Planning.EmployeeTargets] = [:]
            for nip in nips {
                var targets = Planning.EmployeeTargets(employee: Common.EmployeeRef(nip: nip), period: period, availability: .noSkp)
                if !state.withoutSkp.contains(nip) {
                    targets.availability = .approved
                    targets.skpID = "skp-\(nip)"
                    targets.skpVersion = 1
                    targets.skpState = .disetujui
                    targets.approach = state.approach[nip] ?? .kuantitatif
                    targets.behaviourExpectations = state.expectations[nip] ?? []
                    let progress = state.progress.values.compactMap { $0[nip] }.first
                    targets.targets = progress?.ikis.map { Planning.IkiTarget(rhkID: $0.rhkID, rhkKind: $0.rhkKind, ikiID: $0.ikiID, aspek: $0.aspek,
                                                                              indicator: $0.indicator, periodTarget: $0.target) } ?? []
                }
                out[nip] = targets
            }
            return out
        }
    }

    public func behaviour(unit: Common.UnitScope, period: Common.Period) async throws -> [String: Feedback.BehaviourSummary] {
        try record("behaviour(unit)")
        return state.withLock { $0.behaviour[Self.key(period)] ?? [:] }
    }

    public func behaviour(nip: String, period: Common.Period) async throws -> Feedback.BehaviourSummary? {
        try record("behaviour(nip)")
        return state.withLock { $0.behaviour[Self.key(period)]?[nip] }
    }
}

/// Records what evaluation tells reporting and planning; `failing` makes every call UNAVAILABLE
/// (the peer is down), to show the notifications wait and are retried.
public final class RecordingLocks: PeerLocks {
    private struct State {
        var reportLocks: [Reporting.PeriodLock] = []
        var reportUnlocks: [String] = []
        var revisionLocks: [Planning.SkpRevisionLock] = []
        var revisionUnlocks: [String] = []
        var failing = false
    }
    private let state = Mutex(State())

    public init() {}

    /// Makes every call fail (or succeed again).
    public func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }
    /// Locks reporting received, in order.
    public var reportLocks: [Reporting.PeriodLock] { state.withLock { $0.reportLocks } }
    /// Lock ids reporting was told to remove, in order.
    public var reportUnlocks: [String] { state.withLock { $0.reportUnlocks } }
    /// Locks planning received, in order.
    public var revisionLocks: [Planning.SkpRevisionLock] { state.withLock { $0.revisionLocks } }
    /// Lock ids planning was told to remove, in order.
    public var revisionUnlocks: [String] { state.withLock { $0.revisionUnlocks } }

    private func check() throws {
        if state.withLock({ $0.failing }) { throw RPCError(.unavailable, "connection refused (stand-in peer down)") }
    }

    public func lockReports(_ request: Reporting.LockPeriodRequest) async throws {
        try check()
        state.withLock { $0.reportLocks.append(request.lock ?? .init()) }
    }

    public func unlockReports(_ request: Reporting.UnlockPeriodRequest) async throws {
        try check()
        state.withLock { $0.reportUnlocks.append(request.lockID) }
    }

    public func lockRevisions(_ request: Planning.LockSkpRevisionsRequest) async throws {
        try check()
        state.withLock { $0.revisionLocks.append(request.lock ?? .init()) }
    }

    public func unlockRevisions(_ request: Planning.UnlockSkpRevisionsRequest) async throws {
        try check()
        state.withLock { $0.revisionUnlocks.append(request.lockID) }
    }
}
