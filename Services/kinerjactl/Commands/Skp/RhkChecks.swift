import ArgumentParser
import KinerjaProto

/// Checks shared by the RHK commands.
enum RhkChecks {
    static let maximumTextLength = 1000
    static let maximumPenugasanLength = 500
}

/// `; 2 dependent RHKs flagged for review` (empty for none).
func flagged(_ count: UInt32) -> String {
    count == 0 ? "" : "; \(count) dependent RHK\(count == 1 ? "" : "s") flagged for review"
}
