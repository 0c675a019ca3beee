import Foundation
import KinerjaDocuments
import KinerjaProto
import Testing
@testable import kinerjactl

/// `eval document` and `eval verify-document` on a constructed finalised evaluation: the form,
/// the stamp, the mark in the Keywords, and the verdicts.
@Suite("Evaluation document")
struct EvaluationDocumentTests {
    static let hash = Display.hex(EvaluationDocumentSamples.snapshot)

    @Test("a finalised evaluation lays out as the Dokumen Evaluasi Kinerja Pegawai with its lampiran, the snapshot hash in the Keywords and on the stamp")
    func layout() throws {
        let document = try #require(EvaluationDocument.build(EvaluationDocumentSamples.printout))
        let pdf = try document.pdf()
        SkpPrintSamples.preview("evaluation-document.pdf", pdf)
        #expect(Array(pdf.prefix(5)) == Array("%PDF-".utf8))
        #expect(try document.pageCount() >= 2, "the form, then the lampiran")
        let mark = try #require(EvaluationDocumentMark(keywords: try PDFInfo(pdf: pdf).keywords))
        #expect(mark == EvaluationDocumentMark(evaluationID: EvaluationDocumentSamples.evaluationID, periodID: EvaluationDocumentSamples.periodID,
                                               finalisation: 2, snapshotSHA256: Self.hash))
        guard let text = try SkpPrintSamples.text(pdf) else { return }
        for shown in ["DOKUMEN EVALUASI KINERJA PEGAWAI", "PERIODE: TRIWULAN II 2026", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA",
                      "ATASAN PEJABAT PENILAI KINERJA", "CAPAIAN KINERJA ORGANISASI", "PREDIKAT KINERJA PEGAWAI", "Agustinus",
                      "Jumlah KTP-el diterbitkan", "58 laporan", "Rekap KTP-el April", "Rekap KTP-el minggu ini rapi",
                      "Melayani warga di loket", "Pelayanan di loket melampaui", "Ikuti pelatihan SIAK", "FINALISASI ELEKTRONIK"] {
            #expect(SkpPrintDocumentTests.shows(shown, in: text), "\(shown) missing")
        }
        #expect(SkpPrintVerification.printedTextShows(Self.hash, in: text))
        #expect(text.contains("abababababab") && !text.contains(String(repeating: "ab", count: 32)), "evidence by a short hash: the stamp's is the only full one")
        #expect(EvaluationDocumentFile.pageMismatch(mark, pageText: text) == nil)
        #expect(text.contains("Rekan kerja") && !text.contains(SkpPrintSamples.kepalaSeksi), "a rekan kerja is not named")
    }

    @Test("an evaluation that is not finalised has no document: exit 8, and no file is written")
    func notFinalised() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var printout = EvaluationDocumentSamples.printout
        printout.evaluation.state = .rated
        printout.evaluation.snapshotSha256 = []
        #expect(EvaluationDocument.build(printout) == nil)
        #expect { _ = try EvalDocumentJob.write(printout, to: directory.path + "/evaluasi.pdf") } throws: {
            ($0 as? CLIError)?.code == .notFinalised && ($0 as? CLIError)?.code.exitStatus == 8
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/evaluasi.pdf"))
    }

    @Test("the document verifies against the snapshot the service holds; a changed byte of the stamped hash does not")
    func verdicts() throws {
        let mark = EvaluationDocumentMark(evaluationID: EvaluationDocumentSamples.evaluationID, periodID: EvaluationDocumentSamples.periodID,
                                          finalisation: 2, snapshotSHA256: Self.hash)
        let stored = EvaluationDocumentSamples.evaluation
        let period = EvaluationDocumentSamples.period
        #expect(EvaluationDocumentVerification.verdict(mark: mark, evaluation: stored, period: period) == .verified(snapshotSHA256: Self.hash))
        var changed = mark
        changed.snapshotSHA256 = String(Self.hash.dropLast()) + (Self.hash.last == "0" ? "1" : "0")
        guard case .mismatch = EvaluationDocumentVerification.verdict(mark: changed, evaluation: stored, period: period) else {
            Issue.record("a changed hash must not verify")
            return
        }
        var other = stored
        other.snapshotSha256[0] ^= 1
        guard case .mismatch = EvaluationDocumentVerification.verdict(mark: mark, evaluation: other, period: period) else {
            Issue.record("a changed stored snapshot must not verify")
            return
        }
    }

    @Test("a document of a finalisation that was reopened is superseded, even before the period is finalised again")
    func superseded() {
        let stored = EvaluationDocumentSamples.evaluation
        let first = EvaluationDocumentMark(evaluationID: EvaluationDocumentSamples.evaluationID, periodID: EvaluationDocumentSamples.periodID,
                                           finalisation: 1, snapshotSHA256: Self.hash)
        guard case .superseded(let reason) = EvaluationDocumentVerification.verdict(mark: first, evaluation: stored, period: EvaluationDocumentSamples.period) else {
            Issue.record("finalisation 1 was reopened")
            return
        }
        #expect(reason.contains("finalisation 2 is current") && reason.contains("Koreksi rating"))
        var reopened = EvaluationDocumentSamples.period
        reopened.finalisations[1].superseded = true
        var open = stored
        open.state = .rated
        open.snapshotSha256 = []
        let second = EvaluationDocumentMark(evaluationID: first.evaluationID, periodID: first.periodID, finalisation: 2, snapshotSHA256: Self.hash)
        guard case .superseded(let again) = EvaluationDocumentVerification.verdict(mark: second, evaluation: open, period: reopened) else {
            Issue.record("finalisation 2 was reopened too")
            return
        }
        #expect(again.contains("open again"))
        #expect(CLIError(.documentSuperseded, "x").code.exitStatus == 7)
    }

    @Test("a PDF whose Keywords hash was changed by one byte shows another hash on its page, and is not a document without the mark")
    func tamperedFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let pdf = try #require(EvaluationDocument.build(EvaluationDocumentSamples.printout)).pdf()
        let original = Array("snapshot_sha256=\(Self.hash)".utf8)
        let forged = Array("snapshot_sha256=\(String(Self.hash.dropLast()) + (Self.hash.last == "0" ? "1" : "0"))".utf8)
        let index = try #require(Self.firstIndex(of: original, in: pdf), "the Keywords are stored uncompressed")
        var tampered = pdf
        tampered.replaceSubrange(index..<(index + original.count), with: forged)
        let path = directory.path + "/palsu.pdf"
        try Data(tampered).write(to: URL(fileURLWithPath: path))
        let file = try EvaluationDocumentFile.open(path)
        #expect(file.mark.snapshotSHA256 != Self.hash)
        if let text = file.pageText { #expect(EvaluationDocumentFile.pageMismatch(file.mark, pageText: text) != nil) }
        let catatan = directory.path + "/catatan.pdf"
        try Data("bukan pdf".utf8).write(to: URL(fileURLWithPath: catatan))
        #expect { _ = try EvaluationDocumentFile.open(catatan) } throws: { ($0 as? CLIError)?.code == .badInputFile }
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test("eval document needs an evaluation id or --period, not both, a valid --nip and an output ending in .pdf (exit 64)")
    func arguments() throws {
        let good = try Kinerjactl.Eval.PrintDocument.parse(["--nip", SkpPrintSamples.analis, "--period", "2026-Q2", "-o", "evaluasi.pdf"])
        #expect(good.out == "evaluasi.pdf")
        _ = try Kinerjactl.Eval.PrintDocument.parse([EvaluationDocumentSamples.evaluationID, "--out", "evaluasi.pdf"])
        for arguments in [["--period", "2026-Q2"], ["--period", "2026-Q2", "-o", "evaluasi.png"], ["-o", "evaluasi.pdf"],
                          [EvaluationDocumentSamples.evaluationID, "--period", "2026-Q2", "-o", "evaluasi.pdf"],
                          ["01J/../x", "-o", "evaluasi.pdf"], ["--nip", "123", "--period", "2026-Q2", "-o", "evaluasi.pdf"]] {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try Kinerjactl.Eval.PrintDocument.parse(arguments) }
        }
        #expect(throws: (any Error).self) { _ = try Kinerjactl.Eval.VerifyDocument.parse([]) }
    }
}
