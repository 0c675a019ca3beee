import KinerjaProto
import KinerjaASN

/// What a unit's head holds: jabatan, jenis, grades and titles.
struct HeadSpec: Sendable {
    var jabatan: String
    var jenis: Common.JenisJabatan
    var golongan: [String]
    var gelar: [Gelar]
    /// Age range of a head, in years at the reference date.
    var age: ClosedRange<Int>
}

/// One unit of the catalogue with how to staff it.
struct UnitSpec: Sendable {
    var code: String
    var name: String
    var shortName: String
    var kind: Identity.UnitKind
    var parentCode: String?
    var publicServicePoint: Bool
    /// Nil for the root, whose head (the Wali Kota) is not an ASN.
    var head: HeadSpec?
    /// True when the head's post may be left vacant (some seksi, as happens in practice).
    var mayBeVacant: Bool
    var staff: ClosedRange<Int>
    var mix: StaffMix
}

/// The units of Pemerintah Kota Kupang used by the demo.
///
/// Names follow the city's perangkat daerah (Perda Kota Kupang on the organisation of its
/// agencies) and the real kelurahan of its six kecamatan; bidang and seksi follow the
/// nomenclature of the national ministries for each sector. The seksi layer is partly
/// kept even though the 2021 simplification (penyederhanaan birokrasi) turned many into
/// fungsional posts, so the demo exercises every level of the tree.
///
/// The staff ranges' lower bounds plus the heads that are never vacant add up to at least 600
/// employees, so every seed meets the demo's size.
enum KupangUnits {
    private typealias P = DemoPositions

    private static func jpt(_ jabatan: String, _ gelar: [Gelar] = P.pimpinan, golongan: [String] = P.grades("IV/c", "IV/d")) -> HeadSpec {
        HeadSpec(jabatan: jabatan, jenis: .jpt, golongan: golongan, gelar: gelar, age: 48...57)
    }
    private static func administrator(_ jabatan: String, _ gelar: [Gelar] = P.pimpinan) -> HeadSpec {
        HeadSpec(jabatan: jabatan, jenis: .administrator, golongan: P.grades("III/d", "IV/b"), gelar: gelar, age: 42...56)
    }
    private static func pengawas(_ jabatan: String, _ gelar: [Gelar] = P.pengawasUmum, golongan: [String] = P.grades("III/b", "III/d")) -> HeadSpec {
        HeadSpec(jabatan: jabatan, jenis: .pengawas, golongan: golongan, gelar: gelar, age: 35...55)
    }

