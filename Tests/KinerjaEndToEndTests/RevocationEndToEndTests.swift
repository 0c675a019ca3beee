import Foundation
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import KinerjaTestSupport
import Testing

/// Token revocation reaches every service (issue 10): a session revoked at identity, or an
/// emergency key rotation, is refused by planning within 5 s, not after the 300 s key cache.
@Suite("Revocation across services (real processes)", .serialized)
struct RevocationEndToEndTests {
    func scratch() throws -> String {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-revocation-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    func client(port: Int, service: String) throws -> RPCClient {
        RPCClient(configuration: ClientConfiguration(host: "127.0.0.1", port: port, serverIdentity: try PeerIdentity(kind: .service, name: service),
                                                     tls: try TestPKI.context(client: "operator")))
    }

    func bearer(_ token: String) -> CallOptions {
        var metadata = Metadata()
        metadata.add(Metadata.WellKnownKey.authorization, "Bearer \(token)")
        return CallOptions(timeout: .seconds(10), metadata: metadata)
    }

    /// Asks planning with `options` until it answers UNAUTHENTICATED with `reason`; the seconds it took, or nil after `limit`.
    func refusal(_ planning: Planning.PlanningService.Client, _ options: CallOptions, reason: String,
                 limit: Duration = .seconds(5)) async throws -> Duration? {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < limit {
            do {
                _ = try await planning.listSkps(Planning.ListSkpsRequest(), options: options)
            } catch let error as RPCError where error.code == .unauthenticated {
                #expect(error.reason == reason, "\(error)")
                return ContinuousClock.now - start
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test("a session revoked at identity is refused by planning within 5 s (SESSION_REVOKED); another session goes on")
    func revokedSession() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false)
        defer { planning.running.stop() }
        let identityClient = try client(port: identity.port, service: "identity")
        let planningClient = try client(port: planning.port, service: "planning")
        defer { Task { await identityClient.close(); await planningClient.close() } }
        let id = Identity.IdentityService.Client(transport: identityClient)
        let plan = Planning.PlanningService.Client(transport: planningClient)

        let nip = try IdentityProcess.persona("pegawai", in: dir)
        let first = try await id.login(Identity.LoginRequest(nip: nip, password: IdentityProcess.demoPassword))
        let second = try await id.login(Identity.LoginRequest(nip: nip, password: IdentityProcess.demoPassword))
        let revoked = bearer(first.tokens?.accessToken ?? "")
        let other = bearer(second.tokens?.accessToken ?? "")
        _ = try await plan.listSkps(Planning.ListSkpsRequest(), options: revoked)

        _ = try await id.revokeSession(Identity.RevokeSessionRequest(sessionID: first.tokens?.sessionID ?? "", reason: "lost phone"), options: other)
        let took = try await refusal(plan, revoked, reason: "SESSION_REVOKED")
        #expect(took != nil, "planning still accepted the revoked session's token after 5 s")
        _ = try await plan.listSkps(Planning.ListSkpsRequest(), options: other)
    }

    @Test("an emergency key rotation at identity makes planning refuse tokens of the old key within 5 s; new tokens work")
    func emergencyRotation() async throws {
        let dir = try scratch()
        let identity = try await IdentityProcess.start(directory: dir)
        defer { identity.running.stop(); try? FileManager.default.removeItem(atPath: dir) }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: false)
        defer { planning.running.stop() }
        let identityClient = try client(port: identity.port, service: "identity")
        let planningClient = try client(port: planning.port, service: "planning")
        defer { Task { await identityClient.close(); await planningClient.close() } }
        let id = Identity.IdentityService.Client(transport: identityClient)
        let plan = Planning.PlanningService.Client(transport: planningClient)

        let pegawai = try await id.login(Identity.LoginRequest(nip: try IdentityProcess.persona("pegawai", in: dir),
                                                              password: IdentityProcess.demoPassword))
        let old = bearer(pegawai.tokens?.accessToken ?? "")
        _ = try await plan.listSkps(Planning.ListSkpsRequest(), options: old)

        // The administrator changes the one-time password first, then rotates in an emergency.
        let adminNIP = try IdentityProcess.persona("admin", in: dir)
        let first = try await id.login(Identity.LoginRequest(nip: adminNIP, password: "bootstrap-one-time-pw"))
        let changed = try await id.changePassword(Identity.ChangePasswordRequest(currentPassword: "bootstrap-one-time-pw",
                                                                                 newPassword: "admin-kupang-sangat-rahasia"),
                                                  options: bearer(first.tokens?.accessToken ?? ""))
        _ = try await id.rotateSigningKey(Identity.RotateSigningKeyRequest(reason: "key compromised", emergency: true),
                                          options: bearer(changed.tokens?.accessToken ?? ""))
        let took = try await refusal(plan, old, reason: "TOKEN_KEY_UNKNOWN")
        #expect(took != nil, "planning still accepted a token of the retired key after 5 s")
        let fresh = try await id.login(Identity.LoginRequest(nip: try IdentityProcess.persona("pegawai", in: dir),
                                                            password: IdentityProcess.demoPassword))
        _ = try await plan.listSkps(Planning.ListSkpsRequest(), options: bearer(fresh.tokens?.accessToken ?? ""))
    }
}
