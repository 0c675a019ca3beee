import Foundation
import GRDB
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Supervisors, roles, accounts and the audit log over mutual TLS", .serialized)
struct SupervisionAndRoleTests {
    @Test("the atasan chain, bawahan and CheckSupervision agree with the demo organisation")
    func supervision() async throws {
        try await withIdentity { f in
            let pegawai = try f.nip("pegawai"), atasan = try f.nip("atasan")
            let me = try await f.signIn("pegawai")
            let chain = try await f.client.getSupervisorChain(Identity.GetSupervisorChainRequest(nip: pegawai), options: me)
            #expect(chain.chain.first?.nip == atasan)
            #expect(chain.chain.count >= 3)
            let got = try await f.client.getAtasan(Identity.GetAtasanRequest(nip: pegawai), options: me)
            #expect(got.atasan?.nip == atasan)
            let bawahan = try await f.client.listBawahan(Identity.ListBawahanRequest(atasanNIP: atasan), options: try await f.signIn("atasan"))
            #expect(bawahan.bawahan.contains { $0.employee?.nip == pegawai && $0.level == 1 })
            let top = try #require(chain.chain.last?.nip)
            let relations = try await f.planningService.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: top, nips: [pegawai, atasan, top]))
            #expect(relations.relations.map(\.level).prefix(2).allSatisfy { $0 >= 1 })
            #expect(relations.relations[1].direct == false || relations.relations[1].level == 1)
            #expect(relations.relations[2].level == 0)
            #expect(await statusCode { try await f.planningService.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: top, nips: [])) } == .invalidArgument)
            #expect(await statusCode { try await f.planningService.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: "199001012015031999", nips: [pegawai])) } == .notFound)
            // A pegawai may not ask about someone else as atasan.
            #expect(await statusCode { try await f.client.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: top, nips: [pegawai]), options: me) } == .permissionDenied)
        }
    }

    @Test("ListBawahan answers the non-ASN Wali Kota by NONASN. identifier (the Sekda), direct or every level, active only; a malformed atasan is refused")
    func bawahanOfKepalaDaerah() async throws {
        try await withIdentity { f in
            let walikota = try f.nip("walikota")
            let direct = try await f.planningService.listBawahan(Identity.ListBawahanRequest(atasanNIP: walikota, activeOnly: true))
            #expect(direct.bawahan.count == 1 && direct.bawahan.allSatisfy { $0.level == 1 && $0.atasanNIP == walikota })
            let all = try await f.planningService.listBawahan(Identity.ListBawahanRequest(
                atasanNIP: walikota, includeIndirect: true, activeOnly: true, page: Common.PageRequest(pageSize: 1000)))
            #expect(all.bawahan.count > 10 && all.bawahan.contains { $0.employee?.nip == (try? f.nip("pegawai")) })
            #expect(await statusCode { try await f.planningService.listBawahan(Identity.ListBawahanRequest(atasanNIP: "NONASN.")) } == .invalidArgument)
            #expect(await statusCode { try await f.planningService.listBawahan(Identity.ListBawahanRequest(atasanNIP: "12345")) } == .invalidArgument)
            #expect(await statusCode { try await f.planningService.listBawahan(Identity.ListBawahanRequest(atasanNIP: "NONASN.NOBODY")) } == .notFound)
        }
    }

    @Test("HR sets a new atasan from a date; a loop or an unknown atasan is refused and changes nothing")
    func setAtasan() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let pegawai = try f.nip("pegawai"), atasan = try f.nip("atasan"), pimpinan = try f.nip("pimpinan")
            let pegawaiSession = try await f.signIn("pegawai")
            let before = try await f.snapshot()
            #expect(await statusCode { try await f.client.setAtasan(Identity.SetAtasanRequest(nip: atasan, atasanNIP: pegawai), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await f.client.setAtasan(Identity.SetAtasanRequest(nip: pegawai, atasanNIP: pegawai), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await f.client.setAtasan(Identity.SetAtasanRequest(nip: pegawai, atasanNIP: "199001012015031999"), options: hr) } == .notFound)
            #expect(await statusCode { try await f.client.setAtasan(Identity.SetAtasanRequest(nip: pegawai, atasanNIP: pimpinan), options: pegawaiSession) } == .permissionDenied)
            #expect(try await f.snapshot() == before)
            let set = try await f.client.setAtasan(Identity.SetAtasanRequest(nip: pegawai, atasanNIP: pimpinan, acting: true, note: "Plt. selama cuti"), options: hr)
            #expect(set.assignment?.atasanNIP == pimpinan && set.assignment?.acting == true)
            let now = try await f.client.getAtasan(Identity.GetAtasanRequest(nip: pegawai), options: hr)
            #expect(now.atasan?.nip == pimpinan)
        }
    }

    @Test("admin grants and revokes roles; pengelola kinerja grant none (pimpinan follows from heading a unit); nobody grants themselves; the last admin stays")
    func roles() async throws {
        try await withIdentity { f in
            let admin = try await f.signIn("admin")
            let hr = try await f.signIn("pengelola")
            let pegawai = try f.nip("pegawai")
            let dukcapil = try await f.unitID("KPG.DUKCAPIL")
            let granted = try #require(try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .auditor, scopeUnitIDs: [dukcapil], reason: "audit internal Dukcapil")), options: admin).grant)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .auditor, scopeUnitIDs: [dukcapil], reason: "again")), options: admin) } == .alreadyExists)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .pegawai, reason: "x")), options: admin) } == .invalidArgument)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .pimpinan, reason: "x")), options: admin) } == .invalidArgument)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .admin, reason: "")), options: admin) } == .invalidArgument)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: "199001012015031999", role: .admin, reason: "x")), options: admin) } == .notFound)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .admin, reason: "x")), options: hr) } == .permissionDenied)
            // Pengelola kinerja hand out no power, pimpinan included; their own least of all.
            let hrNIP = try f.nip("pengelola")
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .pimpinan, scopeUnitIDs: [dukcapil], reason: "x")), options: hr) } == .permissionDenied)
            #expect(await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: hrNIP, role: .pimpinan, scopeUnitIDs: [dukcapil], reason: "x")), options: hr) } == .permissionDenied)
            let adminNIP = try f.nip("admin")
            let selfGrant = await statusCode { try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: adminNIP, role: .auditor, reason: "x")), options: admin) }
            #expect(selfGrant == .permissionDenied)
            #expect(try await f.auditEvents(action: "/kinerja.identity.v1.IdentityService/GrantRole").contains {
                $0.outcome == .denied && $0.principal == adminNIP && $0.detail.contains("themselves")
            })
            _ = try await f.client.grantRole(Identity.GrantRoleRequest(grant: Identity.RoleGrant(
                nip: pegawai, role: .pimpinan, scopeUnitIDs: [dukcapil], reason: "pimpinan organisasi di atas unit")), options: admin)
            let listed = try await f.client.listRoleGrants(Identity.ListRoleGrantsRequest(nip: pegawai), options: admin)
            #expect(listed.grants.count == 2)
            let own = try await f.client.listRoleGrants(Identity.ListRoleGrantsRequest(nip: pegawai), options: try await f.signIn("pegawai"))
            #expect(own.grants.count == 2)
            #expect(await statusCode { try await f.client.listRoleGrants(Identity.ListRoleGrantsRequest(), options: try await f.signIn("atasan")) } == .permissionDenied)
            let revoked = try await f.client.revokeRole(Identity.RevokeRoleRequest(grantID: granted.grantID, reason: "audit selesai"), options: admin)
            #expect(revoked.grant?.revoked != nil)
            #expect(await statusCode { try await f.client.revokeRole(Identity.RevokeRoleRequest(grantID: granted.grantID, reason: "again"), options: admin) } == .failedPrecondition)
            #expect(await statusCode { try await f.client.revokeRole(Identity.RevokeRoleRequest(grantID: "nope", reason: "x"), options: admin) } == .notFound)
            let adminGrant = try #require(try await f.client.listRoleGrants(Identity.ListRoleGrantsRequest(role: .admin), options: admin).grants.first)
            #expect(await statusCode { try await f.client.revokeRole(Identity.RevokeRoleRequest(grantID: adminGrant.grantID, reason: "x"), options: admin) } == .failedPrecondition)
        }
    }

    @Test("HR resets a password: a one-time password that must be changed, sessions revoked; disable and enable; nobody resets their own")
    func accounts() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let pegawai = try f.nip("pegawai")
            let session = try await f.signIn("pegawai")
            let reset = try await f.client.resetPassword(Identity.ResetPasswordRequest(nip: pegawai, reason: "lupa kata sandi"), options: hr)
            #expect(reset.oneTimePassword.count == 16)
            #expect(reset.account?.mustChangePassword == true)
            #expect(await statusCode { try await f.client.whoAmI(Identity.WhoAmIRequest(), options: session) } == .unauthenticated)
            let login = try await f.client.login(Identity.LoginRequest(nip: pegawai, password: reset.oneTimePassword))
            #expect(login.mustChangePassword)
            #expect(await statusCode { try await f.client.resetPassword(Identity.ResetPasswordRequest(nip: pegawai, reason: ""), options: hr) } == .invalidArgument)
            #expect(await statusCode { try await f.client.resetPassword(Identity.ResetPasswordRequest(nip: try f.nip("pengelola"), reason: "x"), options: hr) } == .permissionDenied)
            #expect(await statusCode { try await f.client.resetPassword(Identity.ResetPasswordRequest(nip: "199001012015031999", reason: "x"), options: hr) } == .notFound)
            let disabled = try await f.client.disableAccount(Identity.DisableAccountRequest(nip: pegawai, reason: "pindah tugas"), options: hr)
            #expect(disabled.account?.state == .disabled)
            #expect(await statusCode { try await f.client.login(Identity.LoginRequest(nip: pegawai, password: reset.oneTimePassword)) } == .failedPrecondition)
            #expect(await statusCode { try await f.client.resetPassword(Identity.ResetPasswordRequest(nip: pegawai, reason: "x"), options: hr) } == .failedPrecondition)
            let enabled = try await f.client.enableAccount(Identity.EnableAccountRequest(nip: pegawai, reason: "kembali"), options: hr)
            #expect(enabled.account?.state == .active)
            #expect(await statusCode { try await f.client.unlockAccount(Identity.UnlockAccountRequest(nip: pegawai, reason: "x"), options: hr) } == .failedPrecondition)
            #expect(await statusCode { try await f.client.disableAccount(Identity.DisableAccountRequest(nip: try f.nip("pengelola"), reason: "x"), options: hr) } == .failedPrecondition)
            let mine = try await f.client.getAccount(Identity.GetAccountRequest(nip: try f.nip("atasan")), options: try await f.signIn("atasan"))
            #expect(mine.account?.state == .active)
            #expect(await statusCode { try await f.client.getAccount(Identity.GetAccountRequest(nip: pegawai), options: try await f.signIn("atasan")) } == .permissionDenied)
        }
    }

    @Test("sessions: a user lists and revokes their own; only admin sees others'")
    func sessions() async throws {
        try await withIdentity { f in
            let first = try await f.signIn("pegawai")
            _ = try await f.signIn("pegawai")
            let listed = try await f.client.listSessions(Identity.ListSessionsRequest(), options: first)
            #expect(listed.sessions.count == 2)
            #expect(listed.sessions.filter(\.current).count == 1)
            let other = try #require(listed.sessions.first { !$0.current })
            _ = try await f.client.revokeSession(Identity.RevokeSessionRequest(sessionID: other.sessionID, reason: "lost phone"), options: first)
            #expect(try await f.client.listSessions(Identity.ListSessionsRequest(), options: first).sessions.count == 1)
            #expect(await statusCode { try await f.client.listSessions(Identity.ListSessionsRequest(nip: try f.nip("atasan")), options: first) } == .permissionDenied)
            #expect(await statusCode { try await f.client.revokeSession(Identity.RevokeSessionRequest(sessionID: "nope"), options: first) } == .notFound)
            let admin = try await f.signIn("admin")
            #expect(try await f.client.listSessions(Identity.ListSessionsRequest(nip: try f.nip("pegawai")), options: admin).sessions.count == 1)
        }
    }

    @Test("auditors read and verify the audit log; everything above left a verifiable chain; a pegawai may not read it")
    func audit() async throws {
        try await withIdentity { f in
            let auditor = try await f.signIn("auditor")
            _ = try? await f.client.getEmployee(Identity.GetEmployeeRequest(nip: try f.nip("admin")), options: try await f.signIn("pegawai"))
            let events = try await f.client.listAuditEvents(Identity.ListAuditEventsRequest(
                filter: Common.AuditEventFilter(outcome: .denied), page: Common.PageRequest(pageSize: 10)), options: auditor)
            #expect(!events.events.isEmpty)
            let verification = try await f.client.verifyAuditChain(Identity.VerifyAuditChainRequest(), options: auditor)
            #expect(verification.verification?.intact == true)
            #expect((verification.verification?.checkedCount ?? 0) >= 3)
            #expect(await statusCode { try await f.client.verifyAuditChain(Identity.VerifyAuditChainRequest(fromSequence: 5, toSequence: 2), options: auditor) } == .invalidArgument)
            #expect(await statusCode { try await f.client.verifyAuditChain(Identity.VerifyAuditChainRequest(toSequence: 1_000_000), options: auditor) } == .outOfRange)
            #expect(await statusCode { try await f.client.listAuditEvents(Identity.ListAuditEventsRequest(), options: try await f.signIn("pegawai")) } == .permissionDenied)
        }
    }
}
