import KinerjaASN
import KinerjaDemo
import KinerjaProto

/// One IKI of the catalogue, with its target at the level it is written for.
struct DemoIkiSpec: Sendable {
    var aspek: Common.IkiAspek
    var indicator: String
    /// Target at the organisation head (or the UPT head, for UPT IKIs); amounts are scaled down the cascade.
    var value: Double
    var upper: Double?
    var unit: String
    var direction: Common.TargetDirection
    var aggregation: Common.RealisationAggregation

    var isAmount: Bool { aspek == .kuantitas || aspek == .biaya }

    static func count(_ indicator: String, _ value: Double, _ unit: String) -> DemoIkiSpec {
        DemoIkiSpec(aspek: .kuantitas, indicator: indicator, value: value, upper: nil, unit: unit, direction: .higherIsBetter, aggregation: .sum)
    }
    static func percent(_ indicator: String, _ value: Double, unit: String = "persen") -> DemoIkiSpec {
        DemoIkiSpec(aspek: .kualitas, indicator: indicator, value: value, upper: nil, unit: unit, direction: .higherIsBetter, aggregation: .average)
    }
    static func range(_ indicator: String, _ low: Double, _ high: Double, unit: String) -> DemoIkiSpec {
        DemoIkiSpec(aspek: .kualitas, indicator: indicator, value: low, upper: high, unit: unit, direction: .withinRange, aggregation: .average)
    }
    static func days(_ indicator: String, _ value: Double, unit: String = "hari") -> DemoIkiSpec {
        DemoIkiSpec(aspek: .waktu, indicator: indicator, value: value, upper: nil, unit: unit, direction: .lowerIsBetter, aggregation: .average)
    }
    static func cost(_ indicator: String, _ value: Double) -> DemoIkiSpec {
        DemoIkiSpec(aspek: .biaya, indicator: indicator, value: value, upper: nil, unit: "rupiah", direction: .lowerIsBetter, aggregation: .sum)
    }
}

/// One line of work of an agency, written at each level of the cascade.
///
/// `{unit}` in a text is replaced by the owner's unit name (the organisation's name for its head).
struct DemoTheme: Sendable {
    var key: String
    /// Unit code segments whose heads take this theme from their atasan (a trailing "-" makes a prefix).
    var segments: [String]
    /// Unit kinds whose heads take this theme.
    var kinds: [Identity.UnitKind]
    /// Key of the Sekretaris Daerah's theme the organisation head's RHK intervenes.
    var sekdaParent: String?
    var perspektif: Planning.Perspektif
    /// The organisation head's RHK.
    var head: String
    /// A bidang, bagian, Irban, kelurahan or kecamatan seksi head's RHK.
    var middle: String
    /// A UPT (school, Puskesmas) head's RHK; nil = `middle`.
    var upt: String?
    /// A seksi or subbagian head's RHK below a bidang or bagian; nil = `middle`.
    var seksi: String?
    /// Staff RHKs (one is picked per contributor).
    var staff: [String]
    /// Staff RHKs in a UPT; nil = `staff`.
    var uptStaff: [String]?
    var ikis: [DemoIkiSpec]
    /// IKIs of a UPT head and staff; nil = `ikis`.
    var uptIkis: [DemoIkiSpec]?

    init(_ key: String, segments: [String] = [], kinds: [Identity.UnitKind] = [], sekda: String? = nil,
         perspektif: Planning.Perspektif = .penerimaLayanan, head: String, middle: String, upt: String? = nil,
         seksi: String? = nil, staff: [String], uptStaff: [String]? = nil, ikis: [DemoIkiSpec], uptIkis: [DemoIkiSpec]? = nil) {
        self.key = key
        self.segments = segments
        self.kinds = kinds
        self.sekdaParent = sekda
        self.perspektif = perspektif
        self.head = head
        self.middle = middle
        self.upt = upt
        self.seksi = seksi
        self.staff = staff
        self.uptStaff = uptStaff
        self.ikis = ikis
        self.uptIkis = uptIkis
    }

