import Foundation
import KinerjaProto

/// The title of a unit's head position as Pemerintah Kota Kupang writes it — what a Plt or Plh
/// acts as ("Plt. Kepala Bidang Pelayanan dan Sumber Daya Kesehatan"). Identity records no
/// title for a position, only for the people in it, so a vacant position's title is read from
/// the unit (Permendagri 90/2019 naming; inference, written down in docs/PLANNING.md).
enum UnitHeadTitle {
    /// `Camat Alak` for Kecamatan Alak, `Lurah Oebobo` for Kelurahan Oebobo, `Inspektur` for the
    /// Inspektorat, `Sekretaris Daerah` for the Sekretariat Daerah, `Kepala …` for anything else
    /// (a unit named after its head, such as "Inspektur Pembantu Wilayah I", keeps its name).
    static func title(unitName: String, kind: Identity.UnitKind) -> String {
        let name = unitName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return "" }
        switch kind {
        case .kecamatan: return "Camat " + dropping("Kecamatan ", from: name)
        case .kelurahan: return "Lurah " + dropping("Kelurahan ", from: name)
        case .inspektorat: return "Inspektur"
        case .sekretariat where name.hasPrefix("Sekretariat Daerah"): return "Sekretaris Daerah"
        case .sekretariat where name.hasPrefix("Sekretariat DPRD"): return "Sekretaris DPRD"
        default:
            if name.hasPrefix("Inspektur") || name.hasPrefix("Kepala ") { return name }
            return "Kepala " + name
        }
    }

    private static func dropping(_ prefix: String, from name: String) -> String {
        name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : name
    }
}
