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

/// A real identity service in-process: its own SQLite file, the Kupang demo organisation,
/// mutual TLS on a loopback port, and clients with the operator certificate (or another).
public final class IdentityFixture: Sendable {
    public static let demoPassword = "kinerja-demo-kupang"
    public static let seed: UInt64 = 2026

    public let directory: String
    public let runtime: ServiceRuntime
    public let service: IdentityService
    public let port: Int
    public let bootstrap: BootstrapResult
    public let organisation: DemoOrganisation
    private let clients: [RPCClient]

    /// The store (for checking that a refused call changed nothing).
    public var store: Store { runtime.store }

    public static func start(configure: (inout IdentityConfiguration) -> Void = { _ in }) async throws -> IdentityFixture {
        let pki = try TestPKI.directory()
        let directory = NSTemporaryDirectory() + "kinerja-identity-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let json = """
            {
              "listen": { "host": "127.0.0.1", "port": 0 },
              "store": { "path": "\(directory)/identity.sqlite" },
              "tls": { "certificate": "\(pki)/service/identity.pem", "private_key": "\(pki)/service/identity.key", "trust_roots": "\(pki)/ca.pem" },
              "identity": {}
            }
            """
        try json.write(toFile: "\(directory)/identity.json", atomically: true, encoding: .utf8)
        let loaded = try ConfigurationLoader.load(file: "\(directory)/identity.json", section: "identity", sectionKeys: IdentityConfiguration.keys)
        var configuration = IdentityConfiguration()
        // Fast hashing for tests; one test checks the recommended parameters separately.
        configuration.passwordHash = PasswordHashParameters(algorithm: .scrypt, scryptLogN: 10, scryptR: 8, scryptP: 1)
        configuration.demoSeed = seed
        configuration.demoPassword = demoPassword
        configure(&configuration)
        let runtime = try ServiceRuntime(name: "identity", configuration: loaded.common, migrations: IdentitySchema.migrations)
        guard let bootstrap = try await IdentityBootstrap.run(store: runtime.store, configuration: configuration,
                                                              environment: ["KINERJA_BOOTSTRAP_PASSWORD": "bootstrap-one-time-pw"]) else {
            throw TestFailure("bootstrap did not run on an empty store")
        }
        let service = try await IdentityService(runtime: runtime, configuration: configuration)
        let port = try await service.server.start()
        var clients: [RPCClient] = []
        for name in ["operator", "hr-portal"] {
            clients.append(RPCClient(configuration: ClientConfiguration(
                host: "127.0.0.1", port: port,
                serverIdentity: try PeerIdentity(kind: .service, name: "identity"), tls: try TestPKI.context(client: name))))
        }
        for name in ["planning"] {
            clients.append(RPCClient(configuration: ClientConfiguration(
                host: "127.0.0.1", port: port,
                serverIdentity: try PeerIdentity(kind: .service, name: "identity"), tls: try TestPKI.context(service: name))))
        }
        let organisation = KupangDemo(seed: seed).organisation(today: Wita.today(now: Date()))
        return IdentityFixture(directory: directory, runtime: runtime, service: service, port: port, bootstrap: bootstrap,
                               organisation: organisation, clients: clients)
    }

    private init(directory: String, runtime: ServiceRuntime, service: IdentityService, port: Int, bootstrap: BootstrapResult,
                 organisation: DemoOrganisation, clients: [RPCClient]) {
        self.directory = directory
        self.runtime = runtime
        self.service = service
        self.port = port
        self.bootstrap = bootstrap
        self.organisation = organisation
        self.clients = clients
    }

    /// A client over the operator's machine certificate.
    public var client: Identity.IdentityService.Client { Identity.IdentityService.Client(transport: clients[0]) }
    /// A client over the HR portal's certificate.
    public var hrPortal: Identity.IdentityService.Client { Identity.IdentityService.Client(transport: clients[1]) }
    /// A client over the planning service's certificate.
    public var planningService: Identity.IdentityService.Client { Identity.IdentityService.Client(transport: clients[2]) }

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
            for table in ["unit", "employee", "supervisor_assignment", "role_grant", "account", "session", "refresh_token", "signing_key", "idempotency"] {
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
        for client in clients { await client.close() }
        await service.server.shutdown()
        try? runtime.store.close()
        try? FileManager.default.removeItem(atPath: directory)
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