    /// How closely a head of `unit` matches this theme: 2 by the unit's own code segment or
    /// kind, 1 by an enclosing unit's segment, nil not at all.
    func match(_ unit: DemoUnit) -> Int? {
        if kinds.contains(unit.kind) { return 2 }
        // A segment ending in "-" is a prefix (e.g. "PKM-" for every Puskesmas); others match exactly.
        func hit(_ part: Substring) -> Bool {
            segments.contains { $0.hasSuffix("-") ? part.hasPrefix($0) : part == $0 }
        }
        let parts = unit.code.split(separator: ".").dropFirst()
        if let own = parts.last, hit(own) { return 2 }
        return parts.contains(where: hit) ? 1 : nil
    }
}

/// A Tambahan RHK: an extra assignment with its letter.
struct DemoTambahan: Sendable {
    var text: String
    /// The letter's number before `/<sequence>/<year>`, e.g. "Surat Tugas No. 800".
    var letter: String
    var iki: DemoIkiSpec
}

/// The catalogue of realistic RHKs and IKIs of Pemerintah Kota Kupang's agencies.
///
/// Texts follow the usual SKP phrasing (a result, "Terlayaninya …", "Tersusunnya …") and the
/// agencies' real business; targets are plausible for a city of about 450 000 people.
enum DemoSkpCatalog {
    /// The Sekretaris Daerah's themes; every organisation head intervenes one of them.
    static let sekda: [DemoTheme] = [
        DemoTheme("pelayanan", segments: ["PEM"], perspektif: .penerimaLayanan,
                  head: "Meningkatnya kualitas pelayanan publik Pemerintah Kota Kupang",
                  middle: "Terkoordinasinya penyelenggaraan pemerintahan umum dan pelayanan publik",
                  staff: ["Tersedianya bahan rapat koordinasi pelayanan publik", "Terdokumentasinya hasil koordinasi penyelenggaraan pemerintahan umum"],
                  ikis: [.count("Jumlah rapat koordinasi pelayanan publik", 24, "kegiatan"),
                         .percent("Persentase perangkat daerah dengan Indeks Kepuasan Masyarakat kategori baik", 85)]),
        DemoTheme("tatakelola", segments: ["ORG"], perspektif: .prosesBisnis,
                  head: "Meningkatnya akuntabilitas kinerja dan tata kelola Pemerintah Kota Kupang",
                  middle: "Terlaksananya penataan kelembagaan dan reformasi birokrasi perangkat daerah",
                  seksi: "Tersusunnya evaluasi kelembagaan, analisis jabatan dan akuntabilitas kinerja perangkat daerah",
                  staff: ["Tersusunnya dokumen analisis jabatan perangkat daerah", "Terhimpunnya laporan kinerja perangkat daerah",
                          "Tersusunnya bahan evaluasi reformasi birokrasi"],
                  ikis: [.count("Jumlah perangkat daerah yang dievaluasi akuntabilitas kinerjanya", 28, "perangkat daerah"),
                         .percent("Nilai SAKIP Pemerintah Kota Kupang", 70, unit: "nilai")]),
        DemoTheme("manusia", perspektif: .penerimaLayanan,
                  head: "Meningkatnya kualitas pembangunan manusia di Kota Kupang",
                  middle: "Terkoordinasinya kebijakan kesejahteraan rakyat",
                  staff: ["Tersusunnya bahan koordinasi program kesehatan dan pendidikan"],
                  ikis: [.count("Jumlah rapat koordinasi program pembangunan manusia", 12, "kegiatan"),
                         .percent("Indeks Pembangunan Manusia Kota Kupang", 80, unit: "nilai")]),
        DemoTheme("hukum", segments: ["HUKUM"], perspektif: .penguatanInternal,
                  head: "Tersusunnya produk hukum daerah yang berkualitas dan tepat waktu",
                  middle: "Terselesaikannya rancangan produk hukum daerah sesuai program pembentukan",
                  staff: ["Tersusunnya draf rancangan peraturan wali kota", "Terlaksananya kajian hukum atas rancangan produk hukum daerah"],
                  ikis: [.count("Jumlah produk hukum daerah ditetapkan", 60, "dokumen"),
                         .days("Rata-rata waktu penyelesaian harmonisasi rancangan produk hukum", 10)]),
    ]

