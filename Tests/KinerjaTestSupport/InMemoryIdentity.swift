public import Foundation
public import KinerjaDemo
public import KinerjaIdentityClient
public import KinerjaProto
public import KinerjaService
import KinerjaASN
public import KinerjaCrypto

/// Identity without a running identity service: the demo organisation in an ``InMemoryDirectory``
/// (unit codes serve as unit ids) and tokens signed by a test key that the service under test
/// trusts. For handler tests that do not need identity's own rules; the tests against a real
/// identity stay beside them.
public final class InMemoryIdentity: Sendable {
    /// The organisation (seed ``IdentityFixture/seed``).
    public let organisation: DemoOrganisation
    /// The directory the service asks.
    public let directory: InMemoryDirectory
    private let signer: AccessTokenSigner
    private let key: VerificationKey

    /// The demo organisation of `seed` on today's WITA day.
    public init(seed: UInt64 = IdentityFixture.seed) throws {
        let organisation = KupangDemo(seed: seed).organisation(today: Wita.today(now: Date()))
        self.organisation = organisation
        let units = organisation.units.map { demo -> Identity.Unit in
            var unit = demo.unit
            unit.unitID = demo.code
            unit.parentUnitID = demo.parentCode ?? ""
            return unit
        }
        let employees = organisation.employees.map { demo -> Identity.Employee in
            var employee = demo.employee
            employee.unitID = demo.unitCode
            employee.atasanNIP = demo.atasanNIP ?? ""
            employee.unitHead = organisation.unit(code: demo.unitCode)?.headNIP == employee.nip
            return employee
        }
        directory = InMemoryDirectory(employees: employees, units: units)
        let privateKey = try Ed25519PrivateKey()
        signer = AccessTokenSigner(keyID: "in-memory-test", privateKey: privateKey)
        key = VerificationKey(keyID: "in-memory-test", publicKey: privateKey.publicKey,
                              notBefore: Date().addingTimeInterval(-3600), notAfter: Date().addingTimeInterval(86_400))
    }

    /// What a service assembles instead of reaching identity.
    public var connection: IdentityConnection {
        IdentityConnection(directory: directory, authentication: Authentication(keys: StaticKeySource(keys: [key])))
    }

    /// Injects ``connection`` into a service's assembly (``ServiceFixture/start(section:peers:common:before:inject:)``).
    public func inject<Section>(_ assembly: ServiceAssembly<Section>) {
        assembly.inject("identity", connection)
    }

    /// The NIP of a demo persona.
    public func nip(_ persona: String) throws -> String {
        guard let user = organisation.user(persona: persona) else { throw TestFailure("no persona \(persona)") }
        return user.nip
    }

    /// Call options with a token for `persona`, with the persona's roles (scopes by unit code).
    public func signIn(_ persona: String) throws -> CallOptions {
        guard let user = organisation.user(persona: persona) else { throw TestFailure("no persona \(persona)") }
        let roles = [Identity.RoleClaim(role: .pegawai)] + user.roles.map {
            Identity.RoleClaim(role: $0.role, scopeUnitIDs: $0.scopeUnitCodes, includeSubunits: $0.includeSubunits)
        }
        return try token(nip: user.nip, unitID: user.unitCode, roles: roles)
    }

    /// Call options with a token for any employee, as a plain pegawai.
    public func signIn(nip: String) throws -> CallOptions {
        guard let employee = organisation.employee(nip: nip) else { throw TestFailure("no employee \(nip)") }
        return try token(nip: nip, unitID: employee.unitCode, roles: [Identity.RoleClaim(role: .pegawai)])
    }

    private func token(nip: String, unitID: String, roles: [Identity.RoleClaim]) throws -> CallOptions {
        let now = Date()
        let claims = Identity.AccessTokenClaims(
            issuer: AccessTokenVerifier.issuer, subject: nip, audience: ["kinerja"],
            issuedAt: Common.Timestamp(now), notBefore: Common.Timestamp(now), expiresAt: Common.Timestamp(now.addingTimeInterval(600)),
            tokenID: UUID().uuidString, sessionID: UUID().uuidString, roles: roles, unitID: unitID)
        return IdentityFixture.bearer(try signer.sign(claims))
    }
}

/// Verification keys given up front (tests).
public struct StaticKeySource: VerificationKeySource {
    let given: [VerificationKey]

    /// A source answering `keys`.
    public init(keys: [VerificationKey]) {
        given = keys
    }

    public func keys() async throws -> [VerificationKey] { given }
    public func refreshedKeys() async throws -> [VerificationKey] { given }
}
