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

    @Test("releases once no call was admitted between two checks, once per idle period, never with a call in flight")
    func releasesWhenIdle() async throws {
        let admission = CallAdmission(limit: 4)
        let releases = Releases()
        let idle = IdleMemory(admission: admission) { releases.count.add(1, ordering: .relaxed) }
        #expect(await idle.tick() == false)  // the first check only notes the count
        #expect(await idle.tick() == true)   // nothing admitted since: idle
        #expect(await idle.tick() == false)  // once per idle period
        #expect(admission.admit())
        #expect(await idle.tick() == false)  // a call came
        #expect(await idle.tick() == false)  // none since, but it is still in flight
        admission.release()
        #expect(await idle.tick() == true)
        #expect(releases.count.load(ordering: .relaxed) == 2)
        // A server without a limit on calls in flight cannot tell idleness: it never releases.
        let blind = IdleMemory(admission: nil) { releases.count.add(1, ordering: .relaxed) }
        #expect(await blind.tick() == false)
        #expect(await blind.tick() == false)
        #expect(releases.count.load(ordering: .relaxed) == 2)
    }
}