    /// The theme every JPT organisation head adds: budget and performance accountability.
    static let anggaran = DemoTheme(
        "anggaran", sekda: "tatakelola", perspektif: .anggaran,
        head: "Terwujudnya pengelolaan keuangan dan kinerja {unit} yang akuntabel",
        middle: "Tersusunnya dokumen perencanaan, keuangan dan laporan kinerja",
        staff: ["Tersusunnya laporan realisasi anggaran bulanan", "Terkelolanya penatausahaan keuangan sesuai ketentuan",
                "Tersusunnya dokumen perencanaan dan laporan kinerja"],
        ikis: [.cost("Realisasi belanja sesuai Dokumen Pelaksanaan Anggaran", 12_000_000_000),
               .percent("Persentase realisasi anggaran terhadap pagu", 95)])

    /// The themes of each organisation under the root, by unit code (kecamatan share one set).
    static func agencyThemes(orgCode: String) -> [DemoTheme] {
        switch orgCode {
        case "KPG.INSPEKTORAT": inspektorat
        case "KPG.BKPSDM": bkpsdm
        case "KPG.DIKBUD": dikbud
        case "KPG.DINKES": dinkes
        case "KPG.DUKCAPIL": dukcapil
        case "KPG.DPMPTSP": dpmptsp
        default: orgCode.hasPrefix("KPG.KEC.") ? kecamatan : []
        }
    }

    static let inspektorat: [DemoTheme] = [
        DemoTheme("audit", segments: ["IRBAN1", "IRBAN2", "IRBAN3"], sekda: "tatakelola", perspektif: .prosesBisnis,
                  head: "Meningkatnya kualitas pengawasan internal penyelenggaraan pemerintahan daerah",
                  middle: "Terlaksananya audit kinerja dan keuangan perangkat daerah binaan",
                  staff: ["Tersusunnya laporan hasil audit perangkat daerah", "Terlaksananya reviu laporan keuangan perangkat daerah",
                          "Terlaksananya evaluasi SAKIP perangkat daerah binaan"],
                  ikis: [.count("Jumlah laporan hasil pengawasan diterbitkan", 60, "laporan"),
                         .days("Rata-rata waktu penyelesaian laporan hasil pengawasan", 14)]),
        DemoTheme("tindaklanjut", segments: ["IRBAN1", "IRBAN2", "IRBAN3"], sekda: "tatakelola", perspektif: .penerimaLayanan,
                  head: "Meningkatnya penyelesaian tindak lanjut hasil pemeriksaan",
                  middle: "Terpantaunya tindak lanjut rekomendasi hasil pemeriksaan perangkat daerah binaan",
                  staff: ["Terverifikasinya bukti tindak lanjut rekomendasi hasil pemeriksaan"],
                  ikis: [.count("Jumlah rekomendasi hasil pemeriksaan yang diverifikasi", 240, "rekomendasi"),
                         .percent("Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti", 90)]),
        DemoTheme("integritas", segments: ["IRBAN2", "IRBAN3"], sekda: "tatakelola", perspektif: .penguatanInternal,
                  head: "Meningkatnya kapabilitas APIP dan upaya pencegahan korupsi",
                  middle: "Terlaksananya pendampingan penilaian risiko dan pembangunan zona integritas",
                  staff: ["Terlaksananya reviu penilaian risiko perangkat daerah", "Terlaksananya pendampingan pembangunan zona integritas"],
                  ikis: [.count("Jumlah perangkat daerah yang didampingi pembangunan zona integritas", 8, "perangkat daerah"),
                         .percent("Level kapabilitas APIP", 3, unit: "level")]),
    ]

