@testable import KinerjaRPC
@testable import KinerjaService
import Synchronization
import Testing

/// When an idle service gives its memory back (SQLite's page caches, the caches' entries).
@Suite("IdleMemory")
struct IdleMemoryTests {
    final class Releases: Sendable {
        let count = Atomic<Int>(0)
    }

    @Test("releases once fewer than 60 calls came between two checks and none is in flight; once per quiet period, again after a busy one")
    func releasesWhenQuiet() async throws {
        let admission = CallAdmission(limit: 4)
        let releases = Releases()
        let idle = IdleMemory(admission: admission) { releases.count.add(1, ordering: .relaxed) }
        func calls(_ n: Int) { for _ in 0..<n { _ = admission.admit(); admission.release() } }
        #expect(await idle.tick() == false)  // the first check only notes the count
        calls(59)                            // background polls: still quiet
        #expect(await idle.tick() == true)
        #expect(await idle.tick() == false)  // once per quiet period
        calls(60)                            // busy
        #expect(await idle.tick() == false)
        #expect(admission.admit())
        #expect(await idle.tick() == false)  // quiet again, but a call is in flight
        admission.release()
        #expect(await idle.tick() == true)
        #expect(releases.count.load(ordering: .relaxed) == 2)
        // A server without a limit on calls in flight cannot tell: it never releases.
        let blind = IdleMemory(admission: nil) { releases.count.add(1, ordering: .relaxed) }
        #expect(await blind.tick() == false)
        #expect(await blind.tick() == false)
        #expect(releases.count.load(ordering: .relaxed) == 2)
    }
}
