import KinerjaDocuments
import KinerjaProto

/// One colour per predikat in every chart, from the Okabe–Ito palette (distinguishable in print
/// and for the common colour blindnesses): green for Sangat Baik through vermilion for Sangat Kurang.
enum PredikatColors {
    static func color(_ predikat: Common.Predikat) -> Color {
        switch predikat {
        case .sangatBaik: Color(hex: 0x009E73)
        case .baik: Color(hex: 0x56B4E9)
        case .butuhPerbaikan: Color(hex: 0xF0E442)
        case .kurang: Color(hex: 0xE69F00)
        case .sangatKurang: Color(hex: 0xD55E00)
        default: Color(hex: 0xBDBDBD)
        }
    }
}
