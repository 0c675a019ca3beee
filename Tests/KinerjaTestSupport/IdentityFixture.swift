public import KinerjaASN
public import KinerjaDemo
public import Foundation
public import GRDB
public import KinerjaCrypto
public import KinerjaIdentity
public import KinerjaProto
public import KinerjaRPC
public import KinerjaService
public import KinerjaStore
public import KinerjaTLS
import Synchronization

/// A real identity service in-process: its own SQLite file, the Kupang demo organisation,
/// mutual TLS on a loopback port, and clients with the operator certificate (or another).
public final class IdentityFixture: Sendable {
    public static let demoPassword = "kinerja-demo-kupang"
    public static let seed: UInt64 = 2026

    /// The service, as every service fixture.
    public let service: ServiceFixture<IdentityDefinition>
    public let bootstrap: BootstrapResult
    public let organisation: DemoOrganisation

    public var directory: String { service.folder }
    public var runtime: ServiceRuntime { service.runtime }
    public var port: Int { service.port }
    /// The handlers (in-process calls in tests).
    public var handlers: IdentityHandlers {
        get throws {
            guard let handlers = service.host.parts.services.first as? IdentityHandlers else { throw TestFailure("no identity handlers") }
            return handlers
        }
    }

    /// The store (for checking that a refused call changed nothing).
    public var store: Store { runtime.store }

    public static func start(configure: (inout IdentityConfiguration) -> Void = { _ in }) async throws -> IdentityFixture {
        var configuration = IdentityConfiguration()
        // Fast hashing for tests; one test checks the recommended parameters separately.
        configuration.passwordHash = PasswordHashParameters(algorithm: .scrypt, scryptLogN: 10, scryptR: 8, scryptP: 1)
        configuration.demoSeed = seed
        configuration.demoPassword = demoPassword
        configure(&configuration)
        let section = configuration
        // The store is bootstrapped before the service starts, with a known one-time password, so
        // the service finds it filled and the test knows what was created.
        let created = Mutex<BootstrapResult?>(nil)
        let service = try await ServiceFixture<IdentityDefinition>.start(section: section, before: { folder in
            let store = try Store(configuration: StoreConfiguration(path: "\(folder)/identity.sqlite"), migrations: IdentitySchema.migrations)
            let result = try await IdentityBootstrap.run(store: store, configuration: section,
                                                         environment: ["KINERJA_BOOTSTRAP_PASSWORD": "bootstrap-one-time-pw"])
            try store.close()
            created.withLock { $0 = result }
        })
        guard let bootstrap = created.withLock({ $0 }) else {
            await service.stop()
            throw TestFailure("bootstrap did not run on an empty store")
        }
        let organisation = KupangDemo(seed: seed).organisation(today: Wita.today(now: Date()))
        return IdentityFixture(service: service, bootstrap: bootstrap, organisation: organisation)
    }

    private init(service: ServiceFixture<IdentityDefinition>, bootstrap: BootstrapResult, organisation: DemoOrganisation) {
        self.service = service
        self.bootstrap = bootstrap
        self.organisation = organisation
    }

    /// A client over the operator's machine certificate.
    public var client: Identity.IdentityService.Client { Identity.IdentityService.Client(transport: transport(.client("operator"))) }
    /// A client over the HR portal's certificate.
    public var hrPortal: Identity.IdentityService.Client { Identity.IdentityService.Client(transport: transport(.client("hr-portal"))) }
    /// A client over the planning service's certificate.
    public var planningService: Identity.IdentityService.Client { Identity.IdentityService.Client(transport: transport(.service("planning"))) }

    /// A connection presenting `peer`'s certificate.
    public func transport(_ peer: TestPeer) -> RPCClient {
        // The test PKI has every certificate the fixtures use; a missing one is a broken test setup.
        guard let transport = try? service.transport(as: peer) else { preconditionFailure("no test certificate for \(peer)") }
        return transport
    }

    /// The NIP of a demo persona (pegawai, atasan, pimpinan, pengelola, admin, auditor).
    public func nip(_ persona: String) throws -> String {
        guard let user = organisation.user(persona: persona) else { throw TestFailure("no persona \(persona)") }
        return user.nip
    }

