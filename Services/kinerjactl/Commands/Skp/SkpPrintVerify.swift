import ArgumentParser
import Foundation
import KinerjaDocuments
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp verify-print`.
    struct VerifyPrint: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-print",
            abstract: "Check a printed SKP (PDF from skp print) against the version stored in planning.",
            discussion: """
            Reads the SKP id, the version and the stamp's SHA-256 from the PDF's Keywords, fetches \
            that version, recomputes the SHA-256 of its body by the canonical rule (planning.proto, \
            SkpApproval.body_sha256) and compares it with the printed hash and with the hash planning \
            recorded at approval. When pdftotext (poppler-utils) is installed, the hash printed on the \
            page is checked too.

            Exit status: 0 the printout matches; 5 it does not (changed printout, changed store, or \
            another version); 6 it carries no approval stamp (belum disetujui), so there is nothing to \
            verify; 65 the file is not a printout of skp print.
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: ArgumentHelp("The printed SKP.", valueName: "file.pdf")) var file: String

        func run() async throws {
            let bytes = try Self.read(file)
            let mark = try Self.mark(of: bytes, file: file)
            guard let printed = mark.bodySHA256 else {
                throw CLIError(.printoutWithoutStamp, "\(file) is SKP \(mark.skpID) version \(mark.version) without an approval stamp (belum disetujui): there is no hash to verify")
            }
            let pageText = Self.pageText(file)
            if let pageText, !SkpPrintVerification.printedTextShows(printed, in: pageText) {
                throw CLIError(.printoutMismatch, "\(file): the hash printed on the page is not the \(printed) its metadata records; the printout was changed")
            }
            let stored = try await CommandEnvironment.withPlanning(connection) { caller in
                try SkpFetch.required(try await SkpFetch.skp(mark.skpID, version: mark.version, caller))
            }
            switch try SkpPrintVerification.verdict(mark: mark, stored: stored) {
            case .noStamp:
                throw CLIError(.printoutWithoutStamp, "\(file) carries no approval stamp")
            case .mismatch(let reason):
                throw CLIError(.printoutMismatch, "\(file) does not match SKP \(mark.skpID) version \(mark.version): \(reason)")
            case .matches(let hash):
                let approval = stored.approval
                let who = approval?.penilai?.penilai.map { $0.displayName.isEmpty ? $0.nip : $0.displayName } ?? "—"
                let kind = SkpFormVocabulary.penilaiKind(approval?.penilai?.kind ?? .unspecified)
                print("""
                    OK: \(file) matches the stored SKP
                      SKP           \(stored.skpID) version \(stored.version) (\(SkpFormVocabulary.state(stored.state)))
                      approved by   \(who), \(kind.lowercased()), \(IndonesianDate.instant(approval?.at))
                      body SHA-256  \(hash)
                      page text     \(pageText == nil ? "not checked (pdftotext is not installed)" : "shows the same hash")
                    """)
            }
        }

        /// The file's bytes (exit 65 when it cannot be read).
        static func read(_ path: String) throws -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError(.badInputFile, "cannot read \(path)")
            }
            guard data.count <= PDFInfo.maximumBytes else { throw CLIError(.badInputFile, "\(path) is too large to be a printed SKP") }
            return [UInt8](data)
        }

        /// What the printout says about itself (exit 65 when it is not a printout of skp print).
        static func mark(of bytes: [UInt8], file: String) throws -> SkpPrintMark {
            let keywords: String
            do {
                keywords = try PDFInfo(pdf: bytes).keywords
            } catch {
                guard let fromPoppler = PopplerTools.keywords(file) else {
                    throw CLIError(.badInputFile, "\(file): \(error.message)", cause: error)
                }
                keywords = fromPoppler
            }
            guard let mark = SkpPrintMark(keywords: keywords) else {
                throw CLIError(.badInputFile, "\(file) is not an SKP printed by kinerjactl skp print (its Keywords carry no \(SkpPrintMark.format) mark)")
            }
            return mark
        }

        /// The text of the pages, when pdftotext is installed.
        static func pageText(_ file: String) -> String? {
            PopplerTools.run("pdftotext", ["-enc", "UTF-8", file, "-"])
        }
    }
}

/// poppler-utils, when installed: an independent reader of what a PDF shows.
enum PopplerTools {
    /// Runs `tool` with `arguments`; its standard output, or nil when it is not installed or fails.
    static func run(_ tool: String, _ arguments: [String]) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let executable = directories.map({ "\($0)/\(tool)" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The Keywords `pdfinfo` reads (for a PDF whose information dictionary is compressed).
    static func keywords(_ file: String) -> String? {
        guard let info = run("pdfinfo", ["-enc", "UTF-8", file]) else { return nil }
        return info.split(separator: "\n").first { $0.hasPrefix("Keywords:") }
            .map { $0.dropFirst("Keywords:".count).trimmingCharacters(in: .whitespaces) }
    }
}
