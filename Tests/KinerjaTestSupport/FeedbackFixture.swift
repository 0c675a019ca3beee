public import Foundation
public import KinerjaFeedback
public import KinerjaProto
public import KinerjaRPC
public import KinerjaService
import GRDB
import KinerjaStore
import Synchronization

/// A real feedback service in-process next to real identity and planning services
/// (``PlanningFixture``): feedback reaches both over mutual TLS with its own service certificate,
/// exactly as deployed. The citizen kiosk issues for Dukcapil, DPMPTSP and Dinas Kesehatan (with
/// their sub-units). Reporting is absent unless a test gives a transport for it.
public final class FeedbackFixture: Sendable {
    /// Identity and planning.
    public let planning: PlanningFixture
    /// The feedback service, as every service fixture.
    public let service: ServiceFixture<FeedbackDefinition>
    private let signedIn = Mutex<[String: CallOptions]>([:])

    /// Identity.
    public var identity: IdentityFixture { planning.identity }
    /// The feedback runtime (its store).
    public var runtime: ServiceRuntime { service.runtime }
    /// Its port.
    public var port: Int { service.port }
    /// The handlers (in-process calls in tests).
    public var handlers: FeedbackHandlers {
        get throws {
            guard let handlers = service.host.parts.services.first as? FeedbackHandlers else { throw TestFailure("no feedback handlers") }
            return handlers
        }
    }

    /// The kiosks of every fixture: the citizen kiosk serves these organisations (and their sub-units).
    public static let kioskUnits = ["KPG.DUKCAPIL", "KPG.DPMPTSP", "KPG.DINKES"]

    /// Starts identity (demo organisation), planning (demo SKPs when `planningDemo`) and feedback
    /// (demo feedback when `demoSeed`); `reporting` stands in for the reporting service;
    /// `configure` adjusts feedback's section.
    public static func start(planningDemo: Bool = false, demoSeed: UInt64? = nil, reporting: (any ClientTransport)? = nil,
                             configure: (inout FeedbackConfiguration) -> Void = { _ in }) async throws -> FeedbackFixture {
        let planning = try await PlanningFixture.start(demoSeed: planningDemo ? IdentityFixture.seed : nil)
        var section = FeedbackConfiguration()
        section.kiosks = ["citizen-kiosk": kioskUnits]
        section.demoSeed = demoSeed
        configure(&section)
        do {
            let service = try await ServiceFixture<FeedbackDefinition>.start(
                section: section, peers: ["identity": planning.identity.port, "planning": planning.port],
                common: { $0.identityClient.cacheSeconds = 30 },
                inject: { assembly in if let reporting { assembly.inject("reporting", reporting) } })
            return FeedbackFixture(planning: planning, service: service)
        } catch {
            await planning.stop()
            throw error
        }
    }

    private init(planning: PlanningFixture, service: ServiceFixture<FeedbackDefinition>) {
        self.planning = planning
        self.service = service
    }

    private func feedback(_ peer: TestPeer) -> Feedback.FeedbackService.Client {
        guard let transport = try? service.transport(as: peer) else { preconditionFailure("no test certificate for \(peer)") }
        return Feedback.FeedbackService.Client(transport: transport)
    }

    /// Feedback over the operator's machine certificate (users send their token).
    public var client: Feedback.FeedbackService.Client { feedback(.client("operator")) }
    /// Feedback over the citizen kiosk's certificate (no token).
    public var kiosk: Feedback.FeedbackService.Client { feedback(.client("citizen-kiosk")) }
    /// Feedback over the HR portal's certificate.
    public var hrPortal: Feedback.FeedbackService.Client { feedback(.client("hr-portal")) }
    /// Feedback over the evaluation service's certificate.
    public var evaluation: Feedback.FeedbackService.Client { feedback(.service("evaluation")) }

    /// A demo persona signed in (pegawai, atasan, pimpinan, pengelola, auditor, admin).
    public func signIn(_ persona: String) async throws -> CallOptions {
        if let known = signedIn.withLock({ $0[persona] }) { return known }
        let options = try await identity.signIn(persona)
        signedIn.withLock { $0[persona] = options }
        return options
    }

    /// Any demo employee signed in: pengelola kinerja resets their password, they sign in with the
    /// one-time password and choose their own (identity's real flow).
    public func signIn(nip: String) async throws -> CallOptions {
        if let known = signedIn.withLock({ $0[nip] }) { return known }
        let hr = try await signIn("pengelola")
        let reset = try await identity.client.resetPassword(Identity.ResetPasswordRequest(nip: nip, reason: "akun uji umpan balik"), options: hr)
        let first = try await identity.client.login(Identity.LoginRequest(nip: nip, password: reset.oneTimePassword))
        let password = "Umpan-balik-uji-\(nip.suffix(6))-Kupang"
        let changed = try await identity.client.changePassword(
            Identity.ChangePasswordRequest(currentPassword: reset.oneTimePassword, newPassword: password),
            options: IdentityFixture.bearer(first.tokens?.accessToken ?? ""))
        let options = IdentityFixture.bearer(changed.tokens?.accessToken ?? "")
        signedIn.withLock { $0[nip] = options }
        return options
    }

    /// `options` with an idempotency key.
    public static func keyed(_ options: CallOptions, _ key: String) -> CallOptions {
        var copy = options
        copy.metadata.add(Metadata.WellKnownKey.idempotencyKey, key)
        return copy
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

    /// A fingerprint of every feedback table except the audit log, to show a refused call changed nothing.
    public func snapshot() async throws -> String {
        try await service.store.pool.read { db in
            var parts: [String] = []
            for table in FeedbackSchema.dataTables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1")
                parts.append("\(table):\(rows.count):\(rows.map { $0.description }.joined().hashValue)")
            }
            return parts.joined(separator: "|")
        }
    }

    /// Audit entries of feedback for an action prefix, oldest first.
    public func auditEvents(action: String = "") async throws -> [Common.AuditEvent] {
        var prefix = Common.AuditEventFilter()
        prefix.actionPrefix = action
        let filter = prefix
        return try await service.store.pool.read { db in try AuditLog.events(matching: filter, after: 0, limit: 100_000, in: db) }
    }

    public func stop() async {
        await service.stop()
        await planning.stop()
    }
}

/// Runs `body` with fresh identity, planning and feedback services and always stops them.
public func withFeedback<T>(planningDemo: Bool = false, demoSeed: UInt64? = nil, reporting: (any ClientTransport)? = nil,
                            configure: (inout FeedbackConfiguration) -> Void = { _ in },
                            _ body: (FeedbackFixture) async throws -> T) async throws -> T {
    let fixture = try await FeedbackFixture.start(planningDemo: planningDemo, demoSeed: demoSeed, reporting: reporting, configure: configure)
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}

extension Array {
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
