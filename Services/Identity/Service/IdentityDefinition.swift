public import KinerjaRPC
public import KinerjaService
public import KinerjaStore
import Foundation
import KinerjaCrypto
public import KinerjaProto

/// The identity service: units, employees, supervisors, roles, accounts and tokens. It answers
/// relationship questions from its own store and verifies tokens with its own keys.
public enum IdentityDefinition: ServiceDefinition {
    public static let name = "identity"
    public static let summary = "The Kinerja identity service: units, employees, supervisors, roles, accounts and tokens."
    public static let descriptor = Identity.IdentityService.descriptor
    public static let migrations = IdentitySchema.migrations
    public static let authorization = IdentityAuthorization.table

    public static func assemble(_ assembly: ServiceAssembly<IdentityConfiguration>) async throws -> ServiceParts {
        let configuration = assembly.section
        let runtime = assembly.runtime
        try await bootstrap(runtime: runtime, configuration: configuration)
        if !configuration.passwordHash.meetsRecommendedStrength {
            runtime.logger.warning("identity.password_hash is weaker than recommended (scrypt N=2^17, r=8, p=1 or PBKDF2-SHA256 600 000); use it only for tests")
        }
        let handlers = IdentityHandlers(store: runtime.store, configuration: configuration)
        try await handlers.prepare()
        let rotation = KeyRotationSchedule(handlers: handlers, days: configuration.keyRotationDays)
        assembly.every(.seconds(3600), name: "signing-key-rotation") { try await rotation.rotateIfDue() }
        assembly.every(.seconds(300), name: "revocation-purge") { try await handlers.purgeRevocations() }
        assembly.retention(RetentionSweep(IdentityRetention.rules))
        return ServiceParts(services: [handlers],
                            authentication: Authentication(keys: handlers.keySource, userGate: handlers.userGate),
                            relationships: IdentityRelationships(store: runtime.store))
    }

    /// Fills an empty store (first administrator, demo organisation) and shows what was created
    /// once, on standard output only (never in the logs).
    static func bootstrap(runtime: ServiceRuntime, configuration: IdentityConfiguration) async throws {
        let created: BootstrapResult?
        do {
            created = try await IdentityBootstrap.run(store: runtime.store, configuration: configuration,
                                                      environment: ProcessInfo.processInfo.environment)
        } catch let error as StoreError {
            throw ConfigurationError(key: "identity.bootstrap", "\(error)")
        }
        guard let created else { return }
        runtime.logger.notice("bootstrap: first administrator created", metadata: [
            "units": "\(created.units)", "employees": "\(created.employees)"])
        var lines = ["bootstrap: administrator NIP \(created.adminNIP)"]
        if let password = created.generatedPassword {
            lines.append("bootstrap: one-time password \(password) (shown once; must be changed at first sign-in; valid 7 days)")
        } else {
            lines.append("bootstrap: one-time password taken from \(IdentityBootstrap.passwordVariable)")
        }
        for persona in created.personas {
            lines.append("demo: \(persona.persona) \(persona.nip) \(persona.name)")
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}

/// Rotates the signing key when the ACTIVE one is older than the configured period.
public struct KeyRotationSchedule: Sendable {
    let handlers: IdentityHandlers
    let every: Int64

    /// A schedule rotating every `days`.
    public init(handlers: IdentityHandlers, days: Int) {
        self.handlers = handlers
        self.every = Int64(max(1, days)) * 86_400
    }

    /// Rotates now when due; returns true when it did.
    @discardableResult
    public func rotateIfDue() async throws -> Bool {
        guard handlers.keys.activeAge(now: handlers.clock()) >= every else { return false }
        let now = handlers.clock()
        let ring = handlers.keys
        try await handlers.store.write { db in
            try ring.rotate(emergency: false, now: now, in: db)
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.signing_key.rotate",
                                            target: "signing-keys", outcome: .success, detail: "scheduled rotation"), at: now, in: db)
        }
        try await ring.reload(now: now)
        return true
    }
}
