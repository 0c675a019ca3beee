import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Angka kredit: the jenjang of a jabatan, overlapping spans, BKN's accumulation")
struct AngkaKreditSelectionTests {
    @Test("a jabatan fungsional's name ends with its jenjang (PermenPANRB 1/2023 nomenclature)", arguments: [
        ("Pranata Komputer Ahli Pertama", Evaluation.JenjangFungsional.ahliPertama), ("Analis Kebijakan Ahli Muda", .ahliMuda),
        ("Perancang Peraturan Perundang-undangan Ahli Madya", .ahliMadya), ("Widyaiswara  ahli utama", .ahliUtama),
        ("Arsiparis Terampil", .terampil), ("Pranata Komputer Mahir", .mahir), ("Perawat Penyelia", .penyelia), ("Arsiparis Pemula", .pemula),
    ])
    func jenjangFromName(name: String, jenjang: Evaluation.JenjangFungsional) {
        #expect(Evaluation.JenjangFungsional(jabatanName: name) == jenjang)
    }

    @Test("a name without a jenjang names none", arguments: ["Kepala Bidang Pendaftaran Penduduk", "Pengadministrasi Umum", "Ahli", "Guru", ""])
    func noJenjang(name: String) {
        #expect(Evaluation.JenjangFungsional(jabatanName: name) == nil)
    }

    @Test("BKN's accumulation table: Ahli Pertama, 2023 Sangat Baik for the year (18.75) and January–February 2024 Baik (2.08) make 20.83")
    func bknAccumulation() throws {
        let year2023 = try AngkaKredit.convert(predikat: .sangatBaik, jenjang: .ahliPertama, span: .annual(2023))
        let january = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliPertama, span: .month(1, of: 2024))
        let february = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliPertama, span: .month(2, of: 2024))
        let total = try AngkaKredit.accumulate([year2023, january, february])
        #expect(year2023.angkaKredit == 18.75)
        #expect(((january.angkaKredit + february.angkaKredit) * 100).rounded() / 100 == 2.08)
        #expect((total.total * 100).rounded() / 100 == 20.83)
    }

    @Test("the longest finalised span counts: triwulan I replaces March, the year replaces everything; months no span covers still count")
    func selection() throws {
        let q1 = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .triwulan(1, of: 2026), evaluationID: "q1")
        let march = try AngkaKredit.convert(predikat: .sangatBaik, jenjang: .ahliMuda, span: .month(3, of: 2026), evaluationID: "m3")
        let april = try AngkaKredit.convert(predikat: .kurang, jenjang: .ahliMuda, span: .month(4, of: 2026), evaluationID: "m4")
        let periodic = AngkaKredit.select([march, april, q1])
        #expect(periodic.counted.map(\.evaluationID) == ["q1", "m4"])
        #expect(periodic.replaced.map(\.evaluationID) == ["m3"])
        #expect(AngkaKredit.rounded(try AngkaKredit.accumulate(periodic.counted).total) == 7.292, "6.25 + 1/12 × 50% × 25")

        let year = try AngkaKredit.convert(predikat: .baik, jenjang: .ahliMuda, span: .annual(2026), evaluationID: "y")
        let annual = AngkaKredit.select([march, q1, year, april])
        #expect(annual.counted.map(\.evaluationID) == ["y"])
        #expect(Set(annual.replaced.map(\.evaluationID)) == ["q1", "m3", "m4"])
    }
}