    static let bkpsdm: [DemoTheme] = [
        DemoTheme("datapegawai", segments: ["PPI"], sekda: "tatakelola", perspektif: .penerimaLayanan,
                  head: "Terwujudnya pengelolaan data dan administrasi kepegawaian yang akurat",
                  middle: "Terkelolanya data kepegawaian dan layanan pemberhentian ASN",
                  staff: ["Termutakhirkannya data ASN pada SIASN", "Terprosesnya usulan pensiun ASN tepat waktu",
                          "Terkelolanya sistem informasi kepegawaian daerah"],
                  ikis: [.count("Jumlah data ASN yang dimutakhirkan", 4800, "data"),
                         .percent("Persentase data ASN valid pada SIASN", 98),
                         .days("Rata-rata waktu penyelesaian usulan pensiun", 14)]),
        DemoTheme("karier", segments: ["MUTASI"], sekda: "tatakelola", perspektif: .prosesBisnis,
                  head: "Terlaksananya manajemen karier ASN berbasis sistem merit",
                  middle: "Terlaksananya mutasi, promosi dan kenaikan pangkat ASN tepat waktu",
                  staff: ["Terprosesnya usulan kenaikan pangkat ASN", "Tersusunnya bahan pertimbangan mutasi dan promosi jabatan"],
                  ikis: [.count("Jumlah usulan kenaikan pangkat diproses", 900, "usulan"),
                         .days("Rata-rata waktu proses usulan kenaikan pangkat", 10)]),
        DemoTheme("kompetensi", segments: ["PSDM"], sekda: "manusia", perspektif: .penguatanInternal,
                  head: "Meningkatnya kompetensi ASN Pemerintah Kota Kupang",
                  middle: "Terlaksananya pengembangan kompetensi ASN",
                  staff: ["Terfasilitasinya pelatihan teknis dan fungsional ASN", "Tersusunnya analisis kebutuhan pengembangan kompetensi ASN"],
                  ikis: [.count("Jumlah ASN yang mengikuti pengembangan kompetensi", 1500, "orang"),
                         .percent("Persentase ASN memenuhi 20 JP pengembangan kompetensi", 80)]),
        DemoTheme("kinerja", segments: ["PKA"], sekda: "tatakelola", perspektif: .prosesBisnis,
                  head: "Terlaksananya pengelolaan kinerja ASN sesuai PermenPANRB 6/2022",
                  middle: "Terkelolanya SKP dan penilaian kinerja ASN perangkat daerah",
                  staff: ["Terverifikasinya SKP ASN perangkat daerah", "Tersusunnya rekapitulasi penilaian kinerja ASN",
                          "Terlaksananya pendampingan pengelola kinerja perangkat daerah"],
                  ikis: [.count("Jumlah SKP ASN diverifikasi", 5000, "dokumen"),
                         .percent("Persentase ASN dengan SKP disetujui tepat waktu", 95)]),
    ]

    static let dikbud: [DemoTheme] = [
        DemoTheme("sd", segments: ["SD", "SDN-", "SDI-"], sekda: "manusia",
                  head: "Meningkatnya mutu layanan pendidikan dasar di Kota Kupang",
                  middle: "Terselenggaranya pembinaan kurikulum dan sarana prasarana sekolah dasar",
                  upt: "Terselenggaranya pembelajaran yang bermutu di {unit}",
                  seksi: "Terlaksananya pembinaan kurikulum dan penilaian pada sekolah dasar",
                  staff: ["Terverifikasinya data pokok pendidikan sekolah dasar", "Terlaksananya supervisi pembelajaran sekolah dasar"],
                  uptStaff: ["Terlaksananya pembelajaran dan penilaian peserta didik di kelas yang diampu",
                             "Terlaksananya pembelajaran literasi dan numerasi peserta didik",
                             "Terlaksananya bimbingan peserta didik sesuai kurikulum"],
                  ikis: [.count("Jumlah sekolah dasar yang dibina", 120, "sekolah"),
                         .percent("Persentase sekolah dasar terakreditasi minimal B", 90)],
                  uptIkis: [.count("Jumlah peserta didik yang menuntaskan pembelajaran", 480, "siswa"),
                            .percent("Persentase peserta didik mencapai kriteria ketercapaian tujuan pembelajaran", 85)]),
        DemoTheme("smp", segments: ["SMP", "SMPN-"], sekda: "manusia",
                  head: "Meningkatnya mutu layanan pendidikan menengah pertama di Kota Kupang",
                  middle: "Terselenggaranya pembinaan kurikulum dan pendidik sekolah menengah pertama",
                  upt: "Terselenggaranya pembelajaran yang bermutu di {unit}",
                  seksi: "Terlaksananya pembinaan kurikulum dan penilaian pada sekolah menengah pertama",
                  staff: ["Terverifikasinya data pokok pendidikan SMP", "Terlaksananya supervisi pembelajaran SMP"],
                  uptStaff: ["Terlaksananya pembelajaran mata pelajaran yang diampu sesuai kurikulum",
                             "Terlaksananya asesmen dan remedial peserta didik", "Terlaksananya pembinaan ekstrakurikuler peserta didik"],
                  ikis: [.count("Jumlah SMP yang dibina", 40, "sekolah"),
                         .percent("Persentase lulusan SMP melanjutkan ke jenjang menengah", 95)],
                  uptIkis: [.count("Jumlah peserta didik yang menuntaskan pembelajaran", 720, "siswa"),
                            .percent("Persentase peserta didik mencapai kriteria ketercapaian tujuan pembelajaran", 85)]),
        DemoTheme("ptk", segments: ["PTK"], sekda: "manusia", perspektif: .penguatanInternal,
                  head: "Meningkatnya kompetensi pendidik dan tenaga kependidikan",
                  middle: "Terlaksananya pengembangan kompetensi pendidik dan tenaga kependidikan",
                  staff: ["Terfasilitasinya pelatihan guru penggerak dan pendidikan profesi guru", "Terverifikasinya usulan tunjangan profesi guru"],
                  ikis: [.count("Jumlah guru yang mengikuti pengembangan kompetensi", 800, "orang"),
                         .days("Rata-rata waktu verifikasi usulan tunjangan profesi", 7)]),
        DemoTheme("budaya", segments: ["BUD", "PAUD"], sekda: "manusia", perspektif: .penerimaLayanan,
                  head: "Meningkatnya pelestarian kebudayaan daerah dan layanan pendidikan anak usia dini",
                  middle: "Terlaksananya pembinaan kebudayaan dan pendidikan anak usia dini",
                  staff: ["Terdokumentasinya objek pemajuan kebudayaan Kota Kupang", "Terlaksananya pembinaan lembaga PAUD dan kesetaraan"],
                  ikis: [.count("Jumlah objek pemajuan kebudayaan yang didokumentasikan", 40, "objek"),
                         .percent("Angka partisipasi kasar PAUD", 75)]),
    ]

