import Foundation
import GRDB
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Evaluation's annual finalisations close SKP revisions (LockSkpRevisions)", .serialized)
struct RevisionLockTests {
    @Test("only evaluation's certificate locks; a locked owner's approved SKP is not revised until the lock is removed; malformed locks are refused")
    func locks() async throws {
        try await withPlanning(demoSeed: IdentityFixture.seed) { f in
            let evaluation = Planning.PlanningService.Client(transport: try f.service.transport(as: .service("evaluation")))
            // An owner whose demo SKP of the year is approved.
            let (nip, skpID) = try #require(try await f.runtime.store.pool.read { db -> (String, String)? in
                try Row.fetchOne(db, sql: "SELECT nip, skp_id FROM skp_version WHERE year = ? AND latest = 1 AND state = ?",
                                 arguments: [thisYear, Planning.SkpState.disetujui.rawValue]).map { ($0["nip"], $0["skp_id"]) }
            })
            let lock = Planning.SkpRevisionLock(lockID: "01PERIODEVALUASI", year: thisYear, nips: [nip, nip], reason: "evaluasi tahunan difinalisasi")
            #expect(await statusCode { try await f.reportingService.lockSkpRevisions(Planning.LockSkpRevisionsRequest(lock: lock)) } == .permissionDenied)
            #expect(await statusCode { try await evaluation.lockSkpRevisions(Planning.LockSkpRevisionsRequest(
                lock: Planning.SkpRevisionLock(lockID: "01X", year: thisYear, nips: []))) } == .invalidArgument)
            #expect(await statusCode { try await evaluation.lockSkpRevisions(Planning.LockSkpRevisionsRequest(
                lock: Planning.SkpRevisionLock(lockID: "01X", year: thisYear, nips: ["12345"]))) } == .invalidArgument)
            let stored = try await evaluation.lockSkpRevisions(Planning.LockSkpRevisionsRequest(lock: lock))
            #expect(stored.lock?.nips == [nip] && stored.lock?.locked?.principal.hasSuffix("/service/evaluation") == true)

            let owner = try await f.identity.signIn(nip: nip)
            do {
                _ = try await f.client.reviseSkp(Planning.ReviseSkpRequest(skpID: skpID, reason: "Perubahan tugas"), options: owner)
                Issue.record("an SKP whose year is finalised was revised")
            } catch let error as RPCError {
                #expect(error.code == .failedPrecondition && error.reason == "SKP_EVALUATION_FINALISED", "\(error)")
            }
            let removed = try await evaluation.unlockSkpRevisions(Planning.UnlockSkpRevisionsRequest(lockID: lock.lockID, reason: "dibuka kembali"))
            #expect(removed.lock?.lockID == lock.lockID)
            let again = try await evaluation.unlockSkpRevisions(Planning.UnlockSkpRevisionsRequest(lockID: lock.lockID, reason: "dibuka kembali"))
            #expect(again.lock == nil, "removing a removed lock answers without one")
            let revised = try await f.client.reviseSkp(Planning.ReviseSkpRequest(skpID: skpID, reason: "Perubahan tugas"), options: owner)
            #expect(revised.skp?.state == .draft)
        }
    }
}
