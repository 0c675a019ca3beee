import KinerjaProto
import KinerjaASN

/// A title pair printed around a name.
struct Gelar: Sendable, Hashable {
    /// Before the name, e.g. "dr.".
    var depan: String
    /// After the name, e.g. "S.Kep., Ns.".
    var belakang: String

    init(_ depan: String, _ belakang: String) {
        self.depan = depan
        self.belakang = belakang
    }
}

/// A position (jabatan) with the pay grades and titles that go with it.
struct DemoPosition: Sendable {
    /// Nama jabatan.
    var name: String
    /// Jenis jabatan.
    var jenis: Common.JenisJabatan
    /// PNS golongan/ruang that fit the position (education and seniority).
    var golongan: [String]
    /// PPPK golongan when the position is also filled by PPPK; nil for PNS-only positions.
    var pppkGolongan: String?
    /// Titles that fit the education the position needs; one is drawn per person.
    var gelar: [Gelar]
    /// True for positions held only by women in practice (bidan).
    var femaleOnly = false
}

/// The position catalogue of the demo, with golongan consistent with each jabatan.
///
/// Grades follow the usual ladders: JPT Pratama IV/c–IV/e, Administrator III/d–IV/b, Pengawas
/// III/b–III/d; fungsional Terampil II/c–II/d, Mahir/Penyelia III/a–III/d, Ahli Pertama
/// III/a–III/b, Ahli Muda III/c–III/d, Ahli Madya IV/a–IV/c; pelaksana by education.
/// PPPK golongan by education: V (SMA), VII (D-III), IX (S-1/D-IV), X (S-2, dokter).
enum DemoPositions {
    static let ladder = ["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"]

    /// Golongan from `low` to `high` inclusive on the PNS ladder.
    static func grades(_ low: String, _ high: String) -> [String] {
        guard let a = ladder.firstIndex(of: low), let b = ladder.firstIndex(of: high), a <= b else { return [low] }
        return Array(ladder[a...b])
    }

    // MARK: Titles by education.
    static let none = [Gelar("", "")]
    static let sarjanaUmum = ["S.E.", "S.Sos.", "S.AP.", "S.H.", "S.IP.", "S.Sos.", "S.E."].map { Gelar("", $0) }
    static let sarjanaIT = ["S.Kom.", "S.T.", "S.Kom."].map { Gelar("", $0) }
    static let diplomaIT = [Gelar("", "A.Md.Kom."), Gelar("", "A.Md.")]
    static let diplomaUmum = [Gelar("", "A.Md."), Gelar("", "A.Md.A.B.")]
    static let hukum = [Gelar("", "S.H."), Gelar("", "S.H., M.H.")]
    static let akuntansi = [Gelar("", "S.E."), Gelar("", "S.Ak."), Gelar("", "S.E., Ak.")]
    static let pimpinan = [
        Gelar("", "S.STP., M.Si."), Gelar("", "S.Sos., M.Si."), Gelar("", "S.H., M.H."), Gelar("", "S.E., M.M."),
        Gelar("", "S.IP., M.AP."), Gelar("Drs.", "M.Si."), Gelar("", "S.STP., M.AP."), Gelar("", "S.Sos., M.AP."),
    ]
    static let pengawasUmum = ["S.Sos.", "S.E.", "S.H.", "S.STP.", "S.IP.", "S.AP.", "S.Sos., M.Si."].map { Gelar("", $0) }
    static let guru = [Gelar("", "S.Pd."), Gelar("", "S.Pd."), Gelar("", "S.Pd., Gr."), Gelar("", "S.Pd., M.Pd."), Gelar("", "S.Si.")]
    static let guruSD = [Gelar("", "S.Pd."), Gelar("", "S.Pd.SD."), Gelar("", "S.Pd., Gr.")]
    static let kesmas = [Gelar("", "S.KM."), Gelar("", "S.KM., M.Kes.")]
    static let dokter = [Gelar("dr.", ""), Gelar("dr.", ""), Gelar("dr.", "M.Kes.")]
    static let ners = [Gelar("Ns.", "S.Kep."), Gelar("", "S.Kep., Ns.")]