    static let dinkes: [DemoTheme] = [
        DemoTheme("imunisasi", segments: ["P2P", "SURVIM", "PKM-"], sekda: "manusia",
                  head: "Meningkatnya cakupan imunisasi dasar lengkap di Kota Kupang",
                  middle: "Terlaksananya surveilans dan pelayanan imunisasi",
                  upt: "Terlaksananya pelayanan imunisasi dasar lengkap di wilayah kerja {unit}",
                  seksi: "Terlaksananya surveilans penyakit dan pemantauan cakupan imunisasi",
                  staff: ["Terlaksananya pencatatan dan pelaporan imunisasi", "Terlaksananya pemantauan rantai dingin vaksin"],
                  uptStaff: ["Terlaksananya pemberian imunisasi kepada bayi dan baduta", "Terlaksananya posyandu dan sweeping imunisasi",
                             "Terlaksananya pencatatan imunisasi pada aplikasi ASIK"],
                  ikis: [.count("Jumlah bayi mendapat imunisasi dasar lengkap", 7200, "bayi"),
                         .percent("Persentase cakupan imunisasi dasar lengkap", 95)],
                  uptIkis: [.count("Jumlah bayi mendapat imunisasi dasar lengkap", 1200, "bayi"),
                            .percent("Persentase cakupan imunisasi dasar lengkap", 95)]),
        DemoTheme("yankes", segments: ["YANKES", "PKM-"], sekda: "manusia",
                  head: "Meningkatnya mutu pelayanan kesehatan dasar bagi masyarakat",
                  middle: "Terselenggaranya pembinaan mutu pelayanan kesehatan dan kefarmasian",
                  upt: "Terselenggaranya pelayanan pasien yang bermutu di {unit}",
                  seksi: "Terlaksananya pembinaan mutu fasilitas pelayanan kesehatan",
                  staff: ["Terlaksananya pembinaan akreditasi fasilitas kesehatan", "Terkelolanya distribusi obat dan alat kesehatan"],
                  uptStaff: ["Terlayaninya pasien rawat jalan sesuai standar pelayanan", "Terlaksananya pelayanan kesehatan ibu dan anak",
                             "Tersedianya obat dan bahan medis habis pakai bagi pasien", "Terlaksananya pemeriksaan laboratorium pasien"],
                  ikis: [.count("Jumlah fasilitas kesehatan yang dibina mutunya", 24, "fasilitas"),
                         .percent("Persentase Puskesmas terakreditasi paripurna", 50)],
                  uptIkis: [.count("Jumlah kunjungan pasien dilayani", 24000, "kunjungan"),
                            .percent("Persentase pasien puas terhadap pelayanan", 85),
                            .days("Rata-rata waktu tunggu pendaftaran pasien", 15, unit: "menit")]),
        DemoTheme("gizi", segments: ["KESMAS"], sekda: "manusia",
                  head: "Menurunnya prevalensi stunting di Kota Kupang",
                  middle: "Terlaksananya program kesehatan keluarga, gizi dan promosi kesehatan",
                  seksi: "Terlaksananya pemantauan status gizi balita dan edukasi kesehatan keluarga",
                  staff: ["Terlaksananya pemantauan pertumbuhan balita di posyandu", "Terlaksananya edukasi gizi bagi ibu hamil dan ibu balita"],
                  ikis: [.count("Jumlah balita dipantau status gizinya", 20000, "balita"),
                         .percent("Persentase balita stunting yang mendapat intervensi gizi", 90)]),
        DemoTheme("p2pm", segments: ["P2P", "P2PM"], sekda: "manusia", perspektif: .prosesBisnis,
                  head: "Terkendalinya penyakit menular di Kota Kupang",
                  middle: "Terlaksananya pencegahan dan pengendalian penyakit menular",
                  seksi: "Terlaksananya penemuan dan penanganan kasus TBC, DBD dan malaria",
                  staff: ["Terlaksananya penemuan kasus TBC secara aktif", "Terlaksananya penyelidikan epidemiologi kasus DBD"],
                  ikis: [.count("Jumlah terduga TBC yang diperiksa", 3000, "orang"),
                         .percent("Persentase kasus DBD ditangani sesuai standar", 100)]),
    ]

