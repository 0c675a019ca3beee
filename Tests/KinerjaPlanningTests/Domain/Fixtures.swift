import KinerjaPlanning
import KinerjaProto

/// Small valid SKPs to change one field at a time.
enum Fixtures {
    static let year: Int32 = 2026
    static let ownerNIP = "199003152015031002"
    static let atasanNIP = "198201012008011003"
    static let fullYear = SkpPeriod(year: year)

    static func quarters(_ values: [Double], cumulative: Bool = false, year: Int32 = year) -> [Planning.PeriodicTarget] {
        values.enumerated().map { index, value in
            Planning.PeriodicTarget(period: .triwulan(Int32(index + 1), of: year), value: value, cumulative: cumulative)
        }
    }

    static func months(_ values: [Double], first: Int32 = 1, cumulative: Bool = false) -> [Planning.PeriodicTarget] {
        values.enumerated().map { index, value in
            Planning.PeriodicTarget(period: .month(first + Int32(index), of: year), value: value, cumulative: cumulative)
        }
    }

    /// "Jumlah KTP-el diterbitkan", 1 200 dokumen, with quarterly targets summing to it.
    static func countIki(id: String = "IKI-1", periodic: [Planning.PeriodicTarget]? = nil) -> Planning.Iki {
        Planning.Iki(ikiID: id, rhkID: "RHK-1", aspek: .kuantitas, indicator: "Jumlah KTP-el diterbitkan",
                     annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
                     periodicTargets: periodic ?? quarters([250, 300, 300, 350]), position: 1, aggregation: .sum)
    }

    /// "Persentase dokumen terbit ≤ 3 hari", 95 persen, a level.
    static func percentIki(id: String = "IKI-2", periodic: [Planning.PeriodicTarget] = []) -> Planning.Iki {
        Planning.Iki(ikiID: id, rhkID: "RHK-1", aspek: .kualitas, indicator: "Persentase dokumen kependudukan terbit ≤ 3 hari",
                     annualTarget: Planning.Target(value: 95, unit: "persen", direction: .higherIsBetter),
                     periodicTargets: periodic, position: 2, aggregation: .average)
    }

    static func rhk(id: String = "RHK-1", kind: Common.RhkKind = .utama, parent: String = "PARENT-1",
                    ikis: [Planning.Iki]? = nil) -> Planning.Rhk {
        Planning.Rhk(rhkID: id, skpID: "SKP-1", kind: kind, text: "Terlaksananya perekaman biometrik KTP-el pemohon",
                     parentRhkID: parent, parentOwnerNIP: parent.isEmpty ? "" : atasanNIP,
                     parentRhkText: parent.isEmpty ? "" : "Terlaksananya perekaman dan pencetakan KTP-el",
                     ikis: ikis ?? [countIki(), percentIki()], position: 1, cascadeType: parent.isEmpty ? .unspecified : .nonDirect)
    }

    /// A DRAFT that passes every submission rule.
    static func skp(rhks: [Planning.Rhk]? = nil, jenis: Common.JenisJabatan = .pelaksana,
                    approach: Planning.SkpApproach = .kuantitatif) -> Planning.Skp {
        Planning.Skp(skpID: "SKP-1", version: 1, nip: ownerNIP, year: year,
                     periodStart: Common.Date(year: year, month: 1, day: 1), periodEnd: Common.Date(year: year, month: 12, day: 31),
                     approach: approach, jenisJabatan: jenis, rhks: rhks ?? [rhk()], state: .draft, revision: 3)
    }
}
