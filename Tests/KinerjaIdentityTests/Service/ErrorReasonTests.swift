import Foundation
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// One error story: UNAUTHENTICATED answers carry an ErrorInfo reason, so a client tells a wrong
/// password (ask again) from an expired token (refresh) from a revoked session (sign in again).
@Suite("Error reasons")
struct ErrorReasonTests {
    func failure<T>(_ body: () async throws -> T) async -> RPCError? {
        do { _ = try await body(); return nil } catch let error as RPCError { return error } catch { return nil }
    }

    func domain(_ error: RPCError?) -> String? {
        for detail in error?.details ?? [] { if case .errorInfo(let info) = detail.detail { return info.domain } }
        return nil
    }

    @Test("a wrong password, a malformed or forged token, a missing token and a revoked session each name their reason, in identity's domain")
    func reasons() async throws {
        try await withIdentity { f in
            let nip = try f.nip("pegawai")
            let wrong = await failure { try await f.client.login(Identity.LoginRequest(nip: nip, password: "salah-sekali-passwordnya")) }
            #expect(wrong?.code == .unauthenticated && wrong?.reason == "WRONG_PASSWORD")
            #expect(domain(wrong) == "identity.kinerja.kupangkota.go.id")

            let malformed = await failure { try await f.client.whoAmI(Identity.WhoAmIRequest(), options: IdentityFixture.bearer("not-a-token")) }
            #expect(malformed?.code == .unauthenticated && malformed?.reason == "TOKEN_INVALID")

            let missing = await failure { try await f.client.listSessions(Identity.ListSessionsRequest()) }
            #expect(missing?.code == .unauthenticated && missing?.reason == "SIGN_IN_REQUIRED")

            let options = try await f.signIn("pegawai")
            _ = try await f.client.logout(Identity.LogoutRequest(), options: options)
            let ended = await failure { try await f.client.listSessions(Identity.ListSessionsRequest(), options: options) }
            #expect(ended?.code == .unauthenticated && ended?.reason == "SESSION_ENDED")

            let denied = await failure { try await f.client.rotateSigningKey(Identity.RotateSigningKeyRequest(reason: "x"),
                                                                            options: try await f.signIn("pegawai")) }
            #expect(denied?.code == .permissionDenied && denied?.reason == "METHOD_NOT_ALLOWED")
        }
    }
}
