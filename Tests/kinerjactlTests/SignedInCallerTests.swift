import KinerjaProto
import Testing
@testable import kinerjactl

/// Calls as the signed-in user, the same for every service: the bearer token (refreshed through
/// identity first when it is about to expire), a request id, the deadline, an idempotency key for
/// writes, and what UNAUTHENTICATED means.
@Suite("Signed-in calls")
struct SignedInCallerTests {
    private static func whoami() throws -> [UInt8] {
        try Identity.WhoAmIResponse(principal: TestSession.nip).serializedBytes()
    }

    private static func skp() throws -> [UInt8] {
        try Planning.GetSkpResponse(skp: Planning.Skp(skpID: "S1")).serializedBytes()
    }

    @Test("identity and planning calls carry the same token, a request id, the deadline and, for writes, the idempotency key")
    func sameForEveryService() async throws {
        let identity = FakeTransport { _, _, _ in try Self.whoami() }
        let planning = FakeTransport { _, _, _ in try Self.skp() }
        let test = try TestSession(timeout: .seconds(7), [.identity: identity, .planning: planning])
        defer { test.temporary.remove() }
        _ = try await test.session.identity.call { try await $0.whoAmI(.init(), options: $1) }
        let planner = try test.session.caller(Planning.PlanningService.Client.self)
        _ = try await planner.call(idempotencyKey: "skp-approve-1") { try await $0.getSkp(.init(skpID: "S1"), options: $1) }
        _ = try await planner.identity.call(idempotencyKey: "grant-role-1") { try await $0.whoAmI(.init(), options: $1) }
        let calls = identity.calls + planning.calls
        #expect(calls.map(\.path) == ["/kinerja.identity.v1.IdentityService/WhoAmI", "/kinerja.identity.v1.IdentityService/WhoAmI",
                                      "/kinerja.planning.v1.PlanningService/GetSkp"])
        for call in calls {
            #expect(call.metadata["authorization"] == "Bearer A1")
            #expect(call.metadata["request-id"] == "ctl-test")
            #expect(call.timeout == .seconds(7))
        }
        #expect(identity.calls[0].metadata["idempotency-key"] == nil)
        #expect(identity.calls[1].metadata["idempotency-key"] == "grant-role-1")
        #expect(planning.calls[0].metadata["idempotency-key"] == "skp-approve-1")
        #expect(planner.server == ServerAddress("127.0.0.1:7402"))
    }

    @Test("a token within 30 s of expiry is refreshed through identity first, also for a planning call, and the new pair is saved")
    func refreshesFirst() async throws {
        let identity = FakeTransport { method, _, _ in
            guard method == "RefreshToken" else { throw RPCError(.internal, "unexpected \(method)") }
            return try Identity.RefreshTokenResponse(tokens: TestSession.pair(2, accessExpires: TestSession.now + 900)).serializedBytes()
        }
        let planning = FakeTransport { _, _, _ in try Self.skp() }
        let test = try TestSession(accessExpires: TestSession.now + 20, [.identity: identity, .planning: planning])
        defer { test.temporary.remove() }
        let planner = try test.session.caller(Planning.PlanningService.Client.self)
        _ = try await planner.call { try await $0.getSkp(.init(skpID: "S1"), options: $1) }
        _ = try await planner.call { try await $0.getSkp(.init(skpID: "S1"), options: $1) }
        #expect(identity.calls.map(\.method) == ["RefreshToken"], "refreshed once, then the saved pair is used")
        #expect(try identity.calls[0].decoded(Identity.RefreshTokenRequest.self).first?.refreshToken == "R1")
        #expect(identity.calls[0].metadata["authorization"] == nil)
        #expect(planning.calls.map { $0.metadata["authorization"] } == ["Bearer A2", "Bearer A2"])
        let saved = try #require(try test.store.load())
        #expect(saved.accessToken == "A2")
        #expect(saved.refreshToken == "R2")
        #expect(TemporaryDirectory.mode(test.store.path) == 0o600)
    }

    @Test("a refused refresh says the session expired (exit 77)")
    func refreshRefused() async throws {
        let identity = FakeTransport { _, _, _ in throw RPCError(.unauthenticated, "refresh token revoked") }
        let test = try TestSession(accessExpires: TestSession.now - 5, [.identity: identity, .planning: TestSession.unused("planning")])
        defer { test.temporary.remove() }
        let error = try await #require(throws: CLIError.self) {
            try await test.session.caller(Planning.PlanningService.Client.self).call { try await $0.getSkp(.init(), options: $1) }
        }
        #expect(ErrorReporting.report(error).line == "error: UNAUTHENTICATED: session expired: run kinerjactl login")
        #expect(ErrorReporting.report(error).exitStatus == 77)
    }

    @Test("UNAUTHENTICATED from identity means the session ended; from another service it keeps that service's reason")
    func unauthenticatedCall() async throws {
        let refusing = { (reason: String) in FakeTransport { _, _, _ in throw RPCError(.unauthenticated, reason) } }
        let test = try TestSession([.identity: refusing("wrong password"), .planning: refusing("token expired")])
        defer { test.temporary.remove() }
        let expired = try await #require(throws: CLIError.self) {
            try await test.session.identity.call { try await $0.whoAmI(.init(), options: $1) }
        }
        #expect(expired.message == "session expired: run kinerjactl login")
        let planning = try await #require(throws: CLIError.self) {
            try await test.session.caller(Planning.PlanningService.Client.self).call { try await $0.getSkp(.init(), options: $1) }
        }
        #expect(planning.message == "the planning service at 127.0.0.1:7402 refused the session (token expired): run kinerjactl login")
        #expect(planning.code.exitStatus == 77)
        let wrongPassword = try await #require(throws: RPCError.self) {
            try await test.session.identity.call(sessionExpiredOnUnauthenticated: false) {
                try await $0.changePassword(.init(currentPassword: "x", newPassword: "y"), options: $1)
            }
        }
        #expect(wrongPassword.message == "wrong password")
    }

    @Test("without a session file the command asks the user to sign in")
    func notSignedIn() async throws {
        let test = try TestSession(signedIn: false, [.identity: TestSession.unused("identity")])
        defer { test.temporary.remove() }
        let error = try await #require(throws: CLIError.self) { try await test.session.freshSession() }
        #expect(error.message == "not signed in: run kinerjactl login")
        #expect(error.code.exitStatus == 77)
    }

    @Test("a command opens each service once and closes every connection when it ends")
    func connectionsOpenOnce() async throws {
        let opened = Recorder<String>()
        let closed = Recorder<String>()
        let connections = ServiceConnections(addresses: { $0.defaultAddress }) { service, _ in
            opened.append(service.name)
            return .init(transport: TestSession.unused(service.name), close: { closed.append(service.name) })
        }
        try await connections.run { connections in
            _ = try connections.client(Planning.PlanningService.Client.self)
            _ = try connections.client(Planning.PlanningService.Client.self)
            _ = try connections.client(Feedback.FeedbackService.Client.self)
        }
        #expect(opened.items == ["planning", "feedback"])
        #expect(Set(closed.items) == ["planning", "feedback"])
    }

    @Test("each call gets its own request id")
    func requestIDs() {
        let policy = CallPolicy(timeout: .seconds(1))
        let first = policy.options().metadata["request-id"] ?? ""
        let second = policy.options().metadata["request-id"] ?? ""
        #expect(first.hasPrefix("ctl-") && first.count == 20)
        #expect(first != second)
        #expect(policy.options(idempotencyKey: "k").idempotent)
        #expect(!policy.options().idempotent)
    }
}
