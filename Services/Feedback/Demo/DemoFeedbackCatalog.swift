import KinerjaProto

/// The texts of the demo: what an atasan in Kupang writes, what a citizen says at a counter.
/// Indonesian, as the users write them; plain data.
enum DemoFeedbackCatalog {
    /// Feedback texts by kind.
    static let feedback: [Feedback.FeedbackKind: [String]] = [
        .apresiasi: [
            "Terima kasih atas kerja kerasnya menyelesaikan antrean pelayanan hari ini tanpa keluhan.",
            "Laporan bulanan disusun rapi dan tepat waktu, pertahankan.",
            "Sikap ramah kepada warga di loket sangat membantu citra kantor kita.",
            "Inisiatif membuat daftar periksa berkas sangat memudahkan rekan-rekan.",
            "Koordinasi dengan kelurahan berjalan lancar berkat tindak lanjut yang cepat.",
        ],
        .saran: [
            "Mohon catatan kegiatan harian dilengkapi dengan bukti dukung agar mudah diverifikasi.",
            "Sebaiknya jadwal pelayanan keliling diumumkan lebih awal kepada warga.",
            "Coba gunakan templat surat yang baru agar penomoran tidak tertukar.",
            "Perlu lebih banyak berbagi pengetahuan dengan staf baru tentang aplikasi SIAK.",
        ],
        .koreksi: [
            "Ada dua berkas yang diproses tanpa verifikasi dokumen asli; mohon tidak terulang.",
            "Rekapitulasi triwulan terlambat tiga hari dari jadwal; mohon perhatikan tenggat.",
            "Data realisasi pada laporan tidak sesuai dengan register; mohon diperbaiki.",
        ],
        .umum: [
            "Tetap jaga semangat menjelang akhir triwulan; target kita masih bisa dicapai.",
            "Silakan ikuti pelatihan pelayanan prima bulan depan bila ada waktu.",
        ],
    ]

    /// Responses of recipients who acknowledge with a word.
    static let responses = [
        "Terima kasih, Bapak/Ibu. Akan saya tingkatkan.",
        "Baik, sudah saya perbaiki.",
        "Siap, akan saya perhatikan ke depan.",
    ]

    /// What an employee asks their atasan.
    static let solicitations = [
        "Mohon masukan atas pelaksanaan pelayanan di loket minggu ini.",
        "Mohon waktu untuk membahas target triwulan berikutnya.",
        "Mohon umpan balik atas draf laporan yang saya kirim.",
    ]

    /// Dialog summaries by stage.
    static let dialogSummaries: [Feedback.DialogStage: [String]] = [
        .perencanaan: ["Membahas ekspektasi kinerja tahun ini dan keterkaitan RHK dengan RHK atasan.",
                       "Menyepakati target triwulanan dan bukti dukung yang diperlukan."],
        .pemantauan: ["Meninjau capaian triwulan berjalan; sebagian target di atas rencana, pelaporan harian perlu lebih rutin.",
                      "Membahas kendala jaringan di loket yang memperlambat pelayanan dan langkah mengatasinya.",
                      "Evaluasi tengah triwulan: capaian sesuai rencana, beban kerja dibagi ulang."],
        .penilaian: ["Membahas hasil kerja dan perilaku kerja selama triwulan yang lalu."],
        .tindakLanjut: ["Menyusun rencana pengembangan kompetensi sesuai hasil penilaian."],
    ]

    /// Agreements of a dialog.
    static let agreements = [
        "Laporan harian diisi paling lambat pukul 16.00 WITA.",
        "Target penerbitan dokumen disesuaikan dengan jumlah pemohon.",
        "Pegawai mengikuti pelatihan pelayanan prima.",
        "Atasan menyediakan waktu konsultasi setiap Jumat.",
    ]

    /// Follow-up actions.
    static let actions = [
        "Melengkapi bukti dukung kegiatan bulan ini",
        "Menyusun daftar periksa berkas permohonan",
        "Mendaftar pelatihan pelayanan prima",
        "Memperbarui papan informasi persyaratan di loket",
    ]

    /// Notes that close a follow-up action.
    static let closingNotes = ["Sudah dilaksanakan.", "Selesai, dokumen terlampir di laporan harian.", "Sudah terdaftar dan mengikuti pelatihan."]

    /// Coaching topics.
    static let coachingTopics = ["Penggunaan aplikasi SIAK terbaru", "Teknik menghadapi warga yang komplain",
                                 "Penyusunan laporan capaian triwulan", "Manajemen waktu dan prioritas kerja"]

    /// 360° comments for an extreme score, by value.
    static let behaviourComments: [Common.BerakhlakValue: (low: String, high: String)] = [
        .berorientasiPelayanan: ("Beberapa kali terlambat membuka loket.", "Selalu sabar menjelaskan persyaratan kepada warga."),
        .akuntabel: ("Laporan kegiatan sering tidak lengkap.", "Tertib mencatat setiap berkas yang diterima."),
        .kompeten: ("Masih perlu belajar fitur aplikasi baru.", "Menjadi rujukan rekan untuk masalah aplikasi."),
        .harmonis: ("Kurang terbuka dalam diskusi tim.", "Menciptakan suasana kerja yang menyenangkan."),
        .loyal: ("Pernah membicarakan masalah kantor di media sosial.", "Menjaga kerahasiaan data penduduk dengan baik."),
        .adaptif: ("Lambat menyesuaikan dengan prosedur baru.", "Cepat menguasai prosedur layanan daring."),
        .kolaboratif: ("Jarang membantu rekan saat antrean panjang.", "Sigap membantu loket lain saat ramai."),
    ]

    /// Overall 360° comments.
    static let overallComments = ["Secara umum kinerja baik dan dapat ditingkatkan.", "Rekan kerja yang dapat diandalkan.",
                                  "Perlu meningkatkan ketepatan waktu.", ""]

    /// Citizens' comments at a counter (short ones never count as identical).
    static let citizenComments = ["Pelayanan cepat", "Petugas ramah", "Mantap", "Antrean agak lama tapi petugas sabar",
                                  "Terima kasih, urusan saya selesai hari ini", "Persyaratan dijelaskan dengan jelas",
                                  "Ruang tunggu panas, mohon ditambah kipas", "", "", ""]

    /// The comment a pile of copied ratings share (long enough to count as identical).
    static let copiedComment = "Pelayanan sangat memuaskan, petugas sangat ramah dan profesional sekali"

    /// Services by the code of the counter's organisation.
    static let services: [(codePrefix: String, names: [String])] = [
        ("KPG.DUKCAPIL", ["Penerbitan KTP-el", "Penerbitan Kartu Keluarga", "Akta Kelahiran", "Surat Pindah", "Akta Kematian"]),
        ("KPG.DPMPTSP", ["Perizinan Berusaha (NIB)", "Persetujuan Bangunan Gedung", "Izin Praktik Tenaga Kesehatan", "Konsultasi Perizinan"]),
        ("KPG.DINKES.PKM", ["Pemeriksaan Umum", "Imunisasi Anak", "Pemeriksaan Ibu Hamil", "Pelayanan Gigi", "Pengambilan Obat"]),
    ]
}
