import Foundation
import KinerjaProto
import KinerjaService
import KinerjaCrypto
import Synchronization
import Testing

@Suite("Grants and the authorisation interceptor's decisions")
struct GrantTests {
    func caller(peer: String, user: AuthenticatedUser? = nil) -> Caller {
        var caller = Caller(context: ServerContext(method: Identity.IdentityService.Method.whoAmI, requestID: "r", peer: peer))
        caller.user = user
        return caller
    }

    let planning = "spiffe://kinerja.kupangkota.go.id/service/planning"
    let hrPortal = "spiffe://kinerja.kupangkota.go.id/client/hr-portal"

    @Test("a service identity comes from the certificate's URI SAN, a machine client likewise")
    func peers() {
        #expect(caller(peer: planning).peer == .service("planning"))
        #expect(caller(peer: hrPortal).peer == .client("hr-portal"))
        #expect(caller(peer: "spiffe://elsewhere.example/service/planning").peer == .unknown)
        #expect(caller(peer: planning).principalKind == .service)
    }

    @Test("relationship grants need a signed-in user and are decided with the target, not up front")
    func relationships() {
        for grant in [Grant.roleInScope(.pimpinan), .targetSelf, .atasanOfTarget, .sameUnitAsTarget, .withinTargetUnit] {
            #expect(grant.isRelationship)
            #expect(grant.needsUser)
        }
        for grant in [Grant.signIn, .anyPeer, .service("x"), .anyService, .client("x"), .anyClient] {
            #expect(!grant.isRelationship)
            #expect(!grant.needsUser)
        }
    }

    @Test("a user's role claims carry scope; a user is the audit principal when present")
    func users() {
        let user = AuthenticatedUser(nip: "199001012015031001", unitID: "U1",
                                     roles: [Identity.RoleClaim(role: .pegawai), Identity.RoleClaim(role: .pimpinan, scopeUnitIDs: ["U1"])])
        let c = caller(peer: "spiffe://kinerja.kupangkota.go.id/client/operator", user: user)
        #expect(c.principal == "199001012015031001")
        #expect(c.principalKind == .user)
        #expect(user.claims(for: .pimpinan).first?.scopeUnitIDs == ["U1"])
        #expect(user.claims(for: .admin).isEmpty)
    }
}

@Suite("Verifying tokens with identity's published keys")
struct TokenAuthenticatorTests {
    final class Fetches: Sendable {
        let count = Mutex(0)
    }

    func published(_ key: Ed25519PrivateKey, id: String) -> Identity.ListSigningKeysResponse {
        let now = Int64(Date().timeIntervalSince1970)
        return Identity.ListSigningKeysResponse(keys: [Identity.SigningKey(
            keyID: id, algorithm: "Ed25519", publicKey: key.publicKey.rawRepresentation,
            notBefore: Common.Timestamp(seconds: now - 3600, nanos: 0), notAfter: Common.Timestamp(seconds: now + 3600, nanos: 0), state: .active)],
            cacheTtlSeconds: 300)
    }

    func token(_ key: Ed25519PrivateKey, id: String, audience: String = "kinerja") throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        var claims = Identity.AccessTokenClaims()
        claims.issuer = AccessTokenVerifier.issuer
        claims.subject = "199001012015031001"
        claims.audience = [audience]
        claims.issuedAt = Common.Timestamp(seconds: now, nanos: 0)
        claims.notBefore = Common.Timestamp(seconds: now, nanos: 0)
        claims.expiresAt = Common.Timestamp(seconds: now + 600, nanos: 0)
        claims.tokenID = "t1"
        claims.sessionID = "s1"
        return try AccessTokenSigner(keyID: id, privateKey: key).sign(claims)
    }

    @Test("keys are fetched once and cached; a token signed by a key identity rotated in since is accepted after one refetch")
    func refreshOnUnknownKey() async throws {
        let old = Ed25519PrivateKey(), new = Ed25519PrivateKey()
        let fetches = Fetches()
        let current = Mutex("old")
        let source = RemoteKeySource(minimumRefreshInterval: .zero) { [self] in
            fetches.count.withLock { $0 += 1 }
            return current.withLock { $0 } == "old" ? published(old, id: "k-old") : published(new, id: "k-new")
        }
        let authenticator = TokenAuthenticator(audience: "kinerja.planning.v1.PlanningService", keys: source)
        let first = try await authenticator.authenticate(header: "Bearer " + (try token(old, id: "k-old")))
        #expect(first.nip == "199001012015031001")
        _ = try await authenticator.authenticate(header: "Bearer " + (try token(old, id: "k-old")))
        #expect(fetches.count.withLock { $0 } == 1)
        current.withLock { $0 = "new" }
        _ = try await authenticator.authenticate(header: "Bearer " + (try token(new, id: "k-new")))
        #expect(fetches.count.withLock { $0 } == 2)
    }

    @Test("a token for another service, a forged key id or a malformed header is UNAUTHENTICATED")
    func rejections() async throws {
        let key = Ed25519PrivateKey()
        let source = RemoteKeySource(minimumRefreshInterval: .seconds(60)) { [self] in published(key, id: "k1") }
        let authenticator = TokenAuthenticator(audience: "kinerja.planning.v1.PlanningService", keys: source)
        for header in ["Bearer " + (try token(key, id: "k1", audience: "kinerja.identity.v1.IdentityService")),
                       "Bearer " + (try token(Ed25519PrivateKey(), id: "k1")),
                       "Bearer " + (try token(key, id: "k-unknown")),
                       "Basic abc", "Bearer"] {
            await #expect(throws: RPCError.self) { _ = try await authenticator.authenticate(header: header) }
        }
    }

    @Test("identity unreachable: UNAVAILABLE, never a pass")
    func unreachable() async throws {
        struct Down: Error {}
        let authenticator = TokenAuthenticator(audience: "kinerja", keys: RemoteKeySource { throw Down() })
        do {
            _ = try await authenticator.authenticate(header: "Bearer " + (try token(Ed25519PrivateKey(), id: "k1")))
            Issue.record("accepted without keys")
        } catch let error as RPCError {
            #expect(error.code == .unavailable)
        }
    }
}
