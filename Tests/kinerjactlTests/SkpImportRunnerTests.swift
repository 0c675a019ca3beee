import KinerjaProto
import Testing
@testable import kinerjactl

/// `skp import` against an in-memory planning service: what is sent, under which keys, and how a
/// re-run adds only what is missing.
@Suite("SKP import runner")
struct SkpImportRunnerTests {
    static let me = "199001012015031001"
    static let text = """
    rhk_kind,rhk_text,aspek,indicator,target,unit
    utama,A,kuantitas,D1,10,dokumen
    utama,A,waktu,D2,3,hari
    tambahan,B,kualitas,D3,90,persen
    """

    private func setUp(_ respond: @escaping FakeTransport.Responder) throws
        -> (PlanningCaller, FakeTransport, TemporaryDirectory, SkpFile) {
        let planning = FakeTransport(respond)
        let test = try TestSession(accessExpires: 4_000_000_000, [.identity: TestSession.unused("identity"), .planning: planning])
        let caller = try test.session.caller(Planning.PlanningService.Client.self)
        let temporary = test.temporary
        let file = try SkpFile.parse(bytes: Array(Self.text.utf8), defaultNIP: Self.me, defaultYear: 2026)
        return (caller, planning, temporary, file)
    }

    static func draft(rhks: [Planning.Rhk] = [], state: Planning.SkpState = .draft) -> Planning.Skp {
        Planning.Skp(skpID: "S1", version: 1, nip: me, year: 2026, approach: .kuantitatif, rhks: rhks, state: state, revision: 1)
    }

    /// AddRhk and AddIki echo what they were sent, with ids.
    static func echo(_ method: String, _ requests: [[UInt8]]) throws -> [UInt8] {
        switch method {
        case "AddRhk":
            var rhk = try Planning.AddRhkRequest(serializedBytes: requests[0]).rhk ?? .init()
            rhk.rhkID = "R-" + rhk.text
            return try Planning.AddRhkResponse(rhk: rhk, skpRevision: 2).serializedBytes()
        case "AddIki":
            var iki = try Planning.AddIkiRequest(serializedBytes: requests[0]).iki ?? .init()
            iki.ikiID = "I-" + iki.indicator
            return try Planning.AddIkiResponse(iki: iki, skpRevision: 3).serializedBytes()
        default:
            throw RPCError(.unimplemented, method)
        }
    }

