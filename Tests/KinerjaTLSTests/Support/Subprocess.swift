import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What a finished command printed and how it ended.
struct CommandResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    var timedOut: Bool

    var output: String { stdout + stderr }
    var description: String { "exit \(status)\(timedOut ? " (timed out)" : "")\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}

/// A command running in the background (an `openssl s_server`, for instance), with its output in files.
///
/// Spawned with posix_spawn and reaped with waitpid: Foundation's `Process.waitUntilExit` can hang
/// inside a Swift Testing process on Linux. The child never outlives its test: every way out —
/// `finish`, a timeout or a cancelled wait, `stop()`, or the last reference going away when a test
/// throws — kills it with SIGKILL and reaps it.
final class BackgroundCommand: Sendable {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    private let stdinPath: String?
    /// The exit status once the child has been reaped.
    private let exitStatus = Mutex<Int32?>(nil)

    init(_ executable: String, _ arguments: [String], stdin: String? = nil) throws {
        let base = "\(NSTemporaryDirectory())/kinerja-tls-\(UUID().uuidString)"
        stdoutPath = base + ".out"
        stderrPath = base + ".err"
        if let stdin {
            stdinPath = base + ".in"
            try Data(stdin.utf8).write(to: URL(fileURLWithPath: base + ".in"))
        } else {
            stdinPath = nil
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard rc == 0 else { throw CommandError("posix_spawn \(executable) failed: \(rc)") }
        self.pid = pid
    }

    deinit {
        stop()
        removeFiles()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Reaps the process if it has exited; returns whether it has.
    func poll() -> Bool {
        exitStatus.withLock { exitStatus in
            if exitStatus != nil { return true }
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return false }
            exitStatus = Self.decode(status)
            return true
        }
    }

    /// Kills the process (SIGKILL) unless it has exited, and reaps it. Safe to call any number of times.
    func stop() {
        exitStatus.withLock { exitStatus in
            guard exitStatus == nil else { return }
            kill(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            exitStatus = Self.decode(status)
        }
    }

    /// WIFEXITED / WEXITSTATUS are macros; decode the classic wait status by hand.
    private static func decode(_ status: Int32) -> Int32 {
        (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }

    /// Polls stdout until `predicate` finds what it needs; on timeout or cancellation the process is stopped.
    func waitForOutput<T>(timeout: Duration = .seconds(60), _ predicate: (String) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        do {
            while ContinuousClock.now < deadline {
                if let found = predicate(stdout) { return found }
                try await Task.sleep(for: .milliseconds(20))
            }
        } catch {
            stop()
            throw error
        }
        stop()
        throw CommandError("no expected output within \(timeout): \(stdout) \(stderr)")
    }

    /// Waits for exit, killing the process after `timeout` or as soon as the waiting task is cancelled.
    func finish(timeout: Duration = .seconds(20)) async -> CommandResult {
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
        return collect(timedOut: timedOut)
    }

    /// Waits for exit, blocking the thread (for one-time fixtures).
    func finishBlocking() -> CommandResult {
        while !poll() { usleep(5_000) }
        return collect(timedOut: false)
    }

    private func collect(timedOut: Bool) -> CommandResult {
        let status = exitStatus.withLock { $0 } ?? -1
        let result = CommandResult(status: status, stdout: stdout, stderr: stderr, timedOut: timedOut)
        removeFiles()
        return result
    }

    private func removeFiles() {
        for path in [stdoutPath, stderrPath] + (stdinPath.map { [$0] } ?? []) { unlink(path) }
    }
}

/// Runs `body` with a command started in the background; the command is stopped and reaped when
/// `body` returns or throws.
func withBackgroundCommand<T>(
    _ executable: String, _ arguments: [String], stdin: String? = nil,
    _ body: (BackgroundCommand) async throws -> T
) async throws -> T {
    let command = try BackgroundCommand(executable, arguments, stdin: stdin)
    defer { command.stop() }
    return try await body(command)
}

/// Whether a process with this id exists, as a running process or as a zombie nobody reaped.
func processExists(_ pid: pid_t) -> Bool {
    kill(pid, 0) == 0 || errno == EPERM
}

struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs a command to completion.
func run(_ executable: String, _ arguments: [String], stdin: String? = nil, timeout: Duration = .seconds(20)) async throws -> CommandResult {
    try await BackgroundCommand(executable, arguments, stdin: stdin).finish(timeout: timeout)
}

/// Runs a command to completion, blocking the calling thread (for one-time fixtures).
func runBlocking(_ executable: String, _ arguments: [String]) throws -> CommandResult {
    try BackgroundCommand(executable, arguments).finishBlocking()
}