    static let dukcapil: [DemoTheme] = [
        DemoTheme("ktp", segments: ["DAFDUK", "IDENTITAS"], sekda: "pelayanan",
                  head: "Terlayaninya penerbitan KTP-el tepat waktu",
                  middle: "Terselenggaranya pelayanan pendaftaran penduduk dan penerbitan KTP-el",
                  seksi: "Terlaksananya perekaman dan pencetakan KTP-el",
                  staff: ["Terlaksananya perekaman biometrik KTP-el pemohon", "Tercetaknya KTP-el sesuai data terverifikasi",
                          "Terlayaninya pemohon KTP-el di loket pelayanan"],
                  ikis: [.count("Jumlah KTP-el diterbitkan", 1200, "dokumen"),
                         .percent("Persentase dokumen kependudukan terbit ≤ 3 hari", 95),
                         .days("Rata-rata waktu penerbitan KTP-el", 3)]),
        DemoTheme("pindah", segments: ["DAFDUK", "PINDAH"], sekda: "pelayanan",
                  head: "Terlayaninya pendaftaran pindah datang dan pemutakhiran Kartu Keluarga",
                  middle: "Terselenggaranya pelayanan pindah datang penduduk dan Kartu Keluarga",
                  seksi: "Terlaksananya penerbitan surat pindah dan Kartu Keluarga",
                  staff: ["Terverifikasinya berkas permohonan pindah datang", "Terbitnya Kartu Keluarga sesuai permohonan"],
                  ikis: [.count("Jumlah dokumen pindah datang dan Kartu Keluarga diterbitkan", 2400, "dokumen"),
                         .days("Rata-rata waktu penerbitan Kartu Keluarga", 2)]),
        DemoTheme("capil", segments: ["CAPIL"], sekda: "pelayanan",
                  head: "Terlayaninya penerbitan akta pencatatan sipil tepat waktu",
                  middle: "Terselenggaranya pelayanan pencatatan sipil",
                  seksi: "Terlaksananya pencatatan kelahiran, kematian, perkawinan dan perceraian",
                  staff: ["Terbitnya akta kelahiran sesuai permohonan", "Terbitnya akta kematian sesuai permohonan",
                          "Terverifikasinya berkas pencatatan perkawinan"],
                  ikis: [.count("Jumlah akta pencatatan sipil diterbitkan", 3600, "akta"),
                         .percent("Persentase anak usia 0-18 tahun memiliki akta kelahiran", 97)]),
        DemoTheme("datapenduduk", segments: ["PIAK", "PDIP"], sekda: "pelayanan", perspektif: .prosesBisnis,
                  head: "Meningkatnya pemanfaatan data kependudukan dan inovasi pelayanan",
                  middle: "Terkelolanya sistem informasi dan pemanfaatan data kependudukan",
                  seksi: "Terkelolanya basis data dan jaringan SIAK",
                  staff: ["Terpeliharanya jaringan dan perangkat SIAK", "Tersajinya data agregat kependudukan semester",
                          "Terlaksananya konsolidasi dan pembersihan data kependudukan"],
                  ikis: [.count("Jumlah lembaga pengguna yang memanfaatkan data kependudukan", 25, "lembaga"),
                         .range("Nilai Indeks Kepuasan Masyarakat layanan administrasi kependudukan", 82, 100, unit: "nilai")]),
    ]

