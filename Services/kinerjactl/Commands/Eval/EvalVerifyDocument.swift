import ArgumentParser
import Foundation
import KinerjaDocuments
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval verify-document`.
    struct VerifyDocument: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify-document",
            abstract: "Check an evaluation document (PDF from eval document) against the finalisation evaluation holds now.",
            discussion: """
            Reads the mark `kinerja-eval-document/1; evaluation_id=…; period_id=…; finalisation=…; snapshot_sha256=…` \
            from the PDF's information dictionary (Keywords), reads the evaluation and its period, and compares the \
            printed hash with the SHA-256 of the snapshot the service keeps for the evaluation's current finalisation. \
            When pdftotext (poppler-utils) is installed, the hash printed on the page must be the mark's too. A \
            finalisation that a reopening superseded no longer verifies, even when its hash is still on record.

            Exit status:
              0   verified: the document is the evaluation as finalised, and that finalisation is in force
              5   mismatch: the document, its mark or the stored evaluation was changed, or the evaluation is unknown
              7   superseded: the period was reopened after the finalisation the document was printed from
              65  the file cannot be read or is not a document of eval document
              69  evaluation or identity cannot be reached
              77  not signed in, or not allowed to read the evaluation
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: ArgumentHelp("The evaluation document.", valueName: "file.pdf")) var file: String

        func validate() throws {
            guard !file.isEmpty else { throw CLIError.invalidArguments("name the evaluation document (a .pdf file)") }
        }

        func run() async throws {
            let document = try EvaluationDocumentFile.open(file)
            let report = try await CommandEnvironment.withEvaluation(connection) { caller in
                try await document.check(caller)
            }
            if connection.json {
                let data = try JSONSerialization.data(withJSONObject: report.json, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
            } else {
                print(report.text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.sanitized(String($0)) }.joined(separator: "\n"))
            }
            switch report.verdict {
            case .verified: return
            case .mismatch(let reason): throw CLIError(.printoutMismatch, "\(file) does not match the stored evaluation: \(reason)")
            case .superseded(let reason): throw CLIError(.documentSuperseded, "\(file) is of a superseded finalisation: \(reason)")
            }
        }
    }
}

/// A PDF written by `eval document`: what its mark says and what its pages show.
struct EvaluationDocumentFile {
    /// Its path.
    var file: String
    /// The mark from its Keywords.
    var mark: EvaluationDocumentMark
    /// The text of its pages (pdftotext); nil when poppler-utils is not installed.
    var pageText: String?

    /// What checking it against evaluation found.
    struct Report {
        var file: String
        var mark: EvaluationDocumentMark
        var verdict: EvaluationDocumentVerification.Verdict
        /// The evaluation as the service holds it now, when it has it.
        var stored: Evaluation.EmployeeEvaluation?
        /// True when the page text was read and agrees with the mark.
        var pageChecked: Bool

        /// For people: the verdict first, then what it rests on.
        var text: String {
            var lines: [String]
            switch verdict {
            case .verified: lines = ["VERIFIED: \(file) is evaluation \(mark.evaluationID) as finalised (finalisation \(mark.finalisation))"]
            case .mismatch(let reason): lines = ["MISMATCH: \(file) does not match evaluation \(mark.evaluationID): \(reason)"]
            case .superseded(let reason): lines = ["SUPERSEDED: \(file) is evaluation \(mark.evaluationID) of a finalisation no longer in force: \(reason)"]
            }
            if let stored {
                lines.append("  employee      \(EvaluationText.employee(stored.employee)), \(EvalSpans.label(stored.span))")
                lines.append("  stored        \(Display.name(stored.state).lowercased()), predikat \(EvaluationText.predikat(stored.predikat))")
                lines.append("  held SHA-256  " + (stored.snapshotSha256.isEmpty ? "none (not finalised)" : Display.hex(stored.snapshotSha256)))
            }
            lines.append("  printed hash  \(mark.snapshotSHA256)")
            lines.append("  page text     " + (pageChecked ? "shows the same hash" : "not checked (pdftotext is not installed)"))
            return lines.joined(separator: "\n")
        }

        /// For `--json`.
        var json: [String: Any] {
            var result: [String: Any] = [
                "file": file, "evaluationId": mark.evaluationID, "periodId": mark.periodID, "finalisation": Int(mark.finalisation),
                "printedSha256": mark.snapshotSHA256, "pageChecked": pageChecked,
            ]
            switch verdict {
            case .verified: result["verdict"] = "VERIFIED"
            case .mismatch(let reason):
                result["verdict"] = "MISMATCH"
                result["reason"] = reason
            case .superseded(let reason):
                result["verdict"] = "SUPERSEDED"
                result["reason"] = reason
            }
            if let stored {
                result["storedState"] = stored.state.protoName ?? ""
                result["heldSha256"] = stored.snapshotSha256.isEmpty ? NSNull() : Display.hex(stored.snapshotSha256)
            }
            return result
        }
    }

    /// Reads `file` (exit 65 when it cannot be read or is not a document of eval document).
    static func open(_ file: String) throws -> EvaluationDocumentFile {
        let bytes = try SkpPrintedFile.read(file)
        return EvaluationDocumentFile(file: file, mark: try mark(of: bytes, file: file),
                                      pageText: PopplerTools.run("pdftotext", ["-enc", "UTF-8", file, "-"]))
    }

    /// What the document says about itself (exit 65 when it is not a document of eval document).
    static func mark(of bytes: [UInt8], file: String) throws -> EvaluationDocumentMark {
        let keywords: String
        do {
            keywords = try PDFInfo(pdf: bytes).keywords
        } catch {
            guard let fromPoppler = PopplerTools.keywords(file) else {
                throw CLIError(.badInputFile, "\(file): \(error.message)", cause: error)
            }
            keywords = fromPoppler
        }
        guard let mark = EvaluationDocumentMark(keywords: keywords) else {
            throw CLIError(.badInputFile, "\(file) is not an evaluation document of kinerjactl eval document "
                + "(its Keywords carry no \(EvaluationDocumentMark.format) mark)")
        }
        return mark
    }

    /// Why the page text disagrees with the mark (it shows another hash, or none); nil when it agrees.
    static func pageMismatch(_ mark: EvaluationDocumentMark, pageText: String) -> String? {
        let shown = SkpPrintVerification.printedHashes(in: pageText).subtracting([mark.snapshotSHA256])
        guard SkpPrintVerification.printedTextShows(mark.snapshotSHA256, in: pageText), shown.isEmpty else {
            return "the page shows " + (shown.isEmpty ? "no hash" : shown.sorted().joined(separator: ", "))
                + ", its metadata \(mark.snapshotSHA256): the document was changed"
        }
        return nil
    }

    /// Reads the evaluation and its period the mark names and decides.
    func check(_ caller: EvaluationCaller) async throws -> Report {
        var report = Report(file: file, mark: mark, verdict: .mismatch("not checked"), pageChecked: false)
        if let pageText {
            if let changed = Self.pageMismatch(mark, pageText: pageText) {
                report.verdict = .mismatch(changed)
                return report
            }
            report.pageChecked = true
        }
        let response: Evaluation.GetEvaluationResponse
        do {
            var request = Evaluation.GetEvaluationRequest()
            request.key = .evaluationID(mark.evaluationID)
            response = try await caller.call { try await $0.getEvaluation(request, options: $1) }
        } catch let error as RPCError where error.code == .notFound {
            report.verdict = .mismatch("evaluation has no evaluation \(mark.evaluationID)")
            return report
        }
        guard let stored = response.evaluation else {
            throw CLIError(.failure, "the service answered GetEvaluation without the evaluation", status: .internal)
        }
        report.stored = stored
        let period = try? await EvalLookup.period(id: mark.periodID, caller)
        report.verdict = EvaluationDocumentVerification.verdict(mark: mark, evaluation: stored, period: period)
        return report
    }
}
