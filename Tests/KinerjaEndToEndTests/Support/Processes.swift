import Foundation

/// Paths of the repository and of the executables `swift build` made.
enum Paths {
    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// The build folder holding the executables (`KINERJA_BIN` overrides).
    static var bin: String {
        ProcessInfo.processInfo.environment["KINERJA_BIN"] ?? "\(root)/.build/debug"
    }
}

struct EndToEndFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A running executable whose output goes to files the test can read.
final class RunningProcess: Sendable {
    let process: Process
    let stdoutPath: String
    let stderrPath: String

    init(executable: String, arguments: [String], environment: [String: String] = [:], directory: String, name: String,
         stdin: String? = nil) throws {
        stdoutPath = "\(directory)/\(name).out"
        stderrPath = "\(directory)/\(name).err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        if let stdin {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(stdin.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }

    /// Waits until `condition` holds on the process's output; fails after `seconds` (a hang guard, not a timing assertion).
    func waitFor(_ what: String, seconds: Double = 180, _ condition: (RunningProcess) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition(self) {
            if !process.isRunning && !condition(self) {
                throw EndToEndFailure("process exited (\(process.terminationStatus)) before \(what); stderr: \(stderr.suffix(2000))")
            }
            if Date() > deadline { throw EndToEndFailure("no \(what) after \(Int(seconds)) s; stderr: \(stderr.suffix(2000))") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Waits for the process to exit and returns its status.
    func waitForExit(seconds: Double = 180) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw EndToEndFailure("process did not exit within \(Int(seconds)) s")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        return process.terminationStatus
    }

    func signal(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Kills the process if it still runs (cleanup).
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