    static let dpmptsp: [DemoTheme] = [
        DemoTheme("perizinan", segments: ["PERIZINAN"], sekda: "pelayanan",
                  head: "Terlayaninya perizinan berusaha dan non berusaha secara cepat dan transparan",
                  middle: "Terselenggaranya pelayanan perizinan terpadu satu pintu",
                  seksi: "Terprosesnya permohonan perizinan sesuai standar pelayanan",
                  staff: ["Terverifikasinya berkas permohonan perizinan", "Terbitnya izin sesuai hasil verifikasi teknis",
                          "Terlayaninya pemohon di loket perizinan"],
                  ikis: [.count("Jumlah izin diterbitkan", 2000, "izin"),
                         .percent("Persentase izin terbit sesuai standar pelayanan", 95),
                         .days("Rata-rata waktu penerbitan izin", 5)]),
        DemoTheme("investasi", segments: ["PROMOSI"], sekda: "pelayanan", perspektif: .prosesBisnis,
                  head: "Meningkatnya realisasi investasi di Kota Kupang",
                  middle: "Terlaksananya promosi dan pengembangan iklim penanaman modal",
                  staff: ["Terverifikasinya laporan kegiatan penanaman modal pelaku usaha", "Tersusunnya profil peluang investasi"],
                  ikis: [.count("Jumlah laporan kegiatan penanaman modal yang diverifikasi", 600, "laporan"),
                         .count("Jumlah kegiatan promosi investasi", 12, "kegiatan")]),
        DemoTheme("pengaduan", segments: ["PENGADUAN"], sekda: "pelayanan",
                  head: "Terselesaikannya pengaduan masyarakat atas layanan perizinan",
                  middle: "Terkelolanya pengaduan, kebijakan dan pelaporan layanan perizinan",
                  staff: ["Tertindaklanjutinya pengaduan layanan perizinan", "Tersusunnya laporan survei kepuasan masyarakat"],
                  ikis: [.count("Jumlah pengaduan ditindaklanjuti", 240, "pengaduan"),
                         .days("Rata-rata waktu tindak lanjut pengaduan", 5)]),
    ]

    static let kecamatan: [DemoTheme] = [
        DemoTheme("layananwarga", segments: ["PELAYANAN"], kinds: [.kelurahan], sekda: "pelayanan",
                  head: "Terselenggaranya pelayanan administrasi umum bagi warga {unit}",
                  middle: "Terlayaninya administrasi kependudukan dan surat keterangan warga {unit}",
                  staff: ["Terlayaninya permohonan surat keterangan warga", "Terverifikasinya berkas pengantar administrasi kependudukan warga"],
                  ikis: [.count("Jumlah surat keterangan dan rekomendasi diterbitkan", 1800, "dokumen"),
                         .days("Rata-rata waktu penyelesaian layanan administrasi", 1)]),
        DemoTheme("wilayah", segments: ["PEM"], kinds: [.kelurahan], sekda: "pelayanan",
                  head: "Terselenggaranya pemerintahan kewilayahan yang tertib di {unit}",
                  middle: "Terlaksananya pembinaan RT/RW dan ketenteraman wilayah {unit}",
                  staff: ["Terlaksananya pendataan dan pembinaan RT/RW", "Terlaksananya pemantauan ketenteraman dan ketertiban wilayah"],
                  ikis: [.count("Jumlah rapat koordinasi dan pembinaan RT/RW", 48, "kegiatan"),
                         .percent("Persentase RT/RW yang menyampaikan laporan bulanan", 90)]),
        DemoTheme("pemberdayaan", kinds: [.kelurahan], sekda: "pelayanan", perspektif: .prosesBisnis,
                  head: "Meningkatnya partisipasi masyarakat dalam pembangunan di {unit}",
                  middle: "Terfasilitasinya musrenbang dan pemberdayaan masyarakat {unit}",
                  staff: ["Terfasilitasinya musyawarah perencanaan pembangunan kelurahan", "Terlaksananya kegiatan padat karya dan kebersihan lingkungan"],
                  ikis: [.count("Jumlah kegiatan pemberdayaan masyarakat difasilitasi", 24, "kegiatan"),
                         .percent("Persentase usulan musrenbang yang terverifikasi", 90)]),
    ]

