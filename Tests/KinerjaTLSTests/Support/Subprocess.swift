import Foundation
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
/// inside a Swift Testing process on Linux.
final class BackgroundCommand: @unchecked Sendable {
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    private let stdinPath: String?
    private var exitStatus: Int32?

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

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Reaps the process if it has exited; returns whether it has.
    func poll() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return false }
        // WIFEXITED / WEXITSTATUS are macros; decode the classic wait status by hand.
        exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return true
    }

    /// Polls stdout until `predicate` finds what it needs.
    func waitForOutput<T>(timeout: Duration = .seconds(60), _ predicate: (String) -> T?) async throws -> T {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let found = predicate(stdout) { return found }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw CommandError("no expected output within \(timeout): \(stdout) \(stderr)")
    }

    /// Waits for exit, killing the process after `timeout`.
    func finish(timeout: Duration = .seconds(20)) async -> CommandResult {
        let deadline = ContinuousClock.now + timeout
        var timedOut = false
        while !poll() {
            if ContinuousClock.now > deadline, !timedOut {
                timedOut = true
                kill(pid, SIGKILL)
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
        let result = CommandResult(status: exitStatus ?? -1, stdout: stdout, stderr: stderr, timedOut: timedOut)
        for path in [stdoutPath, stderrPath] + (stdinPath.map { [$0] } ?? []) { unlink(path) }
        return result
    }
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
