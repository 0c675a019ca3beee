import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The processes these tests start (the test server, the Python client) never outlive the test
/// that started them, however that test ends.
@Suite("Test processes never outlive their test", .serialized)
struct PeerLifetimeTests {
    struct Failure: Error {}

    /// The process id a test body saw, read after the body is gone.
    final class Started: Sendable {
        let pid = Atomic<Int32>(0)
    }

    @Test("a test server started by a test that throws is killed and reaped before the error reaches the test")
    func throwingTest() async throws {
        let pki = try RPCTestPKI.directory()
        let started = Started()
        await #expect(throws: Failure.self) {
            try await withServerProcess(pki: pki) { server in
                started.pid.store(server.child.pid, ordering: .relaxed)
                #expect(processExists(server.child.pid))
                throw Failure()
            }
        }
        let pid = started.pid.load(ordering: .relaxed)
        try #require(pid > 0)
        #expect(!processExists(pid), "test server \(pid) outlived the test that threw")
    }

    @Test("a program run by a test that is cancelled, as a time limit does, is killed and reaped")
    func cancelledRun() async throws {
        let child = try ChildProcess("/bin/sleep", ["600"])
        let run = Task { await child.finish() }
        run.cancel()
        let result = await run.value
        #expect(result.timedOut)
        #expect(!processExists(child.pid))
    }

    @Test("a program that outlives its timeout is killed and reaped")
    func timeout() async throws {
        let result = try await runProgram("/bin/sleep", ["600"], timeout: .milliseconds(50))
        #expect(result.timedOut)
    }

    @Test("a program that is dropped without being waited for is killed and reaped, and its lifeline closes")
    func dropped() throws {
        var pid: pid_t = 0
        do {
            let child = try ChildProcess("/bin/cat", [], input: .lifeline)
            pid = child.pid
            #expect(processExists(pid))
        }
        #expect(!processExists(pid))
    }
}
