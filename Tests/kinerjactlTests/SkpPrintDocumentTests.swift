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

    /// True when the words of `phrase` appear in `text` in order, each within a few words of the
    /// one before: a table cell's lines as pdftotext reads them, interleaved with the lines of the
    /// cells beside it. A word broken at a line end (`KTP-` `el`, `DUKCAPIL/` `2026`) counts, and
    /// pdftotext's joining of a hyphenated break (`KTPel`) too.
    static func shows(_ phrase: String, in text: String) -> Bool {
        let words = text.split(whereSeparator: \.isWhitespace).map(String.init)
        let wanted = phrase.split(whereSeparator: \.isWhitespace).map(String.init)
        func bare(_ word: String) -> String { word.replacingOccurrences(of: "-", with: "") }
        /// The index after the tokens from `index` on that spell `target`, or nil. Between the
        /// pieces of a broken word pdftotext may put a few words of the next cell.
        func match(_ target: String, at index: Int) -> Int? {
            guard index < words.count else { return nil }
            let word = words[index]
            if word == target || bare(word) == bare(target) { return index + 1 }
            guard word.count < target.count, target.hasPrefix(word) || bare(target).hasPrefix(bare(word)) else { return nil }
            let rest = target.hasPrefix(word) ? String(target.dropFirst(word.count)) : String(bare(target).dropFirst(bare(word).count))
            return (index + 1..<min(words.count, index + 6)).lazy.compactMap { match(rest, at: $0) }.first
        }
        for start in words.indices {
            guard var position = match(wanted[0], at: start) else { continue }
            var found = 1
            while found < wanted.count,
                  let next = (position..<min(words.count, position + 40)).lazy.compactMap({ match(wanted[found], at: $0) }).first {
                position = next
                found += 1
            }
            if found == wanted.count { return true }
        }
        return false
    }

    @Test("the administrasi form: identity block, Hasil Kerja Utama then Tambahan, BerAKHLAK with ekspektasi khusus, signatures, stamp, then the Lampiran on a page of its own",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func administrasiForm() throws {
        let skp = SkpPrintSamples.administrator
        let (pdf, pages) = try Self.render(skp, name: "skp-administrasi.pdf")
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        for expected in ["SASARAN KINERJA PEGAWAI", "PENDEKATAN HASIL KERJA KUANTITATIF", "BAGI PEJABAT ADMINISTRASI",
                         "PERIODE PENILAIAN: 1 JANUARI 2026 SD 31 DESEMBER 2026", "PEGAWAI YANG DINILAI", "PEJABAT PENILAI KINERJA",
                         "Yohanes Fanggidaé, S.Sos., M.Si.", SkpPrintSamples.kepalaBidang, "Penata Tingkat I, III/d", "Pembina Tingkat I, IV/b",
                         "1.200 dokumen", "98–100 persen", "≤ 3 hari", "Kuantitas", "Kualitas", "Waktu", "(cascading langsung)",
                         "Berorientasi Pelayanan", "Kolaboratif", "Untuk RHK A2:", "Pegawai yang Dinilai,", "Pejabat Penilai Kinerja,",
                         "Kupang, 2 Januari 2026", "DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        #expect(!flat.contains("BAGI PEJABAT FUNGSIONAL") && !flat.contains("PERAN DALAM HASIL KERJA"), "the peran is JF's")
        // Every RHK row: the intervened RHK, the RHK, each IKI; and the ekspektasi khusus and Lampiran items.
        var cells = [String]()
        for rhk in skp.rhks {
            cells += [rhk.text] + rhk.ikis.map(\.indicator)
            if !rhk.parentRhkText.isEmpty { cells.append(rhk.parentRhkText) }
            if !rhk.penugasan.isEmpty { cells.append("Penugasan: " + rhk.penugasan) }
        }
        cells += skp.behaviourExpectations.map(\.ekspektasiKhusus)
        let lampiran = try #require(skp.lampiran)
        cells += lampiran.dukunganSumberDaya + lampiran.skemaPertanggungjawaban + lampiran.konsekuensi
        for cell in cells { #expect(Self.shows(cell, in: text), "\(cell) missing") }
        let order = ["A. UTAMA", "B. TAMBAHAN", "PERILAKU KERJA", "PERSETUJUAN ELEKTRONIK", "LAMPIRAN SASARAN KINERJA PEGAWAI"]
        let positions = order.compactMap { flat.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted(), "sections in the form's order")
        #expect(pages >= 2)
        let lastPage = Self.flat(try #require(try SkpPrintSamples.text(pdf, first: pages, last: pages)))
        for heading in ["LAMPIRAN SASARAN KINERJA PEGAWAI", "DUKUNGAN SUMBER DAYA", "SKEMA PERTANGGUNGJAWABAN", "KONSEKUENSI"] {
            #expect(lastPage.contains(heading), "\(heading) on the Lampiran's page")
        }
        #expect(!lastPage.contains("A. UTAMA"), "the Lampiran starts a page")
        #expect(!flat.contains("PERSPEKTIF"), "only JPT has Perspektif")
    }

    @Test("the JPT form has the Perspektif column and no intervened RHK; the Wali Kota as penilai is NON ASN and signs without a NIP",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func jptForm() throws {
        let skp = SkpPrintSamples.sekda
        let (pdf, _) = try Self.render(skp, name: "skp-jpt.pdf")
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        for expected in ["BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI", "PERSPEKTIF", "Penerima Layanan", "Proses Bisnis",
                         "Penguatan Internal", "Anggaran", "Biaya", "82,5 indeks", "≤ 12.450.000.000 rupiah", "Benediktus Lay Riwu", "NON ASN",
                         "Wali Kota Kupang,", "Kepala Daerah (pejabat penilai non-ASN) — Wali Kota Kupang", "Sekretariat Daerah Kota Kupang"] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        for rhk in skp.rhks { #expect(Self.shows(rhk.text, in: text), "\(rhk.text) missing") }
        #expect(!flat.contains("PIMPINAN YANG DIINTERVENSI"), "JPT results come from the organisation's plan")
        #expect(!flat.contains("NONASN."), "a non-ASN identifier is not printed as if it were a NIP")
        #expect(!flat.contains("NIP. NON"))
    }

    @Test("the fungsional form prints each result's peran, and the Plt signs as what they act for, with the decree",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func fungsionalForm() throws {
        let (pdf, _) = try Self.render(SkpPrintSamples.fungsional, name: "skp-jf.pdf")
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        for expected in ["BAGI PEJABAT FUNGSIONAL", "PERAN", "RENCANA HASIL KERJA", "Pranata Komputer Ahli Pertama",
                         "Plt. Kepala Bidang Pelayanan Pendaftaran Penduduk,", "Marthen Luther Tefa, S.H.",
                         "Pelaksana Tugas (Plt.) — Plt. Kepala Bidang Pelayanan Pendaftaran Penduduk", "Ni Luh Ayu Wulandari, S.Kom."] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        for cell in ["Verifikator berkas permohonan KTP-el", "Koordinator jadwal perekaman", "Jabatan definitif: Kepala Seksi Identitas Penduduk",
                     "Dasar: " + SkpPrintSamples.pltDecree] {
            #expect(Self.shows(cell, in: text), "\(cell) missing")
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
        for expected in ["PERSETUJUAN ELEKTRONIK", "Dra. Maria Goreti Ndun, M.Si. (NIP. \(SkpPrintSamples.kepalaDinas))",
                         "Atasan langsung — Kepala Dinas Kependudukan dan Pencatatan Sipil", "2 Januari 2026 pukul 14.30 WITA",
                         "Versi SKP", "kinerjactl skp verify-print"] {
            #expect(flat.contains(expected), "\(expected) missing")
        }
        #expect(SkpPrintVerification.printedHashes(in: text) == [hash], "the stamp's hash, and no other")
        let mark = try #require(SkpPrintMark(keywords: try PDFInfo(pdf: pdf).keywords))
        #expect(mark == SkpPrintMark(skpID: skp.skpID, version: 2, bodySHA256: hash))
        #expect(try PDFInfo(pdf: pdf).keywords == "kinerja-skp-print/1; skp_id=\(skp.skpID); version=2; body_sha256=\(hash)")
    }

    @Test("an SKP that is not approved says 'belum disetujui' on its first page and its stamp, and carries no hash", .enabled(if: SkpPrintSamples.popplerInstalled))
    func notApproved() throws {
        let (pdf, _) = try Self.render(SkpPrintSamples.draft, name: "skp-draft.pdf")
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        let firstPage = Self.flat(try #require(try SkpPrintSamples.text(pdf, first: 1, last: 1)))
        #expect(firstPage.contains("BELUM DISETUJUI — DRAF, VERSI 3"))
        #expect(flat.contains("belum disetujui (status: Draf)"))
        #expect(!flat.contains("PERSETUJUAN ELEKTRONIK"))
        #expect(flat.contains("Kupang, ……………………… 2026"), "no date before approval")
        #expect(SkpPrintVerification.printedHashes(in: text).isEmpty)
        let mark = try #require(SkpPrintMark(keywords: try PDFInfo(pdf: pdf).keywords))
        #expect(mark.bodySHA256 == nil)
        #expect(try PDFInfo(pdf: pdf).keywords.hasSuffix("body_sha256=none"))
    }

    @Test("ekspektasi khusus amended after approval print after the stamp, outside the signed body, and leave the stamp's hash alone",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func amendments() throws {
        let skp = SkpPrintSamples.amended
        let (pdf, _) = try Self.render(skp, name: "skp-amended.pdf")
        let text = try #require(try SkpPrintSamples.text(pdf))
        let flat = Self.flat(text)
        #expect(flat.contains("PERUBAHAN EKSPEKTASI KHUSUS SETELAH PERSETUJUAN"))
        #expect(Self.shows("Standar pelayanan Dukcapil diperbarui per 1 Juli 2026", in: text))
        #expect(Self.shows("Merespons pengaduan warga tentang KTP-el paling lama 12 jam kerja", in: text))
        #expect(SkpPrintVerification.printedHashes(in: text) == [try #require(SkpPrintSamples.administrator.approval?.bodySha256)])
        let amendment = try #require(flat.range(of: "PERUBAHAN EKSPEKTASI KHUSUS"))
        let stamp = try #require(flat.range(of: "PERSETUJUAN ELEKTRONIK"))
        #expect(stamp.lowerBound < amendment.lowerBound, "after the signatures and the stamp, as a record of its own")
        #expect(flat.contains("Standar pelayanan") && Self.shows("Dra. Maria Goreti Ndun, M.Si. Standar pelayanan", in: text), "the penilai by name")
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
