import KinerjaDemo
import KinerjaProto

/// What the demo SKPs carry beyond their RHKs (issue 11): the Lampiran sections, the peran of a
/// contributor in the atasan's result, and the reasons a penilai amends the ekspektasi khusus
/// after approval. `{org}`, `{unit}` and `{year}` are filled in per SKP.
enum DemoSkpAnnex {
    /// Dukungan Sumber Daya.
    static let dukungan = [
        "Anggaran kegiatan pada DPA {org} Tahun Anggaran {year}",
        "Sarana dan prasarana kantor serta jaringan internet {unit}",
        "Sistem informasi dan aplikasi pendukung layanan",
        "Data dan dokumen pendukung dari unit kerja terkait",
        "Pegawai pelaksana pada {unit}",
        "Bimbingan teknis dan pedoman pelaksanaan dari pimpinan",
    ]
    /// Skema Pertanggungjawaban.
    static let skema = [
        "Laporan capaian kinerja bulanan kepada atasan langsung",
        "Laporan capaian triwulanan melalui aplikasi Kinerja",
        "Dialog kinerja setiap triwulan dengan pejabat penilai",
        "Bukti dukung diunggah setiap hari kerja",
        "Evaluasi kinerja tahunan bersama pejabat penilai pada bulan Desember {year}",
    ]
    /// Konsekuensi.
    static let konsekuensi = [
        "Capaian sesuai ekspektasi menjadi dasar pembayaran tambahan penghasilan pegawai sesuai Peraturan Wali Kota",
        "Capaian di bawah ekspektasi ditindaklanjuti dengan pembinaan dan coaching oleh atasan langsung",
        "Predikat kinerja menjadi dasar pengembangan karier dan kompetensi sesuai ketentuan",
        "Capaian di atas ekspektasi diusulkan untuk penghargaan pegawai berprestasi",
    ]
    /// A head's peran in the atasan's result.
    static let headPeran = ["Penanggung jawab kegiatan", "Koordinator pelaksanaan", "Pengendali mutu dan ketepatan waktu"]
    /// A staff member's peran.
    static let staffPeran = ["Pelaksana pengolahan data", "Verifikator berkas", "Operator sistem informasi", "Petugas pelayanan",
                             "Penyusun laporan", "Pengadministrasi dokumen"]
    /// Why a penilai amends the ekspektasi khusus after approval.
    static let amendmentReasons = [
        "Penyesuaian setelah dialog kinerja triwulan I",
        "Penegasan standar pelayanan setelah evaluasi pengaduan masyarakat",
        "Arahan pimpinan tentang percepatan layanan",
    ]

    /// The Lampiran of one SKP: two or three items of each section.
    static func lampiran(org: String, unit: String, year: Int32, random: inout SeededRandom) -> Planning.SkpLampiran {
        func pick(_ items: [String], _ count: Int) -> [String] {
            random.distinct(count, of: items.count).sorted().map {
                items[$0].replacing("{org}", with: org).replacing("{unit}", with: unit).replacing("{year}", with: String(year))
            }
        }
        return Planning.SkpLampiran(dukunganSumberDaya: pick(dukungan, 2 + random.below(2)),
                                    skemaPertanggungjawaban: pick(skema, 2 + random.below(2)),
                                    konsekuensi: pick(konsekuensi, 2 + random.below(2)))
    }
}