    /// Signs a persona in; returns call options carrying its access token.
    public func signIn(_ persona: String) async throws -> CallOptions {
        let nip = try nip(persona)
        if persona == "admin" {
            // The admin's one-time password must be changed first.
            let first = try await client.login(Identity.LoginRequest(nip: nip, password: "bootstrap-one-time-pw"))
            let options = Self.bearer(first.tokens?.accessToken ?? "")
            let changed = try await client.changePassword(Identity.ChangePasswordRequest(
                currentPassword: "bootstrap-one-time-pw", newPassword: "admin-kupang-sangat-rahasia"), options: options)
            return Self.bearer(changed.tokens?.accessToken ?? "")
        }
        let response = try await client.login(Identity.LoginRequest(nip: nip, password: Self.demoPassword))
        return Self.bearer(response.tokens?.accessToken ?? "")
    }

    /// Signs in any employee: pengelola kinerja issue a one-time password, the employee changes
    /// it, and the session goes on with full tokens (the protocol's own path, no shortcut).
    public func signIn(nip: String) async throws -> CallOptions {
        let hr = try await signIn("pengelola")
        let reset = try await client.resetPassword(Identity.ResetPasswordRequest(nip: nip, reason: "test sign-in"), options: hr)
        let first = try await client.login(Identity.LoginRequest(nip: nip, password: reset.oneTimePassword))
        let changed = try await client.changePassword(Identity.ChangePasswordRequest(
            currentPassword: reset.oneTimePassword, newPassword: "kinerja-test-\(nip.suffix(6))-rahasia"), options: Self.bearer(first.tokens?.accessToken ?? ""))
        return Self.bearer(changed.tokens?.accessToken ?? "")
    }

    public static func bearer(_ token: String, idempotencyKey: String? = nil) -> CallOptions {
        var metadata = Metadata()
        metadata.add(Metadata.WellKnownKey.authorization, "Bearer \(token)")
        if let idempotencyKey { metadata.add(Metadata.WellKnownKey.idempotencyKey, idempotencyKey) }
        return CallOptions(timeout: .seconds(30), metadata: metadata)
    }

    /// The unit id of a demo unit code.
    public func unitID(_ code: String) async throws -> String {
        guard let id = try await store.pool.read({ db in try String.fetchOne(db, sql: "SELECT unit_id FROM unit WHERE code = ?", arguments: [code]) }) else {
            throw TestFailure("no unit \(code)")
        }
        return id
    }

    /// A fingerprint of every table except the audit log, to show a refused call changed nothing.
    public func snapshot() async throws -> String {
        try await store.pool.read { db in
            var parts: [String] = []
            for table in ["unit", "employee", "supervisor_assignment", "acting_assignment", "role_grant", "account", "session", "refresh_token", "signing_key", "idempotency"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1")
                parts.append("\(table):\(rows.count):\(rows.map { $0.description }.joined().hashValue)")
            }
            return parts.joined(separator: "|")
        }
    }

    /// Audit entries recorded for an action path, newest last.
    public func auditEvents(action: String) async throws -> [Common.AuditEvent] {
        var prefix = Common.AuditEventFilter()
        prefix.actionPrefix = action
        let filter = prefix
        return try await store.pool.read { db in try AuditLog.events(matching: filter, after: 0, limit: 10_000, in: db) }
    }

    public func stop() async {
        await service.stop()
    }
}

/// Runs `body` with a fresh identity fixture and always stops it.
public func withIdentity<T>(configure: (inout IdentityConfiguration) -> Void = { _ in },
                     _ body: (IdentityFixture) async throws -> T) async throws -> T {
    let fixture = try await IdentityFixture.start(configure: configure)
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}

/// The status code of a failed call (nil when it succeeded).
public func statusCode<T>(_ body: () async throws -> T) async -> RPCError.Code? {
    do {
        _ = try await body()
        return nil
    } catch let error as RPCError {
        return error.code
    } catch {
        return .unknown
    }
}

extension Identity.IdentityService.Client {
    /// Sends `messages` as one ImportEmployees client stream.
    public func importEmployees(_ messages: [Identity.ImportEmployeesRequest], options: CallOptions) async throws -> Identity.ImportEmployeesResponse {
        try await importEmployees(options: options) { writer in
            for message in messages { try await writer.write(message) }
        }
    }
}