    /// The catalogue in depth-first order (every unit after its parent).
    static func catalog() -> [UnitSpec] {
        var specs: [UnitSpec] = []
        func add(_ code: String, _ name: String, _ short: String, _ kind: Identity.UnitKind, parent: String?,
                 head: HeadSpec?, staff: ClosedRange<Int>, _ mix: StaffMix = .office, counter: Bool = false, vacant: Bool = false) {
            specs.append(UnitSpec(code: code, name: name, shortName: short, kind: kind, parentCode: parent,
                                  publicServicePoint: counter, head: head, mayBeVacant: vacant, staff: staff, mix: mix))
        }
        /// A seksi, headed by a kepala seksi unless the post happens to be vacant.
        func seksi(_ code: String, _ name: String, parent: String, staff: ClosedRange<Int>, _ mix: StaffMix,
                   counter: Bool = false, vacant: Bool = true) {
            add(code, name, "", .seksi, parent: parent, head: pengawas("Kepala " + name), staff: staff, mix, counter: counter, vacant: vacant)
        }
        func bidang(_ code: String, _ name: String, parent: String, staff: ClosedRange<Int>, _ mix: StaffMix,
                    short: String = "", counter: Bool = false) {
            add(code, name, short, .bidang, parent: parent, head: administrator("Kepala " + name), staff: staff, mix, counter: counter)
        }

        add("KPG", "Pemerintah Kota Kupang", "Pemkot Kupang", .pemerintahDaerah, parent: nil, head: nil, staff: 0...0)

        // Sekretariat Daerah.
        add("KPG.SETDA", "Sekretariat Daerah Kota Kupang", "Setda", .sekretariat, parent: "KPG",
            head: jpt("Sekretaris Daerah", golongan: P.grades("IV/d", "IV/e")), staff: 1...2, .setda)
        add("KPG.SETDA.PEM", "Bagian Pemerintahan", "Bag. Pemerintahan", .bagian, parent: "KPG.SETDA",
            head: administrator("Kepala Bagian Pemerintahan"), staff: 4...6, .setda)
        add("KPG.SETDA.HUKUM", "Bagian Hukum", "Bag. Hukum", .bagian, parent: "KPG.SETDA",
            head: administrator("Kepala Bagian Hukum", [Gelar("", "S.H., M.H."), Gelar("", "S.H.")]), staff: 4...6, .hukum)
        add("KPG.SETDA.ORG", "Bagian Organisasi", "Bag. Organisasi", .bagian, parent: "KPG.SETDA",
            head: administrator("Kepala Bagian Organisasi"), staff: 1...2, .setda)
        for (code, name) in [("KELEMBAGAAN", "Subbagian Kelembagaan dan Analisis Jabatan"),
                             ("RB", "Subbagian Reformasi Birokrasi dan Akuntabilitas Kinerja")] {
            add("KPG.SETDA.ORG." + code, name, "", .subbagian, parent: "KPG.SETDA.ORG",
                head: pengawas("Kepala " + name), staff: 2...4, .setda)
        }

        // Inspektorat.
        add("KPG.INSPEKTORAT", "Inspektorat Daerah Kota Kupang", "Inspektorat", .inspektorat, parent: "KPG",
            head: jpt("Inspektur", [Gelar("", "S.E., M.Si., Ak."), Gelar("", "S.H., M.H."), Gelar("Drs.", "M.Si.")]), staff: 2...3, .office)
        for (code, roman) in [("IRBAN1", "I"), ("IRBAN2", "II"), ("IRBAN3", "III")] {
            add("KPG.INSPEKTORAT." + code, "Inspektur Pembantu Wilayah " + roman, "Irban " + roman, .bidang,
                parent: "KPG.INSPEKTORAT", head: administrator("Inspektur Pembantu Wilayah " + roman), staff: 5...7, .inspektorat)
        }

        // BKPSDM.
        add("KPG.BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", .badan, parent: "KPG",
            head: jpt("Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"), staff: 2...4, .office, counter: true)
        bidang("KPG.BKPSDM.PPI", "Bidang Pengadaan, Pemberhentian dan Informasi", parent: "KPG.BKPSDM", staff: 5...7, .bkpsdmData)
        bidang("KPG.BKPSDM.MUTASI", "Bidang Mutasi dan Promosi", parent: "KPG.BKPSDM", staff: 5...7, .bkpsdm)
        bidang("KPG.BKPSDM.PSDM", "Bidang Pengembangan Sumber Daya Manusia", parent: "KPG.BKPSDM", staff: 4...6, .bkpsdm)
        bidang("KPG.BKPSDM.PKA", "Bidang Penilaian Kinerja Aparatur dan Penghargaan", parent: "KPG.BKPSDM", staff: 5...7, .bkpsdm)

        // Dinas Pendidikan dan Kebudayaan, with schools as UPT.
        let dikbud = "KPG.DIKBUD"
        add(dikbud, "Dinas Pendidikan dan Kebudayaan", "Dikbud", .dinas, parent: "KPG",
            head: jpt("Kepala Dinas Pendidikan dan Kebudayaan", [Gelar("", "S.Pd., M.Pd."), Gelar("Dr.", "M.Pd."), Gelar("Drs.", "M.Pd.")]),
            staff: 3...4, .office)
        bidang(dikbud + ".SD", "Bidang Pembinaan Sekolah Dasar", parent: dikbud, staff: 1...2, .dikbudOffice)
        seksi(dikbud + ".SD.KURIKULUM", "Seksi Kurikulum dan Penilaian Sekolah Dasar", parent: dikbud + ".SD", staff: 2...4, .dikbudOffice)
        seksi(dikbud + ".SD.SARPRAS", "Seksi Sarana dan Prasarana Sekolah Dasar", parent: dikbud + ".SD", staff: 2...3, .dikbudOffice)
        bidang(dikbud + ".SMP", "Bidang Pembinaan Sekolah Menengah Pertama", parent: dikbud, staff: 1...2, .dikbudOffice)
        seksi(dikbud + ".SMP.KURIKULUM", "Seksi Kurikulum dan Penilaian Sekolah Menengah Pertama", parent: dikbud + ".SMP", staff: 2...4, .dikbudOffice)
        seksi(dikbud + ".SMP.PTK", "Seksi Pendidik dan Tenaga Kependidikan", parent: dikbud + ".SMP", staff: 2...3, .dikbudOffice)
        bidang(dikbud + ".BUD", "Bidang Kebudayaan", parent: dikbud, staff: 4...6, .kebudayaan)
        bidang(dikbud + ".PAUD", "Bidang Pendidikan Anak Usia Dini dan Pendidikan Nonformal", parent: dikbud, staff: 3...5, .kebudayaan)
        for (code, name, mix, staff) in [("SDN-OETETE-1", "SD Negeri Oetete 1", StaffMix.sd, 16...20),
                                         ("SDI-OEPURA", "SD Inpres Oepura", StaffMix.sd, 16...20),
                                         ("SMPN-1", "SMP Negeri 1 Kupang", StaffMix.smp, 28...34),
                                         ("SMPN-2", "SMP Negeri 2 Kupang", StaffMix.smp, 26...32),
                                         ("SMPN-5", "SMP Negeri 5 Kupang", StaffMix.smp, 24...30)] {
            add(dikbud + "." + code, name, name, .upt, parent: dikbud,
                head: pengawas("Kepala " + name, [Gelar("", "S.Pd., M.Pd."), Gelar("", "S.Pd.")], golongan: P.grades("III/d", "IV/b")),
                staff: staff, mix)
        }

        // Dinas Kesehatan, with Puskesmas as UPT.
        let dinkes = "KPG.DINKES"
        add(dinkes, "Dinas Kesehatan", "Dinkes", .dinas, parent: "KPG",
            head: jpt("Kepala Dinas Kesehatan", [Gelar("dr.", "M.Kes."), Gelar("drg.", "M.Kes."), Gelar("dr.", "MPH.")]), staff: 3...4, .office)
        bidang(dinkes + ".KESMAS", "Bidang Kesehatan Masyarakat", parent: dinkes, staff: 1...2, .dinkesOffice)
        seksi(dinkes + ".KESMAS.KESGA", "Seksi Kesehatan Keluarga dan Gizi", parent: dinkes + ".KESMAS", staff: 2...4, .dinkesOffice)
        seksi(dinkes + ".KESMAS.PROMKES", "Seksi Promosi dan Pemberdayaan Masyarakat", parent: dinkes + ".KESMAS", staff: 2...3, .dinkesOffice)
        bidang(dinkes + ".P2P", "Bidang Pencegahan dan Pengendalian Penyakit", parent: dinkes, staff: 1...2, .dinkesOffice)
        seksi(dinkes + ".P2P.SURVIM", "Seksi Surveilans dan Imunisasi", parent: dinkes + ".P2P", staff: 2...4, .dinkesOffice)
        seksi(dinkes + ".P2P.P2PM", "Seksi Pencegahan dan Pengendalian Penyakit Menular", parent: dinkes + ".P2P", staff: 2...3, .dinkesOffice)
        bidang(dinkes + ".YANKES", "Bidang Pelayanan dan Sumber Daya Kesehatan", parent: dinkes, staff: 1...2, .dinkesOffice)
        seksi(dinkes + ".YANKES.PELAYANAN", "Seksi Pelayanan Kesehatan", parent: dinkes + ".YANKES", staff: 2...3, .dinkesOffice)
        seksi(dinkes + ".YANKES.FARMALKES", "Seksi Kefarmasian dan Alat Kesehatan", parent: dinkes + ".YANKES", staff: 2...3, .dinkesOffice)
        for (code, place) in [("PKM-OEBOBO", "Oebobo"), ("PKM-OEPOI", "Oepoi"), ("PKM-BAKUNASE", "Bakunase"),
                              ("PKM-SIKUMANA", "Sikumana"), ("PKM-KUPANGKOTA", "Kupang Kota"), ("PKM-ALAK", "Alak")] {
            add(dinkes + "." + code, "UPTD Puskesmas " + place, "Puskesmas " + place, .upt, parent: dinkes,
                head: pengawas("Kepala UPTD Puskesmas " + place, [Gelar("dr.", ""), Gelar("", "S.KM., M.Kes."), Gelar("Ns.", "S.Kep.")],
                               golongan: P.grades("III/c", "IV/a")),
                staff: 18...24, .puskesmas, counter: true)
        }

        // Dinas Kependudukan dan Pencatatan Sipil.
        let dukcapil = "KPG.DUKCAPIL"
        add(dukcapil, "Dinas Kependudukan dan Pencatatan Sipil", "Dukcapil", .dinas, parent: "KPG",
            head: jpt("Kepala Dinas Kependudukan dan Pencatatan Sipil"), staff: 2...3, .office, counter: true)
        bidang(dukcapil + ".DAFDUK", "Bidang Pelayanan Pendaftaran Penduduk", parent: dukcapil, staff: 1...2, .dukcapil,
               short: "Dafduk", counter: true)
        seksi(dukcapil + ".DAFDUK.IDENTITAS", "Seksi Identitas Penduduk", parent: dukcapil + ".DAFDUK", staff: 4...6, .dukcapil,
              counter: true, vacant: false)
        seksi(dukcapil + ".DAFDUK.PINDAH", "Seksi Pindah Datang dan Pendataan Penduduk", parent: dukcapil + ".DAFDUK", staff: 3...5, .dukcapil,
              counter: true)
        bidang(dukcapil + ".CAPIL", "Bidang Pelayanan Pencatatan Sipil", parent: dukcapil, staff: 1...2, .dukcapil, short: "Capil", counter: true)
        seksi(dukcapil + ".CAPIL.KELAHIRAN", "Seksi Kelahiran dan Kematian", parent: dukcapil + ".CAPIL", staff: 3...5, .dukcapil, counter: true)
        seksi(dukcapil + ".CAPIL.PERKAWINAN", "Seksi Perkawinan dan Perceraian", parent: dukcapil + ".CAPIL", staff: 2...4, .dukcapil, counter: true)
        bidang(dukcapil + ".PIAK", "Bidang Pengelolaan Informasi Administrasi Kependudukan", parent: dukcapil, staff: 1...2, .dukcapilData, short: "PIAK")
        seksi(dukcapil + ".PIAK.SIAK", "Seksi Sistem Informasi Administrasi Kependudukan", parent: dukcapil + ".PIAK", staff: 3...5, .dukcapilData)
        seksi(dukcapil + ".PIAK.DATA", "Seksi Pengolahan dan Penyajian Data Kependudukan", parent: dukcapil + ".PIAK", staff: 2...4, .dukcapilData)
        bidang(dukcapil + ".PDIP", "Bidang Pemanfaatan Data dan Inovasi Pelayanan", parent: dukcapil, staff: 4...6, .dukcapilData, short: "PDIP")

        // Dinas Penanaman Modal dan PTSP.
        let ptsp = "KPG.DPMPTSP"
        add(ptsp, "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", .dinas, parent: "KPG",
            head: jpt("Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu"), staff: 2...3, .office, counter: true)
        bidang(ptsp + ".PERIZINAN", "Bidang Pelayanan Perizinan", parent: ptsp, staff: 1...2, .dpmptsp, counter: true)
        seksi(ptsp + ".PERIZINAN.BERUSAHA", "Seksi Perizinan Berusaha", parent: ptsp + ".PERIZINAN", staff: 3...4, .dpmptsp, counter: true)
        seksi(ptsp + ".PERIZINAN.NONBERUSAHA", "Seksi Perizinan Non Berusaha", parent: ptsp + ".PERIZINAN", staff: 2...4, .dpmptsp, counter: true)
        bidang(ptsp + ".PROMOSI", "Bidang Promosi dan Pengembangan Iklim Penanaman Modal", parent: ptsp, staff: 3...5, .dpmptsp)
        bidang(ptsp + ".PENGADUAN", "Bidang Pengaduan, Kebijakan dan Pelaporan Layanan", parent: ptsp, staff: 3...5, .dpmptsp)

        // The six kecamatan, each with two seksi and real kelurahan.
        let kecamatan: [(code: String, name: String, kelurahan: [(String, String)])] = [
            ("ALAK", "Alak", [("NAMOSAIN", "Namosain"), ("NUNBAUNSABU", "Nunbaun Sabu"), ("PENKASEOELETA", "Penkase Oeleta"), ("MANUTAPEN", "Manutapen")]),
            ("KELAPALIMA", "Kelapa Lima", [("OESAPA", "Oesapa"), ("LASIANA", "Lasiana"), ("KELAPALIMA", "Kelapa Lima"), ("OESAPASELATAN", "Oesapa Selatan")]),
            ("KOTALAMA", "Kota Lama", [("OEBA", "Oeba"), ("PASIRPANJANG", "Pasir Panjang"), ("BONIPOI", "Bonipoi"), ("SOLOR", "Solor")]),
            ("KOTARAJA", "Kota Raja", [("KUANINO", "Kuanino"), ("NAIKOTEN1", "Naikoten I"), ("BAKUNASE", "Bakunase"), ("AIRNONA", "Airnona")]),
            ("MAULAFA", "Maulafa", [("SIKUMANA", "Sikumana"), ("PENFUI", "Penfui"), ("OEPURA", "Oepura"), ("KOLHUA", "Kolhua")]),
            ("OEBOBO", "Oebobo", [("OEBOBO", "Oebobo"), ("OEBUFU", "Oebufu"), ("FATULULI", "Fatululi"), ("KAYUPUTIH", "Kayu Putih"), ("LILIBA", "Liliba")]),
        ]
        for kec in kecamatan {
            let code = "KPG.KEC." + kec.code
            add(code, "Kecamatan " + kec.name, kec.name, .kecamatan, parent: "KPG",
                head: administrator("Camat " + kec.name), staff: 3...5, .wilayah, counter: true)
            seksi(code + ".PEM", "Seksi Pemerintahan", parent: code, staff: 3...4, .wilayah)
            seksi(code + ".PELAYANAN", "Seksi Pelayanan Umum", parent: code, staff: 3...4, .wilayah, counter: true)
            for (kelCode, kelName) in kec.kelurahan {
                add(code + "." + kelCode, "Kelurahan " + kelName, kelName, .kelurahan, parent: code,
                    head: pengawas("Lurah " + kelName, golongan: P.grades("III/c", "III/d")), staff: 5...7, .wilayah, counter: true)
            }
        }
        return specs
    }
}