    // MARK: Pelaksana.
    static let pengadministrasi = DemoPosition(name: "Pengadministrasi Perkantoran", jenis: .pelaksana, golongan: grades("II/a", "II/d"), pppkGolongan: "V", gelar: none)
    static let operatorLayanan = DemoPosition(name: "Operator Layanan Operasional", jenis: .pelaksana, golongan: grades("II/a", "II/c"), pppkGolongan: "V", gelar: none)
    static let pengelolaUmum = DemoPosition(name: "Pengelola Umum Operasional", jenis: .pelaksana, golongan: grades("II/b", "III/a"), pppkGolongan: "VII", gelar: diplomaUmum)
    static let penataLayanan = DemoPosition(name: "Penata Layanan Operasional", jenis: .pelaksana, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: sarjanaUmum)
    static let pengolahData = DemoPosition(name: "Pengolah Data dan Informasi", jenis: .pelaksana, golongan: grades("II/c", "III/a"), pppkGolongan: "VII", gelar: diplomaIT)
    static let bendahara = DemoPosition(name: "Bendahara", jenis: .pelaksana, golongan: grades("III/a", "III/b"), pppkGolongan: nil, gelar: akuntansi)
    static let pengelolaKemasyarakatan = DemoPosition(name: "Pengelola Layanan Kemasyarakatan", jenis: .pelaksana, golongan: grades("II/b", "III/a"), pppkGolongan: "V", gelar: none)
    static let verifikatorPerizinan = DemoPosition(name: "Verifikator Perizinan", jenis: .pelaksana, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: sarjanaUmum)
    static let pengadministrasiKependudukan = DemoPosition(name: "Pengadministrasi Kependudukan", jenis: .pelaksana, golongan: grades("II/a", "II/d"), pppkGolongan: "V", gelar: none)

