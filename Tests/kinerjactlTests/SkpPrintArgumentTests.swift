import Foundation
import Testing
@testable import kinerjactl

/// `skp print` and `skp verify-print` on the command line and on files.
@Suite("SKP print arguments")
struct SkpPrintArgumentTests {
    @Test("print needs an SKP id of letters and digits, a version of 1 or more, and an output ending in .pdf")
    func validation() throws {
        let good = try Kinerjactl.Skp.Print.parse(["01JSKPKUPANGDUKCAPIL000001", "--out", "skp.pdf"])
        #expect(good.out == "skp.pdf")
        for arguments in [["01J/../x", "--out", "skp.pdf"], ["01JSKP", "--out", "skp.txt"], ["01JSKP", "--out", "out/"],
                          ["01JSKP", "--version", "0", "--out", "skp.pdf"]] {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try Kinerjactl.Skp.Print.parse(arguments) }
            #expect(ArgumentFailure.invalidArguments(in: Self.parseError(arguments))?.code.exitStatus == 64, "\(arguments)")
        }
    }

    static func parseError(_ arguments: [String]) -> any Error {
        do {
            _ = try Kinerjactl.Skp.Print.parse(arguments)
            return CLIError(.failure, "parsed")
        } catch {
            return error
        }
    }

    @Test("the printout is written whole with mode 0600 (an SKP is personal data), replacing an older one")
    func privateFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/skp.pdf"
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try SkpPrintArguments.writePrivately(Array("%PDF-1.5 new".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("%PDF-1.5 new".utf8))
        #expect(TemporaryDirectory.mode(path) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["skp.pdf"], "no temporary file left")
        #expect(throws: CLIError.self) { try SkpPrintArguments.writePrivately([1], to: directory.path + "/missing/skp.pdf") }
    }

    @Test("verify-print refuses a file that is not a printout of skp print as a bad input file (65)")
    func notAPrintout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let text = directory.path + "/catatan.pdf"
        try Data("bukan pdf".utf8).write(to: URL(fileURLWithPath: text))
        #expect { _ = try SkpPrintedFile.mark(of: try SkpPrintedFile.read(text), file: text) } throws: {
            ($0 as? CLIError)?.code == .badInputFile
        }
        #expect { _ = try SkpPrintedFile.read(directory.path + "/missing.pdf") } throws: { ($0 as? CLIError)?.code == .badInputFile }
    }

    @Test("verify-print's exit statuses are distinct: 5 for a mismatch, 6 for a printout without a stamp")
    func exitStatuses() {
        #expect(ErrorReporting.report(CLIError(.printoutMismatch, "x")).exitStatus == 5)
        #expect(ErrorReporting.report(CLIError(.printoutWithoutStamp, "x")).exitStatus == 6)
    }
}
