import KinerjaProto

/// The words of the SKP form (PermenPANRB 6/2022 lampiran) for the contract's values, in
/// Indonesian as BKPSDM prints them.
enum SkpFormVocabulary {
    /// `Kuantitas`, `Kualitas`, `Waktu`, `Biaya`.
    static func aspek(_ aspek: Common.IkiAspek) -> String {
        switch aspek {
        case .kuantitas: "Kuantitas"
        case .kualitas: "Kualitas"
        case .waktu: "Waktu"
        case .biaya: "Biaya"
        default: "—"
        }
    }

    /// `Penerima Layanan`, `Proses Bisnis`, `Penguatan Internal`, `Anggaran`.
    static func perspektif(_ perspektif: Planning.Perspektif) -> String {
        switch perspektif {
        case .penerimaLayanan: "Penerima Layanan"
        case .prosesBisnis: "Proses Bisnis"
        case .penguatanInternal: "Penguatan Internal"
        case .anggaran: "Anggaran"
        default: "—"
        }
    }

    /// `KUANTITATIF` or `KUALITATIF` for the title line.
    static func approach(_ approach: Planning.SkpApproach) -> String {
        approach == .kualitatif ? "KUALITATIF" : "KUANTITATIF"
    }

    /// The state of a version in Indonesian.
    static func state(_ state: Planning.SkpState) -> String {
        switch state {
        case .draft: "Draf"
        case .diajukan: "Diajukan"
        case .disetujui: "Disetujui"
        case .dikembalikan: "Dikembalikan"
        case .diganti: "Diganti (versi lebih baru berlaku)"
        default: "—"
        }
    }

    /// As which kind of pejabat penilai someone decided.
    static func penilaiKind(_ kind: Common.PenilaiKind) -> String {
        switch kind {
        case .atasanLangsung: "Atasan langsung"
        case .plt: "Pelaksana Tugas (Plt.)"
        case .plh: "Pelaksana Harian (Plh.)"
        case .external: "Kepala Daerah (pejabat penilai non-ASN)"
        case .none: "Tidak ada pejabat penilai"
        default: "Pejabat penilai"
        }
    }

    /// The seven BerAKHLAK core values with their three behaviour indicators each (the
    /// panduan perilaku of SE MenPANRB 20/2021, printed in the Perilaku Kerja table).
    static let berakhlak: [(value: Common.BerakhlakValue, name: String, indicators: [String])] = [
        (.berorientasiPelayanan, "Berorientasi Pelayanan", [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ]),
        (.akuntabel, "Akuntabel", [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ]),
        (.kompeten, "Kompeten", [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ]),
        (.harmonis, "Harmonis", [
            "Menghargai setiap orang apa pun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ]),
        (.loyal, "Loyal", [
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
            "Menjaga rahasia jabatan dan negara",
        ]),
        (.adaptif, "Adaptif", [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ]),
        (.kolaboratif, "Kolaboratif", [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
        ]),
    ]
}
