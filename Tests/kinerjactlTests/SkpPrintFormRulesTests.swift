import KinerjaProto
import Testing
@testable import kinerjactl

/// The small rules of the printed form: numbers, the acting official's jabatan, a position's title.
@Suite("SKP printout form rules")
struct SkpPrintFormRulesTests {
    @Test("numbers read as Indonesian documents write them: a dot between thousands, a comma before the fraction",
          arguments: [(1200.0, "1.200"), (0, "0"), (82.5, "82,5"), (12_450_000_000, "12.450.000.000"), (98.125, "98,125"),
                      (1_234_567.75, "1.234.567,75"), (0.33333, "0,3333"), (-2.5, "-2,5"), (999, "999")])
    func indonesianNumbers(_ value: Double, _ expected: String) {
        #expect(IndonesianNumber.format(value) == expected)
    }

    @Test("a target on the form: Indonesian numerals, a range with an en dash, ≤ when lower is better")
    func targets() {
        let number = IndonesianNumber.format
        #expect(SkpText.target(Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter), approach: .kuantitatif, number: number) == "1.200 dokumen")
        #expect(SkpText.target(Planning.Target(value: 97.5, upperValue: Common.DoubleValue(value: 100), unit: "persen", direction: .withinRange),
                               approach: .kuantitatif, number: number) == "97,5–100 persen")
        #expect(SkpText.target(Planning.Target(value: 3, unit: "hari", direction: .lowerIsBetter), approach: .kuantitatif, number: number) == "≤ 3 hari")
    }

    @Test("a Plt or Plh signs as what they act for (Plt. Kepala Bidang …), with their definitive jabatan and the decree beside it")
    func actingJabatan() {
        let plt = PenilaiJabatan(kind: .plt, own: "Kepala Seksi Pelayanan Kesehatan", actingFor: "Kepala Bidang Pelayanan dan Sumber Daya Kesehatan",
                                 decree: "800.1.3/012/DINKES/2026")
        #expect(plt.title == "Plt. Kepala Bidang Pelayanan dan Sumber Daya Kesehatan")
        #expect(plt.note == "Jabatan definitif: Kepala Seksi Pelayanan Kesehatan\nDasar: 800.1.3/012/DINKES/2026")
        let plh = PenilaiJabatan(kind: .plh, own: "Sekretaris Dinas", actingFor: "Kepala Dinas Kesehatan", decree: "")
        #expect(plh.title == "Plh. Kepala Dinas Kesehatan")
        // Identity could not say which position: still say that the official acts.
        let unknown = PenilaiJabatan(kind: .plt, own: "Kepala Seksi Pelayanan Kesehatan", actingFor: "", decree: "SPT 1")
        #expect(unknown.title == "Kepala Seksi Pelayanan Kesehatan (Plt. pejabat penilai)")
        #expect(unknown.note == "Dasar: SPT 1")
        #expect(PenilaiJabatan(kind: .plt, own: "", actingFor: "Plt. Camat Alak", decree: "").title == "Plt. Camat Alak")
        let definitive = PenilaiJabatan(kind: .atasanLangsung, own: "Kepala Dinas Kesehatan", actingFor: "x", decree: "y")
        #expect(definitive == PenilaiJabatan(kind: .external, own: "Kepala Dinas Kesehatan", actingFor: "", decree: ""))
        #expect(definitive.title == "Kepala Dinas Kesehatan" && definitive.note.isEmpty)
    }

    @Test("a unit's head position is titled as Kupang names it: Camat, Lurah, Inspektur, Sekretaris Daerah, else Kepala …")
    func headTitles() {
        #expect(UnitHeadTitle.title(unitName: "Bidang Pelayanan dan Sumber Daya Kesehatan", kind: .bidang) == "Kepala Bidang Pelayanan dan Sumber Daya Kesehatan")
        #expect(UnitHeadTitle.title(unitName: "Dinas Kesehatan", kind: .dinas) == "Kepala Dinas Kesehatan")
        #expect(UnitHeadTitle.title(unitName: "UPTD Puskesmas Oebobo", kind: .upt) == "Kepala UPTD Puskesmas Oebobo")
        #expect(UnitHeadTitle.title(unitName: "Kecamatan Kelapa Lima", kind: .kecamatan) == "Camat Kelapa Lima")
        #expect(UnitHeadTitle.title(unitName: "Kelurahan Oebobo", kind: .kelurahan) == "Lurah Oebobo")
        #expect(UnitHeadTitle.title(unitName: "Inspektorat Daerah Kota Kupang", kind: .inspektorat) == "Inspektur")
        #expect(UnitHeadTitle.title(unitName: "Inspektur Pembantu Wilayah II", kind: .bidang) == "Inspektur Pembantu Wilayah II")
        #expect(UnitHeadTitle.title(unitName: "Sekretariat Daerah Kota Kupang", kind: .sekretariat) == "Sekretaris Daerah")
        #expect(UnitHeadTitle.title(unitName: "", kind: .dinas) == "")
    }
}
