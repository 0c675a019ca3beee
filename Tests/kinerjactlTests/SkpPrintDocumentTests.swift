import Foundation
import KinerjaDocuments
import KinerjaProto
import Testing
@testable import kinerjactl

/// `skp print`: the SKP as the regulation's form, read back with pdftotext.
@Suite("SKP printout")
struct SkpPrintDocumentTests {
    static func render(_ skp: Planning.Skp, name: String) throws -> (pdf: [UInt8], pages: Int) {
        let document = SkpDocument.build(SkpPrintSamples.printout(skp))
        let pdf = try document.pdf()
        SkpPrintSamples.preview(name, pdf)
        return (pdf, try document.pageCount())
    }

    /// `text` with runs of white space (line breaks of narrow columns) as one space.
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test("the administrasi form: identity block, Hasil Kerja Utama then Tambahan, BerAKHLAK with ekspektasi khusus, signatures, stamp, then the Lampiran on a page of its own",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func administrasiForm() throws {
        let (pdf, pages) = try Self.render(SkpPrintSamples.administrator, name: "skp-administrasi.pdf")
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        for expected in ["SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT ADMINISTRASI DAN PELAKSANA",
                         "PERIODE PENILAIAN: 1 JANUARI 2026 SD 31 DESEMBER 2026", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA",
                         "Yohanes Fanggidaé, S.Sos., M.Si.", SkpPrintSamples.kepalaBidang, "Penata Tingkat I, III/d", "Pembina Tingkat I, IV/b",
                         "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "Meningkatnya kualitas pelayanan administrasi kependudukan Kota Kupang",
                         "Jumlah KTP-el yang diterbitkan", "1200 dokumen", "98–100 persen", "≤ 3 hari", "Kuantitas", "Kualitas", "Waktu",
                         "Penugasan: Surat Tugas Kepala Dinas No. 800/214/DUKCAPIL/2026", "(cascading langsung)",
                         "Berorientasi Pelayanan", "Kolaboratif", "Merespons pengaduan warga tentang KTP-el paling lama 1×24 jam",
                         "Untuk RHK A2:", "Pegawai yang Dinilai", "Kupang, 2 Januari 2026",
                         "DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI", "Reviu capaian triwulanan"] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        let order = ["A. UTAMA", "B. TAMBAHAN", "PERILAKU KERJA", "PERSETUJUAN ELEKTRONIK", "LAMPIRAN SASARAN KINERJA PEGAWAI"]
        let positions = order.compactMap { flat.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted(), "sections in the form's order")
        #expect(pages >= 2)
        let lastPage = Self.flat(try #require(try SkpPrintSamples.text(pdf, first: pages, last: pages)))
        #expect(lastPage.contains("LAMPIRAN SASARAN KINERJA PEGAWAI"))
        #expect(!lastPage.contains("A. UTAMA"), "the Lampiran starts a page")
        #expect(!flat.contains("PERSPEKTIF"), "only JPT has Perspektif")
    }

    @Test("the JPT form has the Perspektif column, and the Wali Kota as penilai is NON ASN without a NIP",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func jptForm() throws {
        let (pdf, _) = try Self.render(SkpPrintSamples.sekda, name: "skp-jpt.pdf")
        let flat = Self.flat(try #require(try SkpPrintSamples.text(pdf)))
        for expected in ["BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI", "PERSPEKTIF", "Penerima Layanan", "Proses Bisnis",
                         "Benediktus Lay Riwu", "NON ASN", "Wali Kota Kupang", "Kepala Daerah (pejabat penilai non-ASN)"] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        #expect(!flat.contains("NONASN."), "a non-ASN identifier is not printed as if it were a NIP")
        #expect(!flat.contains("NIP. NONASN"))
    }

    @Test("the fungsional form prints each result's peran, and a Plt penilai with the decree",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func fungsionalForm() throws {
        let (pdf, _) = try Self.render(SkpPrintSamples.fungsional, name: "skp-jf.pdf")
        let flat = Self.flat(try #require(try SkpPrintSamples.text(pdf)))
        for expected in ["BAGI PEJABAT FUNGSIONAL", "PERAN", "Verifikator berkas permohonan KTP-el", "Plt. Pejabat Penilai Kinerja",
                         "Pelaksana Tugas (Plt.), SPT Wali Kota No. 821.2/045/BKPSDM/2026", "Ni Luh Ayu Wulandari, S.Kom."] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
    }

    @Test("the stamp shows who approved as which penilai, when in WITA, the version and the body's SHA-256; the Keywords carry the same",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func approvalStamp() throws {
        let skp = SkpPrintSamples.administrator
        let (pdf, _) = try Self.render(skp, name: "skp-stamp.pdf")
        let hash = try #require(skp.approval?.bodySha256)
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        for expected in ["PERSETUJUAN ELEKTRONIK", "Dra. Maria Goreti Ndun, M.Si. (NIP. \(SkpPrintSamples.kepalaDinas))", "Atasan langsung",
                         "2 Januari 2026 pukul 14.30 WITA", "Versi SKP", "kinerjactl skp verify-print"] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        #expect(SkpPrintVerification.printedTextShows(hash, in: text))
        let mark = try #require(SkpPrintMark(keywords: try PDFInfo(pdf: pdf).keywords))
        #expect(mark == SkpPrintMark(skpID: skp.skpID, version: 2, bodySHA256: hash))
    }

    @Test("an SKP that is not approved says 'belum disetujui' on its stamp and carries no hash", .enabled(if: SkpPrintSamples.popplerInstalled))
    func notApproved() throws {
        let (pdf, _) = try Self.render(SkpPrintSamples.draft, name: "skp-draft.pdf")
        let flat = Self.flat(try #require(try SkpPrintSamples.text(pdf)))
        #expect(flat.contains("BELUM DISETUJUI"))
        #expect(flat.contains("belum disetujui (status: Draf)"))
        #expect(!flat.contains("PERSETUJUAN ELEKTRONIK"))
        #expect(flat.contains("Kupang, …………………… 2026"), "no date before approval")
        let mark = try #require(SkpPrintMark(keywords: try PDFInfo(pdf: pdf).keywords))
        #expect(mark.bodySHA256 == nil)
        #expect(try PDFInfo(pdf: pdf).keywords.hasSuffix("body_sha256=none"))
    }

    @Test("an SKP of 30 RHKs runs over several pages with the table header on each, and every RHK printed", .enabled(if: SkpPrintSamples.popplerInstalled))
    func longSkp() throws {
        var skp = SkpPrintSamples.administrator
        let template = skp.rhks[0]
        skp.rhks = (1...30).map { number in
            var rhk = template
            rhk.rhkID = "01JRHKLONG\(String(repeating: "0", count: 14 - String(number).count))\(number)"
            rhk.kind = number <= 26 ? .utama : .tambahan
            rhk.text = "Hasil kerja nomor \(number): \(template.text)"
            rhk.position = UInt32(number)
            return rhk
        }
        SkpPrintSamples.approve(&skp)
        let (pdf, pages) = try Self.render(skp, name: "skp-long.pdf")
        #expect(pages >= 5)
        let flat = Self.flat(try #require(try SkpPrintSamples.text(pdf)))
        for number in 1...30 { #expect(flat.contains("Hasil kerja nomor \(number):"), "RHK \(number) missing") }
        for page in 2...3 {
            let pageText = Self.flat(try #require(try SkpPrintSamples.text(pdf, first: page, last: page)))
            #expect(pageText.contains("RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI"), "page \(page) repeats the header")
        }
    }

    @Test("the jenis jabatan chooses the form")
    func layoutChoice() {
        #expect(SkpFormLayout(.jpt) == .jpt)
        #expect(SkpFormLayout(.administrator) == .administrasi)
        #expect(SkpFormLayout(.pengawas) == .administrasi)
        #expect(SkpFormLayout(.pelaksana) == .administrasi)
        #expect(SkpFormLayout(.fungsional) == .fungsional)
        #expect(SkpFormLayout(.unspecified) == .administrasi)
    }

    @Test("golongan read as pangkat: PNS with its rank, PPPK as given, nothing as a dash")
    func pangkat() {
        #expect(Pangkat.line(golongan: "III/b") == "Penata Muda Tingkat I, III/b")
        #expect(Pangkat.line(golongan: "iv / E") == "Pembina Utama, IV/e")
        #expect(Pangkat.line(golongan: "IX") == "IX")
        #expect(Pangkat.line(golongan: "") == "—")
    }

    @Test("dates and times read as Indonesian documents write them, in WITA")
    func indonesianDates() {
        #expect(IndonesianDate.day(Common.Date(year: 2026, month: 8, day: 17)) == "17 Agustus 2026")
        // 2025-12-31 16:05 UTC is already 1 January in Kupang.
        #expect(IndonesianDate.instant(Common.Timestamp(seconds: 1_767_197_100)) == "1 Januari 2026 pukul 00.05 WITA")
        #expect(IndonesianDate.instant(nil) == "—")
        #expect(IndonesianDate.day(Common.Date(year: 2026, month: 13, day: 1)) == "—")
    }
}