    // MARK: Fungsional, general.
    static let analisKebijakanPertama = DemoPosition(name: "Analis Kebijakan Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: sarjanaUmum)
    static let analisKebijakanMuda = DemoPosition(name: "Analis Kebijakan Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: pengawasUmum)
    static let pranataKomputer = DemoPosition(name: "Pranata Komputer Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: sarjanaIT)
    static let pranataKomputerMuda = DemoPosition(name: "Pranata Komputer Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: sarjanaIT)
    static let arsiparis = DemoPosition(name: "Arsiparis Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: diplomaUmum)
    static let perencana = DemoPosition(name: "Perencana Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: nil, gelar: sarjanaUmum)
    static let analisHukum = DemoPosition(name: "Analis Hukum Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: hukum)
    static let perancangPeraturan = DemoPosition(name: "Perancang Peraturan Perundang-undangan Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: hukum)
    static let pranataHumas = DemoPosition(name: "Pranata Hubungan Masyarakat Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: [Gelar("", "S.I.Kom."), Gelar("", "S.Sos.")])

    // MARK: Fungsional by agency.
    static let analisSDMPertama = DemoPosition(name: "Analis Sumber Daya Manusia Aparatur Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: [Gelar("", "S.Psi."), Gelar("", "S.Sos."), Gelar("", "S.AP.")])
    static let analisSDMMuda = DemoPosition(name: "Analis Sumber Daya Manusia Aparatur Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: [Gelar("", "S.Psi., M.Si."), Gelar("", "S.Sos., M.AP."), Gelar("", "S.AP.")])
    static let asesorSDM = DemoPosition(name: "Asesor Sumber Daya Manusia Aparatur Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: nil, gelar: [Gelar("", "S.Psi.")])
    static let auditorPertama = DemoPosition(name: "Auditor Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: nil, gelar: akuntansi)
    static let auditorMuda = DemoPosition(name: "Auditor Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: [Gelar("", "S.E., M.Ak."), Gelar("", "S.E., Ak., CA.")])
    static let p2upd = DemoPosition(name: "Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: nil, gelar: [Gelar("", "S.IP."), Gelar("", "S.H."), Gelar("", "S.STP.")])
    static let adbPertama = DemoPosition(name: "Administrator Database Kependudukan Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: sarjanaIT)
    static let adbTerampil = DemoPosition(name: "Administrator Database Kependudukan Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: diplomaIT)
    static let analisKependudukan = DemoPosition(name: "Analis Kependudukan Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: [Gelar("", "S.Sos."), Gelar("", "S.Si."), Gelar("", "S.E.")])
    static let guruPertama = DemoPosition(name: "Guru Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: guru)
    static let guruMuda = DemoPosition(name: "Guru Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: guru)
    static let guruMadya = DemoPosition(name: "Guru Ahli Madya", jenis: .fungsional, golongan: grades("IV/a", "IV/b"), pppkGolongan: nil, gelar: [Gelar("", "S.Pd., M.Pd."), Gelar("Dra.", ""), Gelar("", "S.Pd.")])
    static let guruSDPertama = DemoPosition(name: "Guru Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: guruSD)
    static let guruSDMuda = DemoPosition(name: "Guru Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: guruSD)
    static let pustakawan = DemoPosition(name: "Pustakawan Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.")])
    static let pengawasSekolah = DemoPosition(name: "Pengawas Sekolah Ahli Muda", jenis: .fungsional, golongan: grades("III/d", "IV/a"), pppkGolongan: nil, gelar: [Gelar("", "S.Pd., M.Pd.")])
    static let pamongBudaya = DemoPosition(name: "Pamong Budaya Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: [Gelar("", "S.S."), Gelar("", "S.Sn."), Gelar("", "S.Pd.")])
    static let pamongBelajar = DemoPosition(name: "Pamong Belajar Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: guru)
    static let dokterPertama = DemoPosition(name: "Dokter Ahli Pertama", jenis: .fungsional, golongan: grades("III/b", "III/c"), pppkGolongan: "X", gelar: dokter)
    static let dokterMuda = DemoPosition(name: "Dokter Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: dokter)
    static let dokterGigi = DemoPosition(name: "Dokter Gigi Ahli Pertama", jenis: .fungsional, golongan: grades("III/b", "III/c"), pppkGolongan: "X", gelar: [Gelar("drg.", "")])
    static let perawatTerampil = DemoPosition(name: "Perawat Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.Kep.")])
    static let perawatPenyelia = DemoPosition(name: "Perawat Penyelia", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: [Gelar("", "A.Md.Kep.")])
    static let perawatPertama = DemoPosition(name: "Perawat Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: ners)
    static let bidanTerampil = DemoPosition(name: "Bidan Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.Keb.")], femaleOnly: true)
    static let bidanPertama = DemoPosition(name: "Bidan Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: [Gelar("", "S.Tr.Keb."), Gelar("", "S.Keb., Bd.")], femaleOnly: true)
    static let apoteker = DemoPosition(name: "Apoteker Ahli Pertama", jenis: .fungsional, golongan: grades("III/b", "III/c"), pppkGolongan: "X", gelar: [Gelar("apt.", "S.Farm.")])
    static let asistenApoteker = DemoPosition(name: "Asisten Apoteker Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.Farm.")])
    static let sanitarian = DemoPosition(name: "Tenaga Sanitasi Lingkungan Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.KL.")])
    static let nutrisionis = DemoPosition(name: "Nutrisionis Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.Gz.")])
    static let pranataLab = DemoPosition(name: "Pranata Laboratorium Kesehatan Terampil", jenis: .fungsional, golongan: grades("II/c", "II/d"), pppkGolongan: "VII", gelar: [Gelar("", "A.Md.AK.")])
    static let epidemiolog = DemoPosition(name: "Epidemiolog Kesehatan Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: kesmas)
    static let penyuluhKesehatan = DemoPosition(name: "Penyuluh Kesehatan Masyarakat Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: kesmas)
    static let administratorKesehatan = DemoPosition(name: "Administrator Kesehatan Ahli Muda", jenis: .fungsional, golongan: grades("III/c", "III/d"), pppkGolongan: nil, gelar: kesmas)
    static let penataPerizinan = DemoPosition(name: "Penata Perizinan Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: "IX", gelar: sarjanaUmum)
    static let analisInvestasi = DemoPosition(name: "Analis Investasi Ahli Pertama", jenis: .fungsional, golongan: grades("III/a", "III/b"), pppkGolongan: nil, gelar: [Gelar("", "S.E."), Gelar("", "S.E., M.M.")])
}

/// Positions a unit's staff are drawn from, with weights.
struct StaffMix: Sendable {
    var entries: [(position: DemoPosition, weight: Int)]

    init(_ entries: [(DemoPosition, Int)]) {
        self.entries = entries.map { (position: $0.0, weight: $0.1) }
    }

    /// One position, drawn by weight.
    func draw(_ random: inout SeededRandom) -> DemoPosition {
        let total = entries.reduce(0) { $0 + $1.weight }
        var ticket = random.below(max(1, total))
        for entry in entries {
            if ticket < entry.weight { return entry.position }
            ticket -= entry.weight
        }
        return entries[entries.count - 1].position
    }
}

extension StaffMix {
    typealias P = DemoPositions
    static let office = StaffMix([(P.pengadministrasi, 3), (P.penataLayanan, 3), (P.pengelolaUmum, 2), (P.operatorLayanan, 1),
                                  (P.pengolahData, 1), (P.arsiparis, 1), (P.analisKebijakanPertama, 2), (P.perencana, 1), (P.bendahara, 1)])
    static let setda = StaffMix([(P.pengadministrasi, 2), (P.penataLayanan, 2), (P.analisKebijakanPertama, 3), (P.analisKebijakanMuda, 2),
                                 (P.analisHukum, 1), (P.pranataHumas, 1), (P.arsiparis, 1)])
    static let hukum = StaffMix([(P.analisHukum, 4), (P.perancangPeraturan, 2), (P.pengadministrasi, 1), (P.penataLayanan, 1)])
    static let inspektorat = StaffMix([(P.auditorPertama, 4), (P.auditorMuda, 2), (P.p2upd, 3), (P.pengadministrasi, 1)])
    static let bkpsdm = StaffMix([(P.analisSDMPertama, 4), (P.analisSDMMuda, 2), (P.asesorSDM, 1), (P.penataLayanan, 2),
                                  (P.pengadministrasi, 2), (P.pengolahData, 1)])
    static let bkpsdmData = StaffMix([(P.pranataKomputer, 3), (P.pranataKomputerMuda, 1), (P.pengolahData, 2), (P.analisSDMPertama, 2),
                                      (P.pengadministrasi, 1)])
    static let dukcapil = StaffMix([(P.pengadministrasiKependudukan, 4), (P.operatorLayanan, 3), (P.analisKependudukan, 2),
                                    (P.adbTerampil, 1), (P.penataLayanan, 1)])
    static let dukcapilData = StaffMix([(P.adbPertama, 3), (P.adbTerampil, 3), (P.pranataKomputer, 2), (P.pengolahData, 2),
                                        (P.analisKependudukan, 1)])
    static let dikbudOffice = StaffMix([(P.penataLayanan, 2), (P.pengadministrasi, 2), (P.pengawasSekolah, 2), (P.perencana, 1),
                                        (P.pengolahData, 1)])
    static let kebudayaan = StaffMix([(P.pamongBudaya, 3), (P.pamongBelajar, 2), (P.pengadministrasi, 1), (P.penataLayanan, 1)])
    static let sd = StaffMix([(P.guruSDPertama, 6), (P.guruSDMuda, 3), (P.guruMadya, 1), (P.pengadministrasi, 1)])
    static let smp = StaffMix([(P.guruPertama, 6), (P.guruMuda, 3), (P.guruMadya, 1), (P.pengadministrasi, 1), (P.pustakawan, 1)])
    static let dinkesOffice = StaffMix([(P.administratorKesehatan, 2), (P.epidemiolog, 2), (P.penyuluhKesehatan, 2), (P.nutrisionis, 1),
                                        (P.penataLayanan, 2), (P.pengadministrasi, 1)])
    static let puskesmas = StaffMix([(P.perawatTerampil, 5), (P.perawatPertama, 3), (P.perawatPenyelia, 1), (P.bidanTerampil, 4),
                                     (P.bidanPertama, 2), (P.dokterPertama, 2), (P.dokterMuda, 1), (P.dokterGigi, 1), (P.apoteker, 1),
                                     (P.asistenApoteker, 1), (P.sanitarian, 1), (P.nutrisionis, 1), (P.pranataLab, 1), (P.pengadministrasi, 1)])
    static let dpmptsp = StaffMix([(P.verifikatorPerizinan, 3), (P.penataPerizinan, 2), (P.operatorLayanan, 2), (P.analisInvestasi, 1),
                                   (P.pengadministrasi, 1), (P.pengolahData, 1)])
    static let wilayah = StaffMix([(P.pengelolaKemasyarakatan, 3), (P.penataLayanan, 2), (P.pengadministrasi, 2), (P.operatorLayanan, 1),
                                   (P.bendahara, 1)])
    /// The mix of the synthetic bulk-import employees.
    static let synthetic = StaffMix([(P.penataLayanan, 3), (P.pengadministrasi, 3), (P.operatorLayanan, 2), (P.analisKebijakanPertama, 2),
                                     (P.guruPertama, 3), (P.perawatTerampil, 2), (P.pranataKomputer, 1), (P.arsiparis, 1)])
}
