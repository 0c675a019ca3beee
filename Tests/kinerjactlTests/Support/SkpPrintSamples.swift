import KinerjaASN
import KinerjaCrypto
import Foundation
import KinerjaProto
@testable import kinerjactl

/// Constructed SKPs of Kota Kupang for the printout tests: one per form, approved or not, with
/// the stamp planning would set (its hash computed by the canonical rule).
enum SkpPrintSamples {
    static let year: Int32 = 2026
    static let kepalaDinas = "197204121998031005"
    static let kepalaBidang = "198105232006041002"
    static let analis = "199003152015032001"
    static let sekdaNIP = "196811021994031007"
    static let waliKota = "NONASN.WALIKOTA.KUPANG"
    static let kepalaSeksi = "198507142010011003"
    static let pltDecree = "Surat Perintah Wali Kota No. 800.1.3/045/BKPSDM/2026"
    static let pemkot = "01JUNITPEMKOTKUPANG0000001"
    static let setda = "01JUNITSETDA00000000000001"
    static let dinas = "01JUNITDUKCAPIL00000000001"
    static let bidang = "01JUNITDUKCAPILBIDANG00001"
    static let seksi = "01JUNITDUKCAPILSEKSI000001"
    /// Unit names as identity answers them.
    static let unitNames = [pemkot: "Pemerintah Kota Kupang", setda: "Sekretariat Daerah Kota Kupang",
                            dinas: "Dinas Kependudukan dan Pencatatan Sipil", bidang: "Bidang Pelayanan Pendaftaran Penduduk",
                            seksi: "Seksi Identitas Penduduk"]
    /// 2 January 2026 06:30 UTC = 14.30 WITA.
    static let approvedAt = Common.Timestamp(seconds: 1_767_335_400)

    static func iki(_ id: String, _ aspek: Common.IkiAspek, _ indicator: String, _ target: Planning.Target, position: UInt32) -> Planning.Iki {
        Planning.Iki(ikiID: id, aspek: aspek, indicator: indicator, annualTarget: target, position: position, aggregation: .sum)
    }

    static let lampiran = Planning.SkpLampiran(
        dukunganSumberDaya: [
            "Anggaran DPA Dinas Kependudukan dan Pencatatan Sipil 2026, sub kegiatan pelayanan pendaftaran penduduk",
            "Dua unit perangkat perekaman KTP-el keliling dan blangko KTP-el dari Ditjen Dukcapil",
            "Empat operator pelayanan di Mal Pelayanan Publik Kota Kupang",
        ],
        skemaPertanggungjawaban: [
            "Laporan capaian bulanan kepada Kepala Dinas paling lambat tanggal 5 bulan berikutnya",
            "Reviu capaian triwulanan dalam dialog kinerja bersama pejabat penilai",
        ],
        konsekuensi: [
            "Capaian di atas ekspektasi menjadi pertimbangan pengembangan karier dan penghargaan",
            "Capaian di bawah ekspektasi ditindaklanjuti dengan coaching dan rencana perbaikan kinerja",
        ])

