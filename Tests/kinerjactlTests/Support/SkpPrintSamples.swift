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
    static let waliKota = "NONASN.WALIKOTA-KUPANG"
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
                                         jabatanName: "Kepala Bidang Pelayanan Pendaftaran Penduduk", unitID: "01JUNITDUKCAPILBIDANG00001"),
            year: year, periodStart: Common.Date(year: year, month: 1, day: 1), periodEnd: Common.Date(year: year, month: 12, day: 31),
            approach: .kuantitatif, jenisJabatan: .administrator, unitID: "01JUNITDUKCAPILBIDANG00001", atasanNIP: kepalaDinas,
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
                                                                   jabatanName: "Kepala Dinas Kependudukan dan Pencatatan Sipil", unitID: "01JUNITDUKCAPIL00000000001"),
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
                                          unitID: "01JUNITSETDA00000000000001")
        skp.unitID = "01JUNITSETDA00000000000001"
        skp.atasanNIP = ""
        skp.jenisJabatan = .jpt
        let perspektif: [Planning.Perspektif] = [.penerimaLayanan, .prosesBisnis, .penguatanInternal]
        for index in skp.rhks.indices {
            skp.rhks[index].perspektif = perspektif[index % perspektif.count]
            skp.rhks[index].parentRhkID = ""
            skp.rhks[index].parentRhkText = ""
            skp.rhks[index].cascadeType = .unspecified
        }
        skp.rhks[0].text = "Meningkatnya kualitas pelayanan publik Pemerintah Kota Kupang"
        let waliKotaRef = Common.EmployeeRef(nip: waliKota, displayName: "Benediktus Lay Riwu", jabatanName: "Wali Kota Kupang", unitID: "")
        skp.penilai = Common.PenilaiRef(penilai: waliKotaRef, kind: .external, isAsn: false)
        approve(&skp)
        return skp
    }

    /// An analis's SKP (fungsional) approved by a Plt Kepala Bidang, with the peran in each result.
    static var fungsional: Planning.Skp {
        var skp = administrator
        skp.skpID = "01JSKPKUPANGANALIS0000001"
        skp.version = 1
        skp.nip = analis
        skp.employee = Common.EmployeeRef(nip: analis, displayName: "Ni Luh Ayu Wulandari, S.Kom.", jabatanName: "Analis Kependudukan Ahli Muda",
                                          unitID: "01JUNITDUKCAPILBIDANG00001")
        skp.jenisJabatan = .fungsional
        skp.atasanNIP = kepalaBidang
        skp.rhks[0].peran = "Verifikator berkas permohonan KTP-el"
        skp.rhks[1].peran = "Koordinator jadwal perekaman"
        skp.penilai = Common.PenilaiRef(penilai: Common.EmployeeRef(nip: kepalaBidang, displayName: "Yohanes Fanggidaé, S.Sos., M.Si.",
                                                                   jabatanName: "Kepala Seksi Identitas Penduduk", unitID: "01JUNITDUKCAPILBIDANG00001"),
                                        kind: .plt, isAsn: true, golongan: "III/d", decreeNumber: "SPT Wali Kota No. 821.2/045/BKPSDM/2026")
        approve(&skp)
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
        let hash = (try? SkpBodyDigest.sha256Hex(skp)) ?? ""
        skp.approval = Planning.SkpApproval(penilai: skp.penilai, at: approvedAt, version: skp.version, bodySha256: hash)
    }

    /// The printout of `skp` with the people as identity would name them.
    static func printout(_ skp: Planning.Skp) -> SkpPrintout {
        let ref = skp.penilai?.penilai
        let penilai = ref.map { ref in
            PrintedPerson(name: ref.displayName, identifier: ref.nip, isASN: skp.penilai?.isAsn ?? true,
                          golongan: skp.penilai?.golongan ?? "", jabatan: ref.jabatanName,
                          unit: skp.penilai?.kind == .external ? "Pemerintah Kota Kupang" : "Dinas Kependudukan dan Pencatatan Sipil")
        }
        return SkpPrintout(
            skp: skp,
            pegawai: PrintedPerson(name: skp.employee?.displayName ?? "", identifier: skp.nip, golongan: skp.jenisJabatan == .jpt ? "IV/d" : "III/d",
                                   jabatan: skp.employee?.jabatanName ?? "", unit: "Bidang Pelayanan Pendaftaran Penduduk"),
            penilai: penilai, penilaiKind: skp.penilai?.kind ?? .unspecified, penilaiDecree: skp.penilai?.decreeNumber ?? "",
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