    @Test("no SKP yet: it is created, then each RHK goes in one AddRhk with its IKIs, keyed by file and row")
    func fresh() async throws {
        let (caller, planning, temporary, file) = try setUp { method, requests, _ in
            switch method {
            case "GetCurrentSkp": throw RPCError(.notFound, "no SKP")
            case "CreateSkp": return try Planning.CreateSkpResponse(skp: Self.draft()).serializedBytes()
            default: return try Self.echo(method, requests)
            }
        }
        defer { temporary.remove() }
        let summary = try await SkpFileImporter(file: file, name: "skp.csv").run(caller)
        #expect(planning.calls.map(\.method) == ["GetCurrentSkp", "CreateSkp", "AddRhk", "AddRhk"])
        #expect(planning.calls.map { $0.metadata["idempotency-key"] } == [
            nil, file.idempotencyKey(row: 2, operation: "skp"), file.idempotencyKey(row: 2, operation: "rhk"),
            file.idempotencyKey(row: 4, operation: "rhk"),
        ])
        #expect(planning.calls.allSatisfy { $0.metadata["authorization"] == "Bearer A1" })
        let create = try planning.calls[1].decoded(Planning.CreateSkpRequest.self)[0]
        #expect(create == Planning.CreateSkpRequest(nip: Self.me, year: 2026, approach: .kuantitatif))
        let first = try planning.calls[2].decoded(Planning.AddRhkRequest.self)[0]
        #expect(first.skpID == "S1")
        #expect(first.rhk?.ikis.map(\.indicator) == ["D1", "D2"])
        #expect(summary.skps.count == 1)
        let outcome = summary.skps[0]
        #expect(outcome.created && outcome.skpID == "S1")
        #expect((outcome.rhksAdded, outcome.ikisAdded, outcome.rhksPresent, outcome.ikisPresent) == (2, 3, 0, 0))
        #expect(summary.rejectedRows == 0)
        #expect(summary.totalsLine == "1 SKP (1 created); RHKs: 2 added, 0 already there; IKIs: 3 added, 0 already there; 0 rows rejected")
    }

    @Test("a re-run finds what is there by content and adds only the rest, under the same keys")
    func resume() async throws {
        let present = Planning.Rhk(rhkID: "RA", kind: .utama, text: "A",
                                   ikis: [Planning.Iki(ikiID: "I1", aspek: .kuantitas, indicator: "D1")])
        let (caller, planning, temporary, file) = try setUp { method, requests, _ in
            switch method {
            case "GetCurrentSkp": return try Planning.GetCurrentSkpResponse(skp: Self.draft()).serializedBytes()
            case "GetSkp": return try Planning.GetSkpResponse(skp: Self.draft(rhks: [present])).serializedBytes()
            default: return try Self.echo(method, requests)
            }
        }
        defer { temporary.remove() }
        let outcome = try await SkpFileImporter(file: file, name: "skp.csv").run(caller).skps[0]
        #expect(planning.calls.map(\.method) == ["GetCurrentSkp", "GetSkp", "AddIki", "AddRhk"])
        #expect(try planning.calls[2].decoded(Planning.AddIkiRequest.self)[0].rhkID == "RA")
        #expect(planning.calls[2].metadata["idempotency-key"] == file.idempotencyKey(row: 3, operation: "iki"))
        #expect(planning.calls[3].metadata["idempotency-key"] == file.idempotencyKey(row: 4, operation: "rhk"))
        #expect(!outcome.created)
        #expect((outcome.rhksAdded, outcome.ikisAdded, outcome.rhksPresent, outcome.ikisPresent) == (1, 2, 1, 1))
    }

    @Test("a refused RHK rejects its rows and the import goes on; an unreachable service stops it with how to resume")
    func failures() async throws {
        let (caller, planning, temporary, file) = try setUp { method, requests, _ in
            switch method {
            case "GetCurrentSkp": return try Planning.GetCurrentSkpResponse(skp: Self.draft()).serializedBytes()
            case "GetSkp": return try Planning.GetSkpResponse(skp: Self.draft()).serializedBytes()
            case "AddRhk" where try Planning.AddRhkRequest(serializedBytes: requests[0]).rhk?.text == "A":
                throw RPCError(.invalidArgument, "parent RHK is not the atasan's")
            default: return try Self.echo(method, requests)
            }
        }
        defer { temporary.remove() }
        let summary = try await SkpFileImporter(file: file, name: "skp.csv").run(caller)
        #expect(planning.calls.map(\.method) == ["GetCurrentSkp", "GetSkp", "AddRhk", "AddRhk"])
        #expect(summary.skps[0].rejections == [.init(row: 2, rows: 2, status: "INVALID_ARGUMENT", message: "parent RHK is not the atasan's")])
        #expect(summary.rejectedRows == 2)
        #expect(summary.skps[0].rhksAdded == 1)

        let (down, _, temporary2, file2) = try setUp { _, _, _ in throw RPCError(.unavailable, "cannot connect to 127.0.0.1:7402") }
        defer { temporary2.remove() }
        let error = try await #require(throws: CLIError.self) { try await SkpFileImporter(file: file2, name: "skp.csv").run(down) }
        #expect(ErrorReporting.report(error).line
            == "error: UNAVAILABLE: cannot connect to 127.0.0.1:7402 (0 of 1 SKPs done; run the same command again to resume)")
        #expect(ErrorReporting.report(error).exitStatus == 69)
    }

    @Test("an SKP that is no longer a Draft rejects the rows it lacks, and planning's UNAUTHENTICATED asks to sign in again")
    func notDraft() async throws {
        let (caller, planning, temporary, file) = try setUp { method, _, _ in
            switch method {
            case "GetCurrentSkp": return try Planning.GetCurrentSkpResponse(skp: Self.draft(state: .diajukan)).serializedBytes()
            default: return try Planning.GetSkpResponse(skp: Self.draft(state: .diajukan)).serializedBytes()
            }
        }
        defer { temporary.remove() }
        let summary = try await SkpFileImporter(file: file, name: "skp.csv").run(caller)
        #expect(planning.calls.map(\.method) == ["GetCurrentSkp", "GetSkp"])
        #expect(summary.skps[0].rejections.map(\.status) == ["FAILED_PRECONDITION"])
        #expect(summary.rejectedRows == 3)

        let (refused, _, temporary2, _) = try setUp { _, _, _ in throw RPCError(.unauthenticated, "unknown signing key") }
        defer { temporary2.remove() }
        let error = try await #require(throws: CLIError.self) {
            try await refused.call { try await $0.getSkp(.init(skpID: "S1"), options: $1) }
        }
        #expect(ErrorReporting.report(error).line == "error: UNAUTHENTICATED: the planning service at 127.0.0.1:7402 refused the "
            + "session (unknown signing key): run kinerjactl login")
        #expect(ErrorReporting.report(error).exitStatus == 77)
    }
}
