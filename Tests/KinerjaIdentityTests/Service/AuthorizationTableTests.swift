import Foundation
import KinerjaIdentity
import KinerjaProto
import KinerjaService
import KinerjaTestSupport
import Testing

@Suite("Identity's authorisation table")
struct AuthorizationTableTests {
    @Test("every identity method has an entry (default deny would otherwise lock it)")
    func complete() {
        for method in Identity.IdentityService.descriptor.methods {
            #expect(IdentityAuthorization.table.rule(for: method.path) != nil, "no rule for \(method.method)")
        }
        #expect(IdentityAuthorization.table.rules.count == Identity.IdentityService.descriptor.methods.count)
    }

    @Test("only sign-in methods ignore tokens; nothing but the published keys and unit reads is open without a user")
    func openMethods() {
        let open = Identity.IdentityService.descriptor.methods.filter { method in
            IdentityAuthorization.table.rule(for: method.path)?.grants.contains { $0 == .anyPeer || $0 == .signIn } == true
        }.map(\.method).sorted()
        #expect(open == ["GetUnit", "GetUnitTree", "ListSigningKeys", "ListUnits", "Login", "RefreshToken", "WhoAmI"])
    }

    @Test("audit reading is limited to auditor and admin")
    func audit() {
        for method in [Identity.IdentityService.Method.listAuditEvents, Identity.IdentityService.Method.verifyAuditChain] {
            #expect(IdentityAuthorization.table.rule(for: method.path)?.grants == [.role(.auditor), .role(.admin)])
        }
    }
}
