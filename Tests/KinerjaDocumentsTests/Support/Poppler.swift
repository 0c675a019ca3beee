import Foundation

/// poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`) when installed: the independent reader
/// the tests check PDFs with. Tests that need them are skipped when they are missing.
enum Poppler {
    /// The path of `tool` on PATH, or nil.
    static func path(_ tool: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    static var installed: Bool { path("pdfinfo") != nil && path("pdftotext") != nil }

    /// Runs `tool` with `arguments` on `pdf` (written to a temporary file); returns stdout.
    static func run(_ tool: String, _ arguments: [String], pdf: [UInt8]) throws -> String {
        guard let executable = path(tool) else { throw PopplerMissing(tool: tool) }
        let file = NSTemporaryDirectory() + "kinerja-documents-\(UUID().uuidString).pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments.map { $0 == "{}" ? file : $0 }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The page count `pdfinfo` reads.
    static func pages(_ pdf: [UInt8]) throws -> Int? {
        let info = try run("pdfinfo", ["{}"], pdf: pdf)
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        return line.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    }

    /// The text `pdftotext` extracts from pages `first…last` (all when nil).
    static func text(_ pdf: [UInt8], first: Int? = nil, last: Int? = nil) throws -> String {
        var arguments = ["-layout", "-enc", "UTF-8"]
        if let first { arguments += ["-f", String(first)] }
        if let last { arguments += ["-l", String(last)] }
        return try run("pdftotext", arguments + ["{}", "-"], pdf: pdf)
    }
}

struct PopplerMissing: Error {
    let tool: String
}
