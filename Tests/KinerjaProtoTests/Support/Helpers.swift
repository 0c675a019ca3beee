import Foundation
@testable import KinerjaProto

/// The repository root (tests read proto/ and run protoc-c from it).
let repositoryRoot: URL = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
        url.deleteLastPathComponent()
        if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
    }
    return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
}()

/// Every .proto file, relative to proto/.
let protoFiles: [String] = {
    let base = repositoryRoot.appendingPathComponent("proto")
    let paths = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
    return paths.filter { $0.hasSuffix(".proto") }.sorted()
}()

/// The output of running a program, with its exit status.
struct ProcessResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
}

/// Runs `arguments[0]` (looked up in PATH) with `input` on stdin.
func run(_ arguments: [String], input: [UInt8], in directory: URL) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    // Write and read concurrently so neither pipe fills up.
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: [UInt8](out),
                         stderr: String(decoding: err, as: UTF8.self))
}


func hex(_ bytes: [UInt8]) -> String {
    bytes.map { String(format: "%02x", $0) }.joined()
}
