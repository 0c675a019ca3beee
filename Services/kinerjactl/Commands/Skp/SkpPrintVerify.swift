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
            Reads the mark `kinerja-skp-print/1; skp_id=…; version=…; body_sha256=…` from the PDF's \
            information dictionary (Keywords), fetches that version, recomputes the SHA-256 of its \
            signed body by the canonical rule (planning.proto, SkpApproval.body_sha256) and compares \
            it with the printed hash and with the hash planning recorded at approval. When pdftotext \
            (poppler-utils) is installed, the hash printed on the page must be the mark's too. An SKP \
            that a transfer closed after approval verifies as the approved body, closed early.

            Exit status:
              0   verified: the printout is the approved body of that version
              5   mismatch: the printout, its mark or the stored SKP was changed,
                  or the mark names a version that was not printed or is unknown
              6   not approved: the printout has no approval stamp (belum disetujui)
              65  the file cannot be read or is not a printout of skp print
              69  planning or identity cannot be reached
              77  not signed in, or not allowed to read the SKP
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: ArgumentHelp("The printed SKP.", valueName: "file.pdf")) var file: String

        func validate() throws {
            guard !file.isEmpty else { throw CLIError.invalidArguments("name the printed SKP (a .pdf file)") }
        }

        func run() async throws {
            let printed = try SkpPrintedFile.open(file)
            let report = try await CommandEnvironment.withPlanning(connection) { caller in
                try await printed.check(caller)
            }
            if connection.json {
                let data = try JSONSerialization.data(withJSONObject: report.json, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print(report.text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitized(String($0)) }.joined(separator: "\n"))
            }
            switch report.verdict {
            case .verified, .verifiedBeforeClosure: return
            case .mismatch(let reason): throw CLIError(.printoutMismatch, "\(file) does not match the stored SKP: \(reason)")
            case .notApproved: throw CLIError(.printoutWithoutStamp, "\(file) carries no approval stamp (belum disetujui): there is nothing to verify")
            }
        }
    }
}

/// A PDF written by `skp print`: what its mark says and what its pages show.
struct SkpPrintedFile {
    /// Its path.
    var file: String
    /// The mark from its Keywords.
    var mark: SkpPrintMark
    /// The text of its pages (pdftotext); nil when poppler-utils is not installed.
    var pageText: String?

    /// What checking it against planning found.
    struct Report {
        var file: String
        var mark: SkpPrintMark
        var verdict: SkpPrintVerification.Verdict
        /// The stored version, when planning has it.
        var stored: Planning.Skp?
        /// The version in force now (0: none approved).
        var inForce: UInt32 = 0
        /// True when the page text was read and agrees with the mark.
        var pageChecked: Bool

        /// For people: the verdict first, then what it rests on.
        var text: String {
            var lines: [String]
            switch verdict {
            case .verified: lines = ["VERIFIED: \(file) is the approved SKP \(mark.skpID) version \(mark.version)"]
            case .verifiedBeforeClosure(_, let end):
                lines = ["VERIFIED: \(file) is the approved SKP \(mark.skpID) version \(mark.version); "
                    + "a transfer has since closed it (approved to \(IndonesianDate.day(end)), now to \(IndonesianDate.day(stored?.periodEnd)))"]
            case .mismatch(let reason): lines = ["MISMATCH: \(file) does not match SKP \(mark.skpID) version \(mark.version): \(reason)"]
            case .notApproved:
                lines = ["NOT APPROVED: \(file) is SKP \(mark.skpID) version \(mark.version) without an approval stamp (belum disetujui)"]
            }
            if let stored {
                lines.append("  stored        version \(stored.version), \(SkpFormVocabulary.state(stored.state))"
                    + (inForce == 0 ? ", no version in force" : inForce == stored.version ? ", in force" : "; version \(inForce) is in force"))
                if let approval = stored.approval {
                    let who = approval.penilai?.penilai.map { $0.displayName.isEmpty ? $0.nip : $0.displayName } ?? "—"
                    let kind = SkpFormVocabulary.penilaiKind(approval.penilai?.kind ?? .unspecified)
                    lines.append("  approved by   \(who), \(kind.lowercased()), \(IndonesianDate.instant(approval.at))")
                    lines.append("  stamp SHA-256 \(approval.bodySha256)")
                }
            }
            lines.append("  printed hash  \(mark.bodySHA256 ?? "none")")
            lines.append("  page text     " + (pageChecked ? "shows the same hash" : "not checked (pdftotext is not installed)"))
            return lines.joined(separator: "\n")
        }

        /// For `--json`.
        var json: [String: Any] {
            var result: [String: Any] = [
                "file": file, "skpId": mark.skpID, "version": Int(mark.version), "printedSha256": mark.bodySHA256 ?? NSNull(),
                "pageChecked": pageChecked, "inForceVersion": Int(inForce),
            ]
            switch verdict {
            case .verified: result["verdict"] = "VERIFIED"
            case .verifiedBeforeClosure(_, let end):
                result["verdict"] = "VERIFIED"
                result["approvedPeriodEnd"] = String(format: "%04d-%02d-%02d", end.year, end.month, end.day)
            case .mismatch(let reason):
                result["verdict"] = "MISMATCH"
                result["reason"] = reason
            case .notApproved: result["verdict"] = "NOT_APPROVED"
            }
            if let stored { result["storedState"] = stored.state.protoName ?? "" }
            return result
        }
    }

    /// Reads `file` (exit 65 when it cannot be read or is not a printout of skp print).
    static func open(_ file: String) throws -> SkpPrintedFile {
        let bytes = try read(file)
        return SkpPrintedFile(file: file, mark: try mark(of: bytes, file: file), pageText: PopplerTools.run("pdftotext", ["-enc", "UTF-8", file, "-"]))
    }

    /// Fetches the version the mark names and decides.
    func check(_ caller: PlanningCaller) async throws -> Report {
        var report = Report(file: file, mark: mark, verdict: .notApproved, pageChecked: false)
        if let printed = mark.bodySHA256, let pageText {
            let shown = SkpPrintVerification.printedHashes(in: pageText).subtracting([printed])
            guard SkpPrintVerification.printedTextShows(printed, in: pageText), shown.isEmpty else {
                report.verdict = .mismatch("the page shows " + (shown.isEmpty ? "no hash" : shown.sorted().joined(separator: ", "))
                    + ", its metadata \(printed): the printout was changed")
                return report
            }
            report.pageChecked = true
        }
        let response: Planning.GetSkpResponse
        do {
            response = try await SkpFetch.skp(mark.skpID, version: mark.version, caller)
        } catch let error as RPCError where error.code == .notFound {
            report.verdict = mark.bodySHA256 == nil ? .notApproved : .mismatch("planning has no SKP \(mark.skpID) version \(mark.version)")
            return report
        }
        let stored = try SkpFetch.required(response)
        report.stored = stored
        report.inForce = response.approvedVersion
        report.verdict = try SkpPrintVerification.verdict(mark: mark, stored: stored)
        return report
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
