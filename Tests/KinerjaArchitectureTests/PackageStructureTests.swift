import Foundation
import KinerjaTestSupport
import Testing

/// The module boundaries of docs/ARCHITECTURE.md, checked against the package itself.
@Suite("Package structure")
struct PackageStructureTests {
    struct Target: Decodable {
        struct Dependency: Decodable {
            let byName: [String?]?
            let target: [String?]?
            var name: String? { (byName ?? target)?.first ?? nil }
        }
        let name: String
        let path: String?
        let type: String
        let dependencies: [Dependency]
    }
    struct Manifest: Decodable { let targets: [Target] }

    static func manifest() throws -> Manifest {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // Its own scratch folder: the package's .build is locked by the `swift test` running this.
        let scratch = NSTemporaryDirectory() + "kinerja-dump-package-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        process.arguments = ["swift", "package", "dump-package", "--package-path", TestPKI.root, "--scratch-path", scratch]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let watchdog = Task {
            try await Task.sleep(for: .seconds(120))
            if process.isRunning { process.terminate() }
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return try JSONDecoder().decode(Manifest.self, from: data)
    }

    @Test("no library under Services/ depends on another library under Services/: shared vocabulary lives in Shared/")
    func servicesAreIndependent() throws {
        let targets = try Self.manifest().targets
        let serviceLibraries = Set(targets.filter { $0.type == "regular" && ($0.path ?? "").hasPrefix("Services/") }.map(\.name))
        #expect(serviceLibraries.count >= 2)
        for target in targets where serviceLibraries.contains(target.name) {
            let offending = target.dependencies.compactMap(\.name).filter { serviceLibraries.contains($0) }
            #expect(offending.isEmpty, "\(target.name) depends on \(offending)")
        }
    }

    @Test("each service's main.swift is a handful of lines: the service is its definition")
    func thinExecutables() throws {
        let services = try FileManager.default.contentsOfDirectory(atPath: TestPKI.root + "/Services").filter { $0.hasPrefix("kinerja-") }
        #expect(!services.isEmpty)
        for service in services {
            let text = try String(contentsOfFile: "\(TestPKI.root)/Services/\(service)/main.swift", encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            #expect(lines.count <= 15, "Services/\(service)/main.swift has \(lines.count) lines")
        }
    }
}
