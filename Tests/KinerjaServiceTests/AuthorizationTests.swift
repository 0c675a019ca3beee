import Foundation
import KinerjaProto
import KinerjaService
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
