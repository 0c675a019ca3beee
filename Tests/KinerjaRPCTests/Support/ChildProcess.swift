import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How a finished program ended and what it printed.
struct ProgramResult: Sendable, CustomStringConvertible {
    var status: Int32
    var out: String
    var err: String
    var timedOut: Bool

    var description: String { "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(out)\n--- stderr\n\(err)" }
}

/// A program a test runs (the test server, the Python client), with its output in files.
///
/// Spawned with posix_spawn and reaped with waitpid (Foundation's `Process.waitUntilExit` can hang
/// inside a Swift Testing process on Linux). The child never outlives its test: every way out —
/// `finish`, a timeout or a cancelled wait, `stop()`, or the last reference going away when a test
/// throws — kills it with SIGKILL and reaps it.
final class ChildProcess: Sendable {
    /// What the child reads on standard input.
    enum Input {
        case none
        case text(String)
        /// A pipe this object holds open: the child sees end of file once the object stops or goes away,
        /// even when the test process dies.
        case lifeline
    }

    let pid: pid_t
    private let files: [String]
    private let lifeline: Int32?
    private let exitStatus = Mutex<Int32?>(nil)

    var stdoutPath: String { files[0] }
    var stderrPath: String { files[1] }

    init(_ executable: String, _ arguments: [String], input: Input = .none) throws {
        let base = "\(NSTemporaryDirectory())/kinerja-rpc-\(UUID().uuidString)"
        var files = [base + ".out", base + ".err"]
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var pipe: [Int32] = [-1, -1]
        switch input {
        case .none:
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .text(let text):
            files.append(base + ".in")
            try Data(text.utf8).write(to: URL(fileURLWithPath: base + ".in"))
            posix_spawn_file_actions_addopen(&actions, 0, base + ".in", O_RDONLY, 0)
        case .lifeline:
            // Both ends close on exec; dup2 gives the child a copy of the read end without that flag.
            guard Glibc.pipe(&pipe) == 0 else { throw RPCTestError("pipe failed: \(errno)") }
            for end in pipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipe[0], 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, files[0], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, files[1], O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        if pipe[0] >= 0 { close(pipe[0]) }
        guard rc == 0 else {
            if pipe[1] >= 0 { close(pipe[1]) }
            throw RPCTestError("posix_spawn \(executable) failed: \(rc)")
        }
        self.pid = pid
        self.files = files
        self.lifeline = pipe[1] >= 0 ? pipe[1] : nil
    }

    deinit {
        stop()
        for path in files { unlink(path) }
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Reaps the child if it has exited; returns whether it has.
    func poll() -> Bool {
        exitStatus.withLock { exitStatus in
            if exitStatus != nil { return true }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return false }
            exitStatus = Self.decode(status)
            closeLifeline()
            return true
        }
    }

    /// Kills the child (SIGKILL) unless it has exited, and reaps it. Safe to call any number of times.
    func stop() {
        exitStatus.withLock { exitStatus in
            guard exitStatus == nil else { return }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            exitStatus = Self.decode(status)
            closeLifeline()
        }
    }

    /// Sends a signal (SIGTERM to ask for a clean stop) unless the child has exited.
    func signal(_ signal: Int32) {
        exitStatus.withLock { exitStatus in
            if exitStatus == nil { kill(pid, signal) }
        }
    }

    private func closeLifeline() {
        if let lifeline { close(lifeline) }
    }

    /// WIFEXITED / WEXITSTATUS are macros; decode the classic wait status by hand.
    private static func decode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Polls stdout until `predicate` finds what it needs; on timeout or cancellation the child is stopped.
    func waitForOutput<T>(timeout: Duration = .seconds(60), _ predicate: (String) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        do {
            while ContinuousClock.now < deadline {
                if let found = predicate(stdout) { return found }
                if poll() { break }
                try await Task.sleep(for: .milliseconds(10))
            }
        } catch {
            stop()
            throw error
        }
        stop()
        throw RPCTestError("no expected output within \(timeout): \(stdout.debugDescription) \(stderr.debugDescription)")
    }

    /// Waits for exit, killing the child after `timeout` or as soon as the waiting task is cancelled.
    func finish(timeout: Duration = .seconds(120)) async -> ProgramResult {
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        while !poll() {
            if Task.isCancelled || ContinuousClock.now > deadline {
                timedOut = true
                stop()
                break
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        return ProgramResult(status: exitStatus.withLock { $0 } ?? -1, out: stdout, err: stderr, timedOut: timedOut)
    }
}

/// Runs a program to completion (killed after `timeout`); returns its status and output.
func runProgram(_ executable: String, _ arguments: [String], stdin: String? = nil,
                timeout: Duration = .seconds(120)) async throws -> ProgramResult {
    try await ChildProcess(executable, arguments, input: stdin.map { .text($0) } ?? .none).finish(timeout: timeout)
}

/// Whether a process with this id exists, as a running process or as a zombie nobody reaped.
func processExists(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
}