    /// Extra assignments for Tambahan RHKs.
    static let tambahan: [DemoTambahan] = [
        DemoTambahan(text: "Terlaksananya tugas sebagai anggota Tim Penyusun Laporan Kinerja Instansi Pemerintah",
                     letter: "Surat Tugas No. 800", iki: .count("Jumlah dokumen laporan kinerja yang disusun", 1, "dokumen")),
        DemoTambahan(text: "Terlaksananya tugas sebagai sekretariat Tim Pembangunan Zona Integritas",
                     letter: "Keputusan Kepala Perangkat Daerah No. 100.3", iki: .count("Jumlah laporan kegiatan tim", 4, "laporan")),
        DemoTambahan(text: "Terlaksananya tugas sebagai panitia peringatan Hari Ulang Tahun Kota Kupang",
                     letter: "Surat Tugas No. 003", iki: .count("Jumlah kegiatan peringatan yang dilaksanakan", 2, "kegiatan")),
        DemoTambahan(text: "Terlaksananya tugas sebagai enumerator Survei Kepuasan Masyarakat",
                     letter: "Surat Tugas No. 065", iki: .count("Jumlah responden survei yang dihimpun", 100, "responden")),
        DemoTambahan(text: "Terlaksananya tugas sebagai operator aplikasi e-Kinerja perangkat daerah",
                     letter: "Surat Tugas No. 800.1", iki: .count("Jumlah pendampingan pengisian SKP pegawai", 12, "kegiatan")),
    ]

    /// Return notes an atasan writes (DIKEMBALIKAN).
    static let returnNotes = [
        "Target IKI 2 terlalu rendah dibanding realisasi tahun lalu; mohon disesuaikan.",
        "RHK belum selaras dengan RHK atasan yang diintervensi; mohon perbaiki rumusan hasil kerja.",
        "Target triwulan belum mencerminkan beban kerja musim pendaftaran sekolah; mohon ditinjau kembali.",
        "Indikator kualitas belum terukur; gunakan persentase dokumen yang selesai tanpa kesalahan.",
        "Satuan target IKI 1 belum tepat; gunakan satuan dokumen, bukan kegiatan.",
    ]

    /// Approval notes (DISETUJUI); empty strings are approvals without a note.
    static let approvalNotes = [
        "", "", "Disetujui.", "Disetujui. Mohon jaga konsistensi laporan harian beserta bukti dukung.",
        "Disetujui; perhatikan target triwulan IV yang lebih tinggi.",
    ]

    /// Ekspektasi khusus an atasan sets, by BerAKHLAK value.
    static let expectations: [(Common.BerakhlakValue, String)] = [
        (.berorientasiPelayanan, "Merespons pengaduan warga paling lambat 1×24 jam dan menuntaskannya"),
        (.berorientasiPelayanan, "Melayani pemohon di loket dengan ramah, cepat dan tanpa pungutan"),
        (.akuntabel, "Menyampaikan laporan harian tepat waktu dengan bukti dukung yang lengkap"),
        (.kompeten, "Mengikuti paling sedikit 20 JP pengembangan kompetensi dalam setahun"),
        (.harmonis, "Menjaga suasana kerja yang saling menghargai di unit kerja"),
        (.loyal, "Menjaga kerahasiaan data pribadi penduduk dan pegawai"),
        (.adaptif, "Mengusulkan paling sedikit satu perbaikan proses layanan setiap semester"),
        (.kolaboratif, "Aktif berbagi informasi dan membantu rekan kerja menyelesaikan target tim"),
    ]
}
