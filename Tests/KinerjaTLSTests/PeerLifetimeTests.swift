import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Interop peers are processes: none outlives the test that started it, however that test ends.
@Suite("Interop peers never outlive their test", .serialized)
struct PeerLifetimeTests {
    struct Failure: Error {}

    /// The process id a test body saw, read after the body is gone.
    final class StartedPeer: Sendable {
        let pid = Atomic<Int32>(0)
    }

    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    @Test("an openssl s_server started by a test that throws is killed and reaped before the error reaches the test")
    func throwingTest() async throws {
        let started = StartedPeer()
        await #expect(throws: Failure.self) {
            try await Peers.withSServer(pki: pki, certificate: pki.service("planning")) { server, _ in
                started.pid.store(server.pid, ordering: .relaxed)
                #expect(processExists(server.pid))
                throw Failure()
            }
        }
        let pid = started.pid.load(ordering: .relaxed)
        try #require(pid > 0)
        #expect(!processExists(pid), "openssl s_server \(pid) outlived the test that threw")
    }

    @Test("an openssl s_server of a test that is cancelled, as a time limit does, is killed and reaped")
    func cancelledTest() async throws {
        let started = StartedPeer()
        let pki = self.pki
        let test = Task {
            try await Peers.withSServer(pki: pki, certificate: pki.service("planning")) { server, _ in
                started.pid.store(server.pid, ordering: .relaxed)
                try await Task.sleep(for: .seconds(3600))
            }
        }
        for _ in 0..<6000 where started.pid.load(ordering: .relaxed) == 0 { try await Task.sleep(for: .milliseconds(10)) }
        let pid = started.pid.load(ordering: .relaxed)
        try #require(pid > 0)
        test.cancel()
        await #expect(throws: CancellationError.self) { try await test.value }
        #expect(!processExists(pid), "openssl s_server \(pid) outlived the cancelled test")
    }

    @Test("a peer whose expected output never comes is killed and reaped when the wait times out")
    func waitTimesOut() async throws {
        let command = try BackgroundCommand("/bin/sleep", ["600"])
        await #expect(throws: CommandError.self) { try await command.waitForOutput(timeout: .milliseconds(50)) { _ in nil as Int? } }
        #expect(!processExists(command.pid))
    }

    @Test("a peer that is dropped without being waited for is killed and reaped")
    func dropped() throws {
        var pid: pid_t = 0
        do {
            let command = try BackgroundCommand("/bin/sleep", ["600"])
            pid = command.pid
            #expect(processExists(pid))
        }
        #expect(!processExists(pid))
    }
}
