import ArgumentParser
import KinerjaProto

/// Checks shared by the RHK commands.
enum RhkChecks {
    static let maximumTextLength = 1000
    static let maximumPenugasanLength = 500
    static let maximumPeranLength = 200

    /// Cascade type and peran of a new RHK: only with a parent; the type defaults to non-direct there.
    static func link(parent: String?, cascade: Planning.CascadeType?, peran: String?) throws
        -> (cascadeType: Planning.CascadeType, peran: String) {
        let peran = try SkpValues.optionalText(peran, option: "--peran", limit: maximumPeranLength)
        guard parent != nil else {
            if cascade != nil || !peran.isEmpty { throw CLIError.invalidArguments("--cascade and --peran describe the link: give --parent") }
            return (.unspecified, "")
        }
        return (cascade ?? .nonDirect, peran)
    }
}

/// `; 2 dependent RHKs flagged for review` (empty for none).
func flagged(_ count: UInt32) -> String {
    count == 0 ? "" : "; \(count) dependent RHK\(count == 1 ? "" : "s") flagged for review"
}
