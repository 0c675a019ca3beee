import Foundation

/// `kinerja-rpc-testserver` running as a separate process (built with the tests).
final class ServerProcess {
    let process = Process()
    let lifeline = Pipe()
    let port: Int

    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("kinerja-rpc-testserver")
    }

    init(pki: String) throws {
        process.executableURL = Self.binary
        process.arguments = [pki, "0"]
        let output = Pipe()
        process.standardOutput = output
        // The server exits when this pipe closes, which happens when this process ends, however it ends.
        process.standardInput = lifeline
        try process.run()
        // First line: "listening on PORT".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = text.split(separator: " ").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
            process.terminate()
            throw RPCTestError("the test server printed \(text.debugDescription)")
        }
        self.port = port
    }

    /// SIGTERM, then the exit status.
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Runs a program to completion; returns its status, stdout and stderr.
func runProgram(_ executable: String, _ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}
