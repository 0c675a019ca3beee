import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A server (or tool) run as a child process, its standard output and error in files.
///
/// Spawned with posix_spawn, an empty signal mask and default signal dispositions, as a service
/// manager would start it: Swift's worker threads block most signals, and a child inheriting that
/// mask would ignore SIGTERM (and `openssl speed` would never see its SIGALRM).
final class ChildProcess: @unchecked Sendable {
    let name: String
    let pid: pid_t
    let stdoutPath: String
    let stderrPath: String
    private var exitStatus: Int32?

    init(name: String, executable: String, arguments: [String], environment: [String: String] = [:], directory: String) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchFailure("\(executable) is not built (see Benchmarks/README.md \"Identity benchmark\")")
        }
        self.name = name
        stdoutPath = "\(directory)/\(name).out"
        stderrPath = "\(directory)/\(name).log"
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else { throw BenchFailure("cannot start \(executable): \(String(cString: strerror(result)))") }
        self.pid = pid
        ChildProcess.running.append(self)
    }

    /// False once the process has exited (reaps it).
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = status
            return false
        }
        return true
    }

    /// The raw wait status once exited.
    var terminationStatus: Int32 { exitStatus ?? -1 }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderrTail: String {
        let text = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(5).joined(separator: "\n")
    }

    /// Waits for the process to exit by itself.
    func waitForExit(timeout: Double) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while isRunning {
            if Date() > deadline { kill(pid, SIGKILL); throw BenchFailure("\(name) did not finish within \(Int(timeout)) s") }
            try await Task.sleep(for: .milliseconds(20))
        }
        ChildProcess.running.removeAll { $0 === self }
        return terminationStatus
    }

    /// Waits until `ready` holds for the standard output (or fails when the process exits first).
    func waitForOutput(_ what: String, timeout: Double = 120, _ ready: (String) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if ready(stdout) { return }
            if !isRunning {
                throw BenchFailure("\(name) exited (wait status \(terminationStatus)) before \(what):\n\(stderrTail)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BenchFailure("\(name): no \(what) within \(Int(timeout)) s")
    }

    /// Waits until a TCP connection to `port` on 127.0.0.1 succeeds.
    func waitForPort(_ port: Int, timeout: Double = 60) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if tcpAccepts(port: port) { return }
            if !isRunning { throw BenchFailure("\(name) exited before listening:\n\(stderrTail)") }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw BenchFailure("\(name) is not listening on \(port) after \(Int(timeout)) s")
    }

    /// A field of /proc/PID/status in KiB (VmRSS, VmHWM).
    func statusKiB(_ field: String) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// CPU seconds (user + system) the process has used so far.
    func cpuSeconds() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGTERM, then SIGKILL after `grace` seconds.
    func stop(grace: Double = 40) async {
        if isRunning { kill(pid, SIGTERM) }
        let deadline = Date().addingTimeInterval(grace)
        while isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        if isRunning {
            log("warning: \(name) did not stop within \(Int(grace)) s of SIGTERM; SIGKILL")
            kill(pid, SIGKILL)
            while isRunning { try? await Task.sleep(for: .milliseconds(20)) }
        }
        ChildProcess.running.removeAll { $0 === self }
    }

    nonisolated(unsafe) static var running: [ChildProcess] = []

    /// Kills every child still running (on a failure of the benchmark).
    static func killAll() {
        for child in running { kill(child.pid, SIGKILL) }
    }
}

func tcpAccepts(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
