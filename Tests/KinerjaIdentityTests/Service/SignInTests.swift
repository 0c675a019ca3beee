import Foundation
import GRDB
import KinerjaCrypto
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Signing in, tokens and sessions over mutual TLS", .serialized)
struct SignInTests {
    @Test("a persona signs in with NIP and password and gets a token pair that identity accepts")
    func signIn() async throws {
        try await withIdentity { f in
            let nip = try f.nip("pegawai")
            let response = try await f.client.login(Identity.LoginRequest(nip: nip, password: IdentityFixture.demoPassword, clientName: "test"))
            let tokens = try #require(response.tokens)
            #expect(response.employee?.nip == nip)
            #expect(!response.mustChangePassword)
            #expect(tokens.refreshToken.count == 43)
            let lifetime = (tokens.accessTokenExpiresAt?.seconds ?? 0) - Int64(Date().timeIntervalSince1970)
            #expect(lifetime > 14 * 60 && lifetime <= 15 * 60)
            let me = try await f.client.whoAmI(Identity.WhoAmIRequest(), options: IdentityFixture.bearer(tokens.accessToken))
            #expect(me.principal == nip)
            #expect(me.principalKind == .user)
            #expect(me.roles.contains { $0.role == .pegawai })
            #expect(me.sessionID == tokens.sessionID)
            let audit = try await f.auditEvents(action: Identity.IdentityService.Method.login.path)
            #expect(audit.contains { $0.principal == nip && $0.outcome == .success })
        }
    }

    @Test("a wrong password and an unknown NIP both answer UNAUTHENTICATED with the same message, audited, and change nothing else")
    func wrongPassword() async throws {
        try await withIdentity { f in
            let nip = try f.nip("pegawai")
            var messages: [String] = []
            for candidate in [nip, "199001012015031999"] {
                do {
                    _ = try await f.client.login(Identity.LoginRequest(nip: candidate, password: "not-the-password"))
                    Issue.record("sign-in with a wrong password succeeded")
                } catch let error as RPCError {
                    #expect(error.code == .unauthenticated)
                    messages.append(error.message)
                }
            }
            #expect(messages.count == 2 && messages[0] == messages[1])
            let failures = try await f.auditEvents(action: Identity.IdentityService.Method.login.path).filter { $0.outcome == .authenticationFailed }
            #expect(failures.count == 2)
            let sessions = try await f.store.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session") }
            #expect(sessions == 0)
        }
    }

