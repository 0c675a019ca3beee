import KinerjaEvaluation
import KinerjaProto
import Testing

/// Small builders shared by the evaluation domain tests.
enum Fixtures {
    static let atas = Common.Rating.diAtasEkspektasi
    static let sesuai = Common.Rating.sesuaiEkspektasi
    static let bawah = Common.Rating.diBawahEkspektasi

    static let seven: [Common.BerakhlakValue] = [
        .berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif,
    ]

    static func date(_ year: Int32, _ month: Int32, _ day: Int32) -> Common.Date {
        Common.Date(year: year, month: month, day: day)
    }

    static func rater(_ nip: String, _ name: String = "Penilai") -> Common.EmployeeRef {
        Common.EmployeeRef(nip: nip, displayName: name)
    }

    /// Predikat repeated: `spread([(.baik, 3), (.kurang, 1)])`.
    static func spread(_ counts: [(Common.Predikat, Int)]) -> [Common.Predikat] {
        counts.flatMap { Array(repeating: $0.0, count: $0.1) }
    }
}
