import ArgumentParser
import Foundation
import KinerjaDocuments
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval document`.
    struct PrintDocument: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "document",
            abstract: "Write a finalised evaluation as the Dokumen Evaluasi Kinerja Pegawai (PDF) with its finalisation stamp.",
            discussion: """
            Lays out the evaluation as the regulation's form (PermenPANRB 6/2022, lampiran): the period, the pegawai, the \
            pejabat penilai and the atasan pejabat penilai (identity, on the period's last day), the organisation's \
            rating, both ratings with their reasons and the predikat, the signatures, and a stamp with the SHA-256 of \
            the finalisation's snapshot; then a lampiran with each RHK and IKI (target, realisation, capaian, the \
            verified reports and their evidence links from reporting), the continuous feedback of the period from \
            feedback (a rekan kerja is not named), the ekspektasi khusus and BerAKHLAK ratings, and every override. The \
            PDF's Keywords carry `kinerja-eval-document/1; evaluation_id=…; period_id=…; finalisation=…; \
            snapshot_sha256=…`, so `kinerjactl eval verify-document FILE` can check a printout.

            Only a finalised evaluation has a document: anything else is refused with exit status 8 (eval show shows \
            it as it stands). The file is written with mode 0600: an evaluation is personal data (UU 27/2022).
            E.g. kinerjactl eval document --nip 199003152015032001 --period 2026-Q2 -o evaluasi.pdf
            """)

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "Evaluation id.") var evaluationID: String?
        @Option(help: "Employee NIP (default: yours).") var nip: String?
        @Option(help: ArgumentHelp("The period: its id, or a span (YYYY, YYYY-Q1…Q4, YYYY-S1|S2, YYYY-MM).", valueName: "period"))
        var period: EvalPeriodReference?
        @Option(name: [.customLong("out"), .customShort("o")], help: ArgumentHelp("Where to write the PDF.", valueName: "file.pdf"))
        var out: String

        func validate() throws {
            if let evaluationID {
                guard EvaluationDocumentMark.isIdentifier(evaluationID) else {
                    throw CLIError.invalidArguments("evaluation id must be 1–64 letters and digits, not \(evaluationID.debugDescription)")
                }
                if period != nil || nip != nil { throw CLIError.invalidArguments("give an evaluation id or --period (with --nip), not both") }
            } else if period == nil {
                throw CLIError.invalidArguments("give an evaluation id, or --period (and --nip for someone else's)")
            }
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
            try SkpPrintArguments.pdfPath(out, option: "--out")
        }

        func run() async throws {
            let found = try await CommandEnvironment.withEvaluation(connection) { caller in
                try await EvalDocumentLookup(evaluation: caller).printout(try await EvalEvaluationKey.request(evaluationID, nip: nip, period: period, caller))
            }
            let written = try EvalDocumentJob.write(found.printout, to: out)
            if connection.json {
                let summary: [String: Any] = [
                    "file": out, "pages": written.pages, "evaluationId": written.mark.evaluationID, "periodId": written.mark.periodID,
                    "finalisation": Int(written.mark.finalisation), "snapshotSha256": written.mark.snapshotSHA256,
                    "predikat": found.printout.evaluation.predikat.protoName ?? "", "warnings": found.warnings,
                ]
                let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            print(TerminalText.sanitized("wrote \(out): evaluation \(written.mark.evaluationID) of \(found.printout.pegawai.name), "
                + "\(EvaluationDocument.periodTitle(found.printout.evaluation.span)), "
                + "predikat \(EvaluationText.predikat(found.printout.evaluation.predikat)), \(written.pages) pages, "
                + "finalisation stamp with snapshot SHA-256 \(written.mark.snapshotSHA256)"))
            for warning in found.warnings { StandardError.line("warning: " + warning) }
        }
    }
}

/// `eval document` without the command line: lay the printout out and write the file.
enum EvalDocumentJob {
    /// What was written.
    struct Written {
        var pages: Int
        var mark: EvaluationDocumentMark
    }

    /// Lays `printout` out and writes it to `path` (mode 0600); exit 8 when it is not finalised.
    static func write(_ printout: EvaluationPrintout, to path: String) throws -> Written {
        let evaluation = printout.evaluation
        guard let document = EvaluationDocument.build(printout), let mark = EvaluationDocument.mark(printout) else {
            throw CLIError(.notFinalised, "evaluation \(evaluation.evaluationID) (\(evaluation.employee?.nip ?? "?"), "
                + "\(EvalSpans.label(evaluation.span))) is \(Display.name(evaluation.state).lowercased()), not finalised: "
                + "only a finalised evaluation has a stamped document (kinerjactl eval show \(evaluation.evaluationID) shows it as it stands)",
                status: .failedPrecondition)
        }
        let pdf: [UInt8]
        let pages: Int
        do {
            pdf = try document.pdf()
            pages = try document.pageCount()
        } catch {
            throw CLIError(.failure, "cannot lay out the evaluation document: \(error.message)", cause: error)
        }
        try SkpPrintArguments.writePrivately(pdf, to: path)
        return Written(pages: pages, mark: mark)
    }
}

/// The GetEvaluation request for an evaluation id, or for `--nip` (default: the signed-in user)
/// and `--period` (a period id is read for its span: EmployeePeriodKey takes no period id).
enum EvalEvaluationKey {
    static func request(_ evaluationID: String?, nip: String?, period: EvalPeriodReference?,
                        _ caller: EvaluationCaller) async throws -> Evaluation.GetEvaluationRequest {
        var request = Evaluation.GetEvaluationRequest()
        if let evaluationID {
            request.key = .evaluationID(evaluationID)
            return request
        }
        guard let period else { throw CLIError.invalidArguments("give an evaluation id, or --period") }
        let span: Evaluation.EvaluationSpan
        switch period.kind {
        case .span(let given): span = given
        case .id(let id):
            guard let found = EvalSpans.span(of: try await EvalLookup.period(id: id, caller)) else {
                throw CLIError(.failure, "the service answered GetPeriod without the period's span", status: .internal)
            }
            span = found
        }
        request.key = .employeePeriod(Evaluation.EmployeePeriodKey(nip: try nip ?? caller.signedInNIP(), period: EvalSpans.period(span), span: span))
        return request
    }
}
