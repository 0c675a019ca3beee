import KinerjaASN
import KinerjaCrypto
import ArgumentParser
import Foundation
import KinerjaDocuments
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp print`.
    struct Print: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "print",
            abstract: "Write an SKP as the regulation's form (PDF), with its Lampiran and approval stamp.",
            discussion: """
            Lays out the version as BKPSDM files it (PermenPANRB 6/2022, lampiran): the form for JPT, \
            for jabatan administrasi (administrator, pengawas, pelaksana) or for fungsional, chosen by \
            the jenis jabatan on the SKP; the identity block of the pegawai and the pejabat penilai (a \
            Plt or Plh as what they act for, the Wali Kota as NON ASN); Hasil Kerja, Perilaku Kerja \
            with the ekspektasi khusus, the signatures; the approval stamp (who approved as which \
            kind of penilai, when in WITA, which version, and the SHA-256 of the signed body), or \
            "belum disetujui"; and the Lampiran (Dukungan Sumber Daya, Skema Pertanggungjawaban, \
            Konsekuensi). The PDF's Keywords carry `kinerja-skp-print/1; skp_id=…; version=…; \
            body_sha256=…`, so `kinerjactl skp verify-print FILE` can check the printout against the \
            stored version. Names, golongan, units and the penilai come from identity when it answers.

            The file is written with mode 0600: an SKP is personal data (UU 27/2022).
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "SKP id.") var skpID: String
        @Option(help: "Version to print (default: the latest).") var version: UInt32?
        @Option(name: [.customLong("out"), .customShort("o")], help: ArgumentHelp("Where to write the PDF.", valueName: "file.pdf"))
        var out: String

        func validate() throws {
            try SkpPrintArguments.skpID(skpID)
            if let version, version == 0 { throw CLIError.invalidArguments("--version must be 1 or more") }
            try SkpPrintArguments.pdfPath(out, option: "--out")
        }

        func run() async throws {
            let written = try await CommandEnvironment.withPlanning(connection) { caller in
                try await SkpPrintJob(skpID: skpID, version: version ?? 0, output: out).run(caller)
            }
            let printout = written.printout
            if connection.json {
                let summary: [String: Any] = [
                    "file": out, "pages": written.pages, "skpId": printout.skp.skpID, "version": Int(printout.skp.version),
                    "state": printout.skp.state.protoName ?? "", "layout": SkpFormLayout(printout.skp.jenisJabatan).name,
                    "bodySha256": written.mark.bodySHA256 ?? NSNull(),
                ]
                let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
                print(String(decoding: data, as: UTF8.self))
                return
            }
            let stamp = written.mark.bodySHA256.map { "approval stamp with body SHA-256 \($0)" } ?? "no approval stamp (belum disetujui)"
            print(TerminalText.sanitized("wrote \(out): SKP \(printout.skp.skpID) version \(printout.skp.version) "
                + "(\(SkpFormVocabulary.state(printout.skp.state)), \(SkpFormLayout(printout.skp.jenisJabatan).name) form), "
                + "\(written.pages) pages, \(stamp)"))
            if let warning = written.warning { StandardError.line("warning: " + warning) }
        }
    }
}

/// `skp print` without the command line: fetch the version and the people, lay it out, write
/// the file.
struct SkpPrintJob {
    /// The SKP.
    var skpID: String
    /// The version; 0 for the latest.
    var version: UInt32
    /// The PDF's path.
    var output: String

    /// What was written.
    struct Written {
        var printout: SkpPrintout
        var pages: Int
        var mark: SkpPrintMark
        /// Set when the stored body no longer hashes to its own stamp (the printout will not verify).
        var warning: String?
    }

    /// Fetches, lays out and writes the printout.
    func run(_ caller: PlanningCaller) async throws -> Written {
        let response = try await SkpFetch.skp(skpID, version: version, caller)
        let skp = try SkpFetch.required(response)
        let printout = await SkpPrintLookup.printout(for: skp, approvedVersion: response.approvedVersion, caller)
        let document = SkpDocument.build(printout)
        let pdf: [UInt8]
        let pages: Int
        do {
            pdf = try document.pdf()
            pages = try document.pageCount()
        } catch {
            throw CLIError(.failure, "cannot lay out the SKP: \(error.message)", cause: error)
        }
        try SkpPrintArguments.writePrivately(pdf, to: output)
        let mark = SkpDocument.mark(printout)
        var warning: String?
        if let recomputed = printout.recomputedBodySHA256, let printed = mark.bodySHA256, recomputed != printed,
           SkpDocumentHash.approvedPeriodEnd(of: skp, matching: printed) == nil {
            warning = "the stored body hashes to \(recomputed), not to the stamp's \(printed); the printout will not verify"
        }
        return Written(printout: printout, pages: pages, mark: mark, warning: warning)
    }
}

/// Checks and file handling shared by `skp print` and `skp verify-print`.
enum SkpPrintArguments {
    /// An SKP id: 1–64 letters and digits (a ULID in practice).
    static func skpID(_ text: String) throws {
        guard (1...64).contains(text.count), text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) }) else {
            throw CLIError.invalidArguments("SKP id must be 1–64 letters and digits, not \(text.debugDescription)")
        }
    }

    /// A path ending in `.pdf`.
    static func pdfPath(_ path: String, option: String) throws {
        guard !path.isEmpty, !path.hasSuffix("/"), path.lowercased().hasSuffix(".pdf") else {
            throw CLIError.invalidArguments("\(option) must name a .pdf file, not \(path.debugDescription)")
        }
    }

    /// Writes `bytes` to `path` with mode 0600, replacing any file there only once the whole
    /// document is written (a temporary file beside it, then a rename).
    static func writePrivately(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: directory) else {
            throw CLIError(.failure, "cannot write \(path): the folder \(directory) does not exist")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".\(UUID().uuidString.prefix(8)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600]) else {
            throw CLIError(.failure, "cannot write \(path): creating \(temporary) failed")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CLIError(.failure, "cannot write \(path): \(reason)")
        }
    }
}
