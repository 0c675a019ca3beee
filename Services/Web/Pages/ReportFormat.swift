import KinerjaProto

/// How pages print the services' values, in Indonesian.
enum ReportFormat {
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value).replacingOccurrences(of: ".", with: ",")
    }

    static func state(_ state: Reporting.ReportState) -> String {
        switch state {
        case .diajukan: "Diajukan"
        case .diverifikasi: "Diverifikasi"
        case .ditolak: "Ditolak"
        case .ditarik: "Ditarik"
        case .dicabut: "Dicabut"
        default: "—"
        }
    }

    static func predikat(_ predikat: Common.Predikat) -> String {
        switch predikat {
        case .sangatBaik: "Sangat Baik"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang"
        case .sangatKurang: "Sangat Kurang"
        default: "—"
        }
    }

    static func percent(_ value: Double) -> String { String(format: "%.0f%%", value) }
}

import Foundation