    /// A Kepala Bidang's SKP (administrator), approved by the Kepala Dinas as atasan langsung.
    static var administrator: Planning.Skp {
        var skp = Planning.Skp(
            skpID: "01JSKPKUPANGDUKCAPIL000001", version: 2, nip: kepalaBidang,
            employee: Common.EmployeeRef(nip: kepalaBidang, displayName: "Yohanes Fanggidaé, S.Sos., M.Si.",
                                         jabatanName: "Kepala Bidang Pelayanan Pendaftaran Penduduk", unitID: bidang),
            year: year, periodStart: Common.Date(year: year, month: 1, day: 1), periodEnd: Common.Date(year: year, month: 12, day: 31),
            approach: .kuantitatif, jenisJabatan: .administrator, unitID: bidang, atasanNIP: kepalaDinas,
            rhks: [
                Planning.Rhk(rhkID: "01JRHKA0000000000000000001", kind: .utama,
                             text: "Meningkatnya kualitas layanan pendaftaran penduduk di Kota Kupang",
                             parentRhkID: "01JRHKKADIS000000000000001", parentOwnerNIP: kepalaDinas,
                             parentRhkText: "Meningkatnya kualitas pelayanan administrasi kependudukan Kota Kupang",
                             ikis: [
                                 iki("01JIKIA000000000000000001", .kuantitas, "Jumlah KTP-el yang diterbitkan",
                                     Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter), position: 1),
                                 iki("01JIKIA000000000000000002", .kualitas, "Persentase dokumen kependudukan tanpa kesalahan data",
                                     Planning.Target(value: 98, upperValue: Common.DoubleValue(value: 100), unit: "persen", direction: .withinRange), position: 2),
                                 iki("01JIKIA000000000000000003", .waktu, "Rata-rata waktu penerbitan KTP-el sejak perekaman",
                                     Planning.Target(value: 3, unit: "hari", direction: .lowerIsBetter), position: 3),
                             ],
                             position: 1, cascadeType: .nonDirect),
                Planning.Rhk(rhkID: "01JRHKA0000000000000000002", kind: .utama,
                             text: "Terlaksananya perekaman KTP-el keliling di enam kecamatan (Alak, Kelapa Lima, Kota Lama, Kota Raja, Maulafa, Oebobo)",
                             parentRhkID: "01JRHKKADIS000000000000002", parentOwnerNIP: kepalaDinas,
                             parentRhkText: "Meningkatnya cakupan kepemilikan dokumen kependudukan",
                             ikis: [
                                 iki("01JIKIA000000000000000004", .kuantitas, "Jumlah kegiatan perekaman keliling",
                                     Planning.Target(value: 24, unit: "kegiatan", direction: .higherIsBetter), position: 1),
                                 iki("01JIKIA000000000000000005", .kualitas, "Persentase wajib KTP-el di wilayah sasaran yang terekam",
                                     Planning.Target(value: 95, unit: "persen", direction: .higherIsBetter), position: 2),
                             ],
                             position: 2, cascadeType: .direct),
                Planning.Rhk(rhkID: "01JRHKA0000000000000000003", kind: .tambahan,
                             text: "Terlaksananya pendataan penduduk rentan administrasi kependudukan pascabencana",
                             ikis: [
                                 iki("01JIKIA000000000000000006", .kuantitas, "Jumlah penduduk rentan yang didata",
                                     Planning.Target(value: 350, unit: "jiwa", direction: .higherIsBetter), position: 1),
                             ],
                             position: 3, penugasan: "Surat Tugas Kepala Dinas No. 800/214/DUKCAPIL/2026"),
            ],
            behaviourExpectations: [
                Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: "Merespons pengaduan warga tentang KTP-el paling lama 1×24 jam"),
                Planning.BehaviourExpectation(value: .kolaboratif, ekspektasiKhusus: "Berkoordinasi dengan camat dan lurah sebelum jadwal perekaman keliling",
                                              rhkID: "01JRHKA0000000000000000002"),
                Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "Menjaga kerahasiaan data kependudukan sesuai UU 27/2022"),
            ],
            state: .disetujui, decisionNote: "Disetujui", revisionReason: "Menyesuaikan target dengan realisasi 2025",
            revision: 7, lampiran: lampiran,
            penilai: Common.PenilaiRef(penilai: Common.EmployeeRef(nip: kepalaDinas, displayName: "Dra. Maria Goreti Ndun, M.Si.",
                                                                   jabatanName: "Kepala Dinas Kependudukan dan Pencatatan Sipil", unitID: dinas),
                                       kind: .atasanLangsung, isAsn: true, golongan: "IV/b"))
        approve(&skp)
        return skp
    }

    /// The Sekretaris Daerah's SKP (JPT), approved by the Wali Kota, a non-ASN penilai.
    static var sekda: Planning.Skp {
        var skp = administrator
        skp.skpID = "01JSKPKUPANGSEKDA000000001"
        skp.version = 1
        skp.nip = sekdaNIP
        skp.employee = Common.EmployeeRef(nip: sekdaNIP, displayName: "Dr. Ir. Paulus Mbatu Kaleka, M.T.", jabatanName: "Sekretaris Daerah Kota Kupang",
                                          unitID: setda)
        skp.unitID = setda
        skp.atasanNIP = waliKota
        skp.jenisJabatan = .jpt
        skp.revisionReason = ""
        skp.rhks = [
            Planning.Rhk(rhkID: "01JRHKSEKDA000000000000001", kind: .utama,
                         text: "Meningkatnya kualitas pelayanan publik Pemerintah Kota Kupang",
                         perspektif: .penerimaLayanan,
                         ikis: [
                             iki("01JIKISEKDA00000000000001", .kuantitas, "Indeks Kepuasan Masyarakat atas pelayanan perangkat daerah",
                                 Planning.Target(value: 82.5, unit: "indeks", direction: .higherIsBetter), position: 1),
                             iki("01JIKISEKDA00000000000002", .kualitas, "Persentase unit layanan dengan nilai kepatuhan standar pelayanan kategori hijau",
                                 Planning.Target(value: 90, unit: "persen", direction: .higherIsBetter), position: 2),
                         ],
                         position: 1),
            Planning.Rhk(rhkID: "01JRHKSEKDA000000000000002", kind: .utama,
                         text: "Meningkatnya akuntabilitas kinerja dan keuangan perangkat daerah",
                         perspektif: .prosesBisnis,
                         ikis: [
                             iki("01JIKISEKDA00000000000003", .kuantitas, "Nilai SAKIP Pemerintah Kota Kupang",
                                 Planning.Target(value: 70, unit: "nilai", direction: .higherIsBetter), position: 1),
                             iki("01JIKISEKDA00000000000004", .waktu, "Waktu penyampaian LKPD unaudited kepada BPK setelah tahun anggaran berakhir",
                                 Planning.Target(value: 90, unit: "hari", direction: .lowerIsBetter), position: 2),
                         ],
                         position: 2),
            Planning.Rhk(rhkID: "01JRHKSEKDA000000000000003", kind: .utama,
                         text: "Terwujudnya reformasi birokrasi dan penyederhanaan struktur organisasi perangkat daerah",
                         perspektif: .penguatanInternal,
                         ikis: [
                             iki("01JIKISEKDA00000000000005", .kuantitas, "Indeks Reformasi Birokrasi Kota Kupang",
                                 Planning.Target(value: 65, unit: "indeks", direction: .higherIsBetter), position: 1),
                         ],
                         position: 3),
            Planning.Rhk(rhkID: "01JRHKSEKDA000000000000004", kind: .utama,
                         text: "Terkelolanya anggaran Sekretariat Daerah secara efisien",
                         perspektif: .anggaran,
                         ikis: [
                             iki("01JIKISEKDA00000000000006", .biaya, "Realisasi anggaran belanja Sekretariat Daerah",
                                 Planning.Target(value: 12_450_000_000, unit: "rupiah", direction: .lowerIsBetter), position: 1),
                         ],
                         position: 4),
            Planning.Rhk(rhkID: "01JRHKSEKDA000000000000005", kind: .tambahan,
                         text: "Terlaksananya koordinasi penanganan darurat bencana siklon tropis di Kota Kupang",
                         perspektif: .penerimaLayanan,
                         ikis: [
                             iki("01JIKISEKDA00000000000007", .kuantitas, "Jumlah rapat koordinasi tim tanggap darurat yang dipimpin",
                                 Planning.Target(value: 6, unit: "rapat", direction: .higherIsBetter), position: 1),
                         ],
                         position: 5, penugasan: "Keputusan Wali Kota Kupang No. 360/KEP/HK/2026"),
        ]
        skp.behaviourExpectations = [
            Planning.BehaviourExpectation(value: .kolaboratif, ekspektasiKhusus: "Memimpin rapat koordinasi kepala perangkat daerah setiap bulan"),
            Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "Memastikan tindak lanjut rekomendasi BPK selesai sebelum 30 Juni",
                                          rhkID: "01JRHKSEKDA000000000000002"),
        ]
        skp.lampiran = Planning.SkpLampiran(
            dukunganSumberDaya: ["DPA Sekretariat Daerah Kota Kupang Tahun Anggaran 2026",
                                 "Tim Reformasi Birokrasi Kota Kupang (Keputusan Wali Kota)"],
            skemaPertanggungjawaban: ["Laporan kinerja triwulanan kepada Wali Kota Kupang",
                                      "Laporan Kinerja Instansi Pemerintah (LKjIP) Tahun 2026"],
            konsekuensi: ["Capaian kinerja menjadi dasar penilaian kinerja pimpinan tinggi pratama oleh Wali Kota"])
        let waliKotaRef = Common.EmployeeRef(nip: waliKota, displayName: "Benediktus Lay Riwu", jabatanName: "Wali Kota Kupang", unitID: pemkot)
        skp.penilai = Common.PenilaiRef(penilai: waliKotaRef, kind: .external, isAsn: false)
        approve(&skp)
        return skp
    }

    /// An analis's SKP (fungsional), approved by the Plt Kepala Bidang (a Kepala Seksi acting by
    /// decree while the Kepala Bidang post is vacant), with the peran in each result.
    static var fungsional: Planning.Skp {
        var skp = administrator
        skp.skpID = "01JSKPKUPANGANALIS0000001"
        skp.version = 1
        skp.nip = analis
        skp.employee = Common.EmployeeRef(nip: analis, displayName: "Ni Luh Ayu Wulandari, S.Kom.", jabatanName: "Pranata Komputer Ahli Pertama",
                                          unitID: bidang)
        skp.jenisJabatan = .fungsional
        skp.atasanNIP = kepalaSeksi
        skp.revisionReason = ""
        skp.rhks[0].peran = "Verifikator berkas permohonan KTP-el"
        skp.rhks[1].peran = "Koordinator jadwal perekaman"
        skp.penilai = Common.PenilaiRef(penilai: Common.EmployeeRef(nip: kepalaSeksi, displayName: "Marthen Luther Tefa, S.H.",
                                                                   jabatanName: "Kepala Seksi Identitas Penduduk", unitID: seksi),
                                        kind: .plt, isAsn: true, golongan: "III/d", decreeNumber: pltDecree)
        approve(&skp)
        return skp
    }

    /// The administrator's SKP with the ekspektasi khusus amended after approval (outside the hash).
    static var amended: Planning.Skp {
        var skp = administrator
        var expectations = skp.behaviourExpectations
        expectations[0].ekspektasiKhusus = "Merespons pengaduan warga tentang KTP-el paling lama 12 jam kerja"
        skp.amendments = [Planning.ExpectationAmendment(
            amendmentID: "01JAMENDKUPANG00000000001", version: skp.version, expectations: expectations,
            reason: "Standar pelayanan Dukcapil diperbarui per 1 Juli 2026",
            amended: Common.AuditStamp(principal: kepalaDinas, principalKind: .user, at: Common.Timestamp(seconds: 1_782_871_200)))]
        return skp
    }

    /// A draft of the administrator's SKP: nothing approved yet.
    static var draft: Planning.Skp {
        var skp = administrator
        skp.version = 3
        skp.state = .draft
        skp.approval = nil
        skp.decided = nil
        skp.decisionNote = ""
        return skp
    }

    /// Sets the approval stamp as planning does when it approves.
    static func approve(_ skp: inout Planning.Skp) {
        skp.state = .disetujui
        skp.decided = Common.AuditStamp(principal: skp.penilai?.penilai?.nip ?? "", principalKind: .user, at: approvedAt)
        skp.approval = nil
        let hash = (try? SkpDocumentHash.sha256(of: skp)) ?? ""
        skp.approval = Planning.SkpApproval(penilai: skp.penilai, at: approvedAt, version: skp.version, bodySha256: hash)
    }

    /// The printout of `skp` with the people as identity would name them.
    static func printout(_ skp: Planning.Skp) -> SkpPrintout {
        let reference = skp.approval?.penilai ?? skp.penilai
        let penilai = reference?.penilai.map { ref in
            PrintedPerson(name: ref.displayName, identifier: ref.nip, isASN: reference?.isAsn ?? true,
                          golongan: reference?.golongan ?? "", jabatan: ref.jabatanName,
                          // A Plt rates from the unit they act for.
                          unit: reference?.kind == .plt ? unitNames[bidang] ?? "" : unitNames[ref.unitID] ?? "")
        }
        let golongan = [sekdaNIP: "IV/d", kepalaBidang: "III/d", analis: "III/a"][skp.nip] ?? ""
        return SkpPrintout(
            skp: skp,
            pegawai: PrintedPerson(name: skp.employee?.displayName ?? "", identifier: skp.nip, golongan: golongan,
                                   jabatan: skp.employee?.jabatanName ?? "", unit: unitNames[skp.unitID] ?? ""),
            penilai: penilai, penilaiKind: reference?.kind ?? .unspecified, penilaiDecree: reference?.decreeNumber ?? "",
            penilaiActingFor: reference?.kind == .plt ? "Kepala Bidang Pelayanan Pendaftaran Penduduk" : "",
            approvedVersion: skp.approval == nil ? 0 : skp.version)
    }

    /// Writes `bytes` to `$KINERJA_DOCUMENTS_PREVIEW/NAME` when set (to look at the pages).
    static func preview(_ name: String, _ bytes: [UInt8]) {
        guard let folder = ProcessInfo.processInfo.environment["KINERJA_DOCUMENTS_PREVIEW"], !folder.isEmpty else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? Data(bytes).write(to: URL(fileURLWithPath: folder).appendingPathComponent(name))
    }

    /// The text pdftotext extracts (nil when poppler-utils is not installed).
    static func text(_ pdf: [UInt8], first: Int? = nil, last: Int? = nil) throws -> String? {
        let file = NSTemporaryDirectory() + "kinerjactl-print-\(UUID().uuidString).pdf"
        try Data(pdf).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        var arguments = ["-enc", "UTF-8"]
        if let first { arguments += ["-f", String(first)] }
        if let last { arguments += ["-l", String(last)] }
        return PopplerTools.run("pdftotext", arguments + [file, "-"])
    }

    static var popplerInstalled: Bool { PopplerTools.run("pdftotext", ["-v"]) != nil || FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }
}
