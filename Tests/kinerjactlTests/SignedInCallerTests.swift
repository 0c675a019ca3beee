import KinerjaProto
import Testing
@testable import kinerjactl

/// Authenticated calls: the bearer token, refresh before expiry, and what UNAUTHENTICATED means.
@Suite("Signed-in calls")
struct SignedInCallerTests {
    static let now: Int64 = 10_000

    private func pair(_ n: Int, accessExpires: Int64) -> Identity.TokenPair {
        Identity.TokenPair(accessToken: "A\(n)", accessTokenExpiresAt: Common.Timestamp(seconds: accessExpires),
                           refreshToken: "R\(n)", refreshTokenExpiresAt: Common.Timestamp(seconds: Self.now + 3_600),
                           sessionID: "S1")
    }

    private func setUp(accessExpires: Int64, _ respond: @escaping FakeIdentityTransport.Responder) throws
        -> (SignedInCaller, FakeIdentityTransport, TemporaryDirectory) {
        let temporary = try TemporaryDirectory()
        let store = SessionStore(path: temporary.path + "/session.json")
        try store.save(StoredSession(server: "127.0.0.1:7401", nip: "199001012015031001",
                                     tokens: pair(1, accessExpires: accessExpires)))
        let transport = FakeIdentityTransport(respond)
        var caller = SignedInCaller(client: Identity.IdentityService.Client(transport: transport), store: store,
                                    timeout: .seconds(5))
        caller.now = { Self.now }
        return (caller, transport, temporary)
    }

    private static func whoami() throws -> [UInt8] {
        try Identity.WhoAmIResponse(principal: "199001012015031001").serializedBytes()
    }

    @Test("a token valid for more than 30 s is sent as it is, as `authorization: Bearer <access>`")
    func freshToken() async throws {
        let (caller, transport, temporary) = try setUp(accessExpires: Self.now + 600) { _, _, _ in try Self.whoami() }
        defer { temporary.remove() }
        _ = try await caller.call { try await $0.whoAmI(.init(), options: $1) }
        #expect(transport.calls.map(\.method) == ["WhoAmI"])
        #expect(transport.calls[0].metadata["authorization"] == "Bearer A1")
    }

    @Test("a token within 30 s of expiry is refreshed first and the new pair is saved")
    func refreshesFirst() async throws {
        let fresh = pair(2, accessExpires: Self.now + 900)
        let (caller, transport, temporary) = try setUp(accessExpires: Self.now + 20) { method, _, _ in
            method == "RefreshToken" ? try Identity.RefreshTokenResponse(tokens: fresh).serializedBytes() : try Self.whoami()
        }
        defer { temporary.remove() }
        _ = try await caller.call { try await $0.whoAmI(.init(), options: $1) }
        #expect(transport.calls.map(\.method) == ["RefreshToken", "WhoAmI"])
        #expect(try transport.calls[0].decoded(Identity.RefreshTokenRequest.self).first?.refreshToken == "R1")
        #expect(transport.calls[0].metadata["authorization"] == nil)
        #expect(transport.calls[1].metadata["authorization"] == "Bearer A2")
        let saved = try #require(try caller.store.load())
        #expect(saved.accessToken == "A2")
        #expect(saved.refreshToken == "R2")
        #expect(TemporaryDirectory.mode(caller.store.path) == 0o600)
    }

    @Test("a refused refresh says the session expired (exit 77)")
    func refreshRefused() async throws {
        let (caller, _, temporary) = try setUp(accessExpires: Self.now - 5) { _, _, _ in
            throw RPCError(.unauthenticated, "refresh token revoked")
        }
        defer { temporary.remove() }
        let error = try await #require(throws: CLIError.self) {
            try await caller.call { try await $0.whoAmI(.init(), options: $1) }
        }
        #expect(ErrorReporting.report(error).line == "error: UNAUTHENTICATED: session expired: run kinerjactl login")
        #expect(ErrorReporting.report(error).exitStatus == 77)
    }

    @Test("UNAUTHENTICATED from a call means the session expired, except where it means a wrong password")
    func unauthenticatedCall() async throws {
        let (caller, _, temporary) = try setUp(accessExpires: Self.now + 600) { _, _, _ in
            throw RPCError(.unauthenticated, "wrong password")
        }
        defer { temporary.remove() }
        let expired = try await #require(throws: CLIError.self) {
            try await caller.call { try await $0.whoAmI(.init(), options: $1) }
        }
        #expect(expired.message == "session expired: run kinerjactl login")
        let wrongPassword = try await #require(throws: RPCError.self) {
            try await caller.call(sessionExpiredOnUnauthenticated: false) {
                try await $0.changePassword(.init(currentPassword: "x", newPassword: "y"), options: $1)
            }
        }
        #expect(wrongPassword.message == "wrong password")
    }

    @Test("without a session file the command asks the user to sign in")
    func notSignedIn() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let caller = SignedInCaller(client: Identity.IdentityService.Client(transport: FakeIdentityTransport { _, _, _ in [] }),
                                    store: SessionStore(path: temporary.path + "/none.json"), timeout: .seconds(1))
        let error = try await #require(throws: CLIError.self) { try await caller.freshSession() }
        #expect(error.message == "not signed in: run kinerjactl login")
        #expect(error.code.exitStatus == 77)
    }

    @Test("an idempotency key travels as `idempotency-key` metadata")
    func idempotencyKey() async throws {
        let (caller, transport, temporary) = try setUp(accessExpires: Self.now + 600) { _, _, _ in try Self.whoami() }
        defer { temporary.remove() }
        _ = try await caller.call(idempotencyKey: "import-0123456789abcdef-0") { try await $0.whoAmI(.init(), options: $1) }
        #expect(transport.calls[0].metadata["idempotency-key"] == "import-0123456789abcdef-0")
    }
}