    @Test("a malformed NIP or an empty password is INVALID_ARGUMENT")
    func malformed() async throws {
        try await withIdentity { f in
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: "12345", password: "x")) } == .invalidArgument)
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: try f.nip("pegawai"), password: "")) } == .invalidArgument)
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: "19900101201503100x", password: "x")) } == .invalidArgument)
        }
    }

    @Test("five failed sign-ins lock the account: even the right password gets RESOURCE_EXHAUSTED with a retry delay until HR unlocks it")
    func lockout() async throws {
        try await withIdentity(configure: { $0.attemptsPerMinutePerAddress = 1000 }) { f in
            let nip = try f.nip("pegawai")
            for _ in 0..<5 {
                #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: nip, password: "wrong-password")) } == .unauthenticated)
            }
            do {
                _ = try await f.client.login(Identity.LoginRequest(nip: nip, password: IdentityFixture.demoPassword))
                Issue.record("a locked account signed in")
            } catch let error as RPCError {
                #expect(error.code == .resourceExhausted)
                #expect(error.details.contains { if case .retryInfo = $0.detail { return true } else { return false } })
            }
            let account = try await f.client.getAccount(Identity.GetAccountRequest(nip: nip), options: try await f.signIn("pengelola"))
            #expect(account.account?.state == .locked)
            _ = try await f.client.unlockAccount(Identity.UnlockAccountRequest(nip: nip, reason: "verified at the BKPSDM desk"),
                                                 options: try await f.signIn("pengelola"))
            _ = try await f.client.login(Identity.LoginRequest(nip: nip, password: IdentityFixture.demoPassword))
        }
    }

    @Test("sign-in attempts from one address are rate-limited across accounts")
    func addressLimit() async throws {
        try await withIdentity(configure: { $0.attemptsPerMinutePerAddress = 3 }) { f in
            for persona in ["pegawai", "atasan", "pimpinan"] {
                #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: try f.nip(persona), password: "wrong-password")) } == .unauthenticated)
            }
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: try f.nip("auditor"), password: IdentityFixture.demoPassword)) } == .resourceExhausted)
        }
    }

    @Test("behind the web gateway (client/web) each browser's address has its own sign-in bucket, from the client-address metadata")
    func addressLimitPerBrowserBehindGateway() async throws {
        try await withIdentity(configure: { $0.attemptsPerMinutePerAddress = 3 }) { f in
            let web = Identity.IdentityService.Client(transport: f.transport(.client("web")))
            let first = CallOptions(metadata: [Metadata.WellKnownKey.clientAddress: "203.0.113.7"])
            let second = CallOptions(metadata: [Metadata.WellKnownKey.clientAddress: "2001:db8::42"])
            for persona in ["pegawai", "atasan", "pimpinan"] {
                #expect(await statusCode { try await web.login(Identity.LoginRequest(nip: try f.nip(persona), password: "wrong-password"), options: first) } == .unauthenticated)
            }
            #expect(await statusCode { try await web.login(Identity.LoginRequest(nip: try f.nip("auditor"), password: "wrong-password"), options: first) } == .resourceExhausted)
            // Another browser behind the same gateway is not held up by the first one's attempts.
            let other = try await web.login(Identity.LoginRequest(nip: try f.nip("auditor"), password: IdentityFixture.demoPassword), options: second)
            #expect(other.tokens?.accessToken.isEmpty == false)
        }
    }

    @Test("client-address metadata from any caller but client/web is ignored: the peer's own address is limited")
    func clientAddressIgnoredFromOtherClients() async throws {
        try await withIdentity(configure: { $0.attemptsPerMinutePerAddress = 3 }) { f in
            let personas = ["pegawai", "atasan", "pimpinan"]
            for (index, persona) in personas.enumerated() {
                let options = CallOptions(metadata: [Metadata.WellKnownKey.clientAddress: "198.51.100.\(index + 1)"])
                #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: try f.nip(persona), password: "wrong-password"), options: options) } == .unauthenticated)
            }
            let fresh = CallOptions(metadata: [Metadata.WellKnownKey.clientAddress: "198.51.100.99"])
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: try f.nip("auditor"), password: IdentityFixture.demoPassword), options: fresh) } == .resourceExhausted)
        }
    }

    @Test("the sign-in limit's key: the host without the port; the forwarded address only from client/web and only when it is an address")
    func signInAddressKey() {
        #expect(SignInAddress.key(remoteAddress: "127.0.0.1:5123", clientName: "operator", forwarded: "203.0.113.7") == "127.0.0.1")
        #expect(SignInAddress.key(remoteAddress: "127.0.0.1:5123", clientName: nil, forwarded: "203.0.113.7") == "127.0.0.1")
        #expect(SignInAddress.key(remoteAddress: "127.0.0.1:5123", clientName: "web", forwarded: "203.0.113.7") == "web/203.0.113.7")
        #expect(SignInAddress.key(remoteAddress: "127.0.0.1:5123", clientName: "web", forwarded: "2001:DB8::1") == "web/2001:db8::1")
        #expect(SignInAddress.key(remoteAddress: "127.0.0.1:5123", clientName: "web", forwarded: "evil\nhost") == "127.0.0.1")
        #expect(SignInAddress.key(remoteAddress: "127.0.0.1:5123", clientName: "web", forwarded: nil) == "127.0.0.1")
    }

    @Test("a one-time password allows only ChangePassword; after the change the tokens work for every service")
    func oneTimePassword() async throws {
        try await withIdentity { f in
            let nip = f.bootstrap.adminNIP
            let first = try await f.client.login(Identity.LoginRequest(nip: nip, password: "bootstrap-one-time-pw"))
            #expect(first.mustChangePassword)
            let restricted = IdentityFixture.bearer(first.tokens?.accessToken ?? "")
            #expect(await statusCode { try await f.client.listEmployees(Identity.ListEmployeesRequest(), options: restricted) } == .failedPrecondition)
            #expect(await statusCode {
                try await f.client.changePassword(Identity.ChangePasswordRequest(currentPassword: "bootstrap-one-time-pw", newPassword: "short"), options: restricted)
            } == .invalidArgument)
            #expect(await statusCode {
                try await f.client.changePassword(Identity.ChangePasswordRequest(currentPassword: "bootstrap-one-time-pw", newPassword: "password123456"), options: restricted)
            } == .invalidArgument)
            let changed = try await f.client.changePassword(Identity.ChangePasswordRequest(
                currentPassword: "bootstrap-one-time-pw", newPassword: "admin-kupang-sangat-rahasia"), options: restricted)
            let full = IdentityFixture.bearer(changed.tokens?.accessToken ?? "")
            let units = try await f.client.listUnits(Identity.ListUnitsRequest(), options: full)
            #expect(!units.units.isEmpty)
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: nip, password: "bootstrap-one-time-pw")) } == .unauthenticated)
        }
    }

    @Test("a refresh token rotates on use; presenting a spent one ends the whole session")
    func refreshRotation() async throws {
        try await withIdentity { f in
            let login = try await f.client.login(Identity.LoginRequest(nip: try f.nip("pegawai"), password: IdentityFixture.demoPassword))
            let first = try #require(login.tokens)
            let second = try #require(try await f.client.refreshToken(Identity.RefreshTokenRequest(refreshToken: first.refreshToken)).tokens)
            #expect(second.refreshToken != first.refreshToken)
            #expect(second.sessionID == first.sessionID)
            _ = try await f.client.whoAmI(Identity.WhoAmIRequest(), options: IdentityFixture.bearer(second.accessToken))
            // A stolen copy of the first token is replayed.
            #expect(await statusCode { try await f.client.refreshToken(Identity.RefreshTokenRequest(refreshToken: first.refreshToken)) } == .unauthenticated)
            // The whole session is gone: the latest refresh token and the access token stop working.
            #expect(await statusCode { try await f.client.refreshToken(Identity.RefreshTokenRequest(refreshToken: second.refreshToken)) } == .unauthenticated)
            #expect(await statusCode { try await f.client.listSessions(Identity.ListSessionsRequest(), options: IdentityFixture.bearer(second.accessToken)) } == .unauthenticated)
            let reuse = try await f.auditEvents(action: Identity.IdentityService.Method.refreshToken.path)
            #expect(reuse.contains { $0.outcome == .authenticationFailed && $0.detail.contains("reused") })
        }
    }

    @Test("a malformed or unknown refresh token is UNAUTHENTICATED")
    func badRefresh() async throws {
        try await withIdentity { f in
            #expect(await statusCode { try await f.client.refreshToken(Identity.RefreshTokenRequest(refreshToken: "abc")) } == .unauthenticated)
            #expect(await statusCode { try await f.client.refreshToken(Identity.RefreshTokenRequest(refreshToken: RefreshToken.generate().token)) } == .unauthenticated)
        }
    }

    @Test("logout ends the session: its access token and refresh token stop working")
    func logout() async throws {
        try await withIdentity { f in
            let login = try await f.client.login(Identity.LoginRequest(nip: try f.nip("atasan"), password: IdentityFixture.demoPassword))
            let tokens = try #require(login.tokens)
            let options = IdentityFixture.bearer(tokens.accessToken)
            let ended = try await f.client.logout(Identity.LogoutRequest(), options: options)
            #expect(ended.endedSessions == 1)
            #expect(await statusCode { try await f.client.whoAmI(Identity.WhoAmIRequest(), options: options) } == .unauthenticated)
            #expect(await statusCode { try await f.client.refreshToken(Identity.RefreshTokenRequest(refreshToken: tokens.refreshToken)) } == .unauthenticated)
        }
    }

    @Test("an access token with one flipped byte, a made-up token or a missing bearer prefix is UNAUTHENTICATED and audited")
    func forgedTokens() async throws {
        try await withIdentity { f in
            let login = try await f.client.login(Identity.LoginRequest(nip: try f.nip("pegawai"), password: IdentityFixture.demoPassword))
            let token = try #require(login.tokens?.accessToken)
            var bytes = try #require(Base64URL.decode(token))
            bytes[bytes.count / 2] ^= 0x01
            let forged = Base64URL.encode(bytes)
            let request = Identity.ListSessionsRequest()
            #expect(await statusCode { try await f.client.listSessions(request, options: IdentityFixture.bearer(forged)) } == .unauthenticated)
            #expect(await statusCode { try await f.client.listSessions(request, options: IdentityFixture.bearer("bm90LWEtdG9rZW4")) } == .unauthenticated)
            var metadata = Metadata()
            metadata.add("authorization", token)
            #expect(await statusCode { try await f.client.listSessions(request, options: CallOptions(metadata: metadata)) } == .unauthenticated)
            #expect(await statusCode { try await f.client.listSessions(request) } == .unauthenticated)
            let failures = try await f.auditEvents(action: Identity.IdentityService.Method.listSessions.path).filter { $0.outcome == .authenticationFailed }
            #expect(failures.count == 4)
        }
    }

    @Test("after an emergency key rotation, tokens signed by the old key stop verifying; a scheduled rotation keeps them valid")
    func keyRotation() async throws {
        try await withIdentity { f in
            let admin = try await f.signIn("admin")
            let user = try await f.signIn("pegawai")
            let before = try await f.client.listSigningKeys(Identity.ListSigningKeysRequest())
            #expect(before.keys.contains { $0.state == .active } && before.keys.contains { $0.state == .next })
            #expect(await statusCode { try await f.client.rotateSigningKey(Identity.RotateSigningKeyRequest(reason: ""), options: admin) } == .invalidArgument)
            #expect(await statusCode { try await f.client.rotateSigningKey(Identity.RotateSigningKeyRequest(reason: "x"), options: user) } == .permissionDenied)
            let scheduled = try await f.client.rotateSigningKey(Identity.RotateSigningKeyRequest(reason: "scheduled"), options: admin)
            #expect(scheduled.keys.contains { $0.state == .retired })
            _ = try await f.client.whoAmI(Identity.WhoAmIRequest(), options: user)  // still valid
            let fresh = try await f.signIn("pegawai")
            _ = try await f.client.rotateSigningKey(Identity.RotateSigningKeyRequest(reason: "key leaked", emergency: true), options: admin)
            #expect(await statusCode { try await f.client.listSessions(Identity.ListSessionsRequest(), options: fresh) } == .unauthenticated)
        }
    }
}
