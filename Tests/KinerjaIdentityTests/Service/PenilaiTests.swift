import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaDemo
import KinerjaIdentity
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The pejabat penilai model over mutual TLS (issue 11).
@Suite("Pejabat penilai: Plt/Plh, the Kepala Daerah, history", .serialized)
struct PenilaiTests {
    func yankesStaff(_ f: IdentityFixture) throws -> String {
        let headed = Set(f.organisation.units.compactMap(\.headNIP))
        guard let nip = f.organisation.employees.first(where: {
            $0.unitCode == KupangDemo.pltBidangCode && $0.employee.status == .aktif && !headed.contains($0.employee.nip)
        })?.employee.nip else { throw TestFailure("no YANKES staff") }
        return nip
    }

    @Test("the demo's penilai: the pegawai's atasan langsung, the Plt for the vacant bidang, the Wali Kota (NON ASN) for the Sekda")
    func demoPenilai() async throws {
        try await withIdentity { f in
            let pegawai = try f.nip("pegawai"), staff = try yankesStaff(f)
            let sekda = try #require(f.organisation.unit(code: KupangDemo.sekretariatDaerahCode)?.headNIP)
            let answers = try await f.planningService.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: [pegawai, staff, sekda, "199001012015031999"]))
            #expect(answers.penilai.map(\.nip) == [pegawai, staff, sekda, "199001012015031999"])
            let atasan = try f.nip("atasan"), plt = try f.nip("plt")
            #expect(answers.penilai[0].kind == .atasanLangsung && answers.penilai[0].penilai?.nip == atasan)
            #expect(answers.penilai[1].kind == .plt && answers.penilai[1].penilai?.nip == plt && !answers.penilai[1].decreeNumber.isEmpty)
            #expect(answers.penilai[2].kind == .external && answers.penilai[2].penilai?.nip == KupangDemo.waliKotaID && !answers.penilai[2].penilaiIsAsn)
            #expect(answers.penilai[3].kind == .none && !answers.penilai[3].reason.isEmpty)
            // The Plt's inbox: everyone they rate today.
            let dinilai = try await f.planningService.listDinilai(Identity.ListDinilaiRequest(penilai: try f.nip("plt")))
            #expect(dinilai.dinilai.contains { $0.nip == staff && $0.kind == .plt })
            #expect(dinilai.dinilai.allSatisfy { $0.penilai?.nip == (try? f.nip("plt")) })
            // A pegawai asks about themselves, not about others.
            let me = try await f.signIn("pegawai")
            _ = try await f.client.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: [pegawai]), options: me)
            #expect(await statusCode { try await f.client.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: [staff]), options: me) } == .permissionDenied)
            #expect(await statusCode { try await f.planningService.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: [])) } == .invalidArgument)
            #expect(await statusCode { try await f.planningService.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: ["12"])) } == .invalidArgument)
        }
    }

    @Test("the Wali Kota signs in with a NONASN. identifier; the token says non-ASN; the Kepala Dinas's token carries pimpinan derived from heading the unit, the Plt's carries the acting claim")
    func tokens() async throws {
        try await withIdentity { f in
            let waliKota = try await f.client.login(Identity.LoginRequest(nip: KupangDemo.waliKotaID, password: IdentityFixture.demoPassword))
            let claims = try Self.claims(waliKota.tokens?.accessToken ?? "")
            #expect(claims.subject == KupangDemo.waliKotaID && claims.subjectNonAsn)
            let who = try await f.client.whoAmI(Identity.WhoAmIRequest(), options: IdentityFixture.bearer(waliKota.tokens?.accessToken ?? ""))
            #expect(who.principal == KupangDemo.waliKotaID)
            let dukcapil = try await f.unitID("KPG.DUKCAPIL")
            let pimpinan = try await f.client.login(Identity.LoginRequest(nip: try f.nip("pimpinan"), password: IdentityFixture.demoPassword))
            let roles = try Self.claims(pimpinan.tokens?.accessToken ?? "").roles
            #expect(roles.contains { $0.role == .pimpinan && $0.derived && $0.scopeUnitIDs == [dukcapil] && $0.includeSubunits })
            let plt = try await f.client.login(Identity.LoginRequest(nip: try f.nip("plt"), password: IdentityFixture.demoPassword))
            let pltClaims = try Self.claims(plt.tokens?.accessToken ?? "")
            let yankes = try await f.unitID(KupangDemo.pltBidangCode)
            #expect(pltClaims.acting.contains { $0.unitID == yankes && $0.kind == .plt })
            #expect(pltClaims.roles.contains { $0.role == .pimpinan && $0.derived && $0.scopeUnitIDs.contains(yankes) })
        }
    }

    static func claims(_ token: String) throws -> Identity.AccessTokenClaims {
        let envelope = try Identity.SignedAccessToken(serializedBytes: Base64URL.decode(token) ?? [])
        return try Identity.AccessTokenClaims(serializedBytes: envelope.claims)
    }

    @Test("pengelola kinerja record a Plh by decree; it rates the away head's bawahan for its range only, and the history shows both")
    func plhRange() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let seksi = try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let pegawai = try f.nip("pegawai")
            let colleague = try #require(f.organisation.employees.first {
                $0.unitCode == "KPG.DUKCAPIL.DAFDUK.IDENTITAS" && $0.employee.nip != pegawai && $0.employee.nip != (try? f.nip("atasan"))
                    && $0.employee.status == .aktif && $0.employee.asnType == .pns
            }?.employee.nip)
            let today = Wita.today(now: Date())
            let from = try #require(today.adding(days: -10)), until = try #require(today.adding(days: 10))
            let recorded = try #require(try await f.client.recordActingAssignment(Identity.RecordActingAssignmentRequest(assignment: Identity.ActingAssignment(
                unitID: seksi, actingNIP: colleague, kind: .plh, validFrom: from, validUntil: until,
                decreeNumber: "800.1.3/077/DUKCAPIL", decreeDate: from)), options: hr).assignment)
            let atasan = try f.nip("atasan")
            #expect(recorded.replacedNIP == atasan)
            let now = try await f.planningService.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: [pegawai]))
            #expect(now.penilai.first?.kind == .plh && now.penilai.first?.penilai?.nip == colleague)
            let later = try await f.planningService.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: [pegawai], onDate: try #require(until.adding(days: 1))))
            #expect(later.penilai.first?.kind == .atasanLangsung)
            let history = try await f.planningService.getPenilaiHistory(Identity.GetPenilaiHistoryRequest(
                nip: pegawai, from: try #require(from.adding(days: -5)), until: try #require(until.adding(days: 5))))
            #expect(history.periods.map { $0.penilai?.kind } == [.atasanLangsung, .plh, .atasanLangsung])
            #expect(history.periods[1].from == from && history.periods[1].until == until)
        }
    }

    @Test("bad acting assignments are refused and change nothing: self-appointment (audited), overlap, the head themselves, over 366 days, missing decree")
    func badActing() async throws {
        try await withIdentity { f in
            let hr = try await f.signIn("pengelola")
            let seksi = try await f.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let today = Wita.today(now: Date())
            let until = try #require(today.adding(days: 30))
            func record(_ acting: String, _ kind: Common.PenilaiKind = .plt, until: Common.Date? = nil, decree: String = "800/1",
                        unit: String? = nil) async -> RPCError.Code? {
                await statusCode { try await f.client.recordActingAssignment(Identity.RecordActingAssignmentRequest(assignment: Identity.ActingAssignment(
                    unitID: unit ?? seksi, actingNIP: acting, kind: kind, validFrom: today, validUntil: until ?? today, decreeNumber: decree,
                    decreeDate: today)), options: hr) }
            }
            let before = try await f.snapshot()
            #expect(await record(try f.nip("pengelola"), until: until) == .permissionDenied)
            #expect(try await f.auditEvents(action: "/kinerja.identity.v1.IdentityService/RecordActingAssignment").contains { $0.outcome == .denied })
            #expect(await record(try f.nip("atasan"), until: until) == .failedPrecondition)
            #expect(await record(try f.nip("pegawai"), .atasanLangsung, until: until) == .invalidArgument)
            #expect(await record(try f.nip("pegawai"), until: try #require(today.adding(days: 400))) == .invalidArgument)
            #expect(await record(try f.nip("pegawai"), until: until, decree: "") == .invalidArgument)
            #expect(await record(try f.nip("pegawai"), until: until, unit: "01NOSUCHUNIT0000000000000") == .notFound)
            #expect(try await f.snapshot() == before)
            _ = await record(try f.nip("pegawai"), until: until)
            #expect(await record(try f.nip("pimpinan"), until: until) == .failedPrecondition, "overlapping")
            // A pegawai may not record one at all.
            #expect(await statusCode { try await f.client.recordActingAssignment(Identity.RecordActingAssignmentRequest(assignment: Identity.ActingAssignment(
                unitID: seksi, actingNIP: try f.nip("pegawai"), kind: .plt, validFrom: today, validUntil: today, decreeNumber: "x", decreeDate: today)),
                options: try await f.signIn("pegawai")) } == .permissionDenied)
        }
    }
}
