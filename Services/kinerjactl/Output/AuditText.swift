import KinerjaProto

/// How a chain verification reads.
enum AuditText {
    /// `intact: 1 042 events checked (sequence 1–1 042), head 3f…` or the break.
    static func verification(_ result: Common.AuditChainVerification) -> String {
        let range = "sequence \(result.firstSequence)–\(result.lastSequence)"
        let head = result.headHash.isEmpty ? "—" : Display.hex(result.headHash)
        if result.intact {
            return "intact: \(Display.grouped(Int(clamping: result.checkedCount))) events checked (\(range)), head \(head)"
        }
        return "BROKEN at sequence \(result.firstBrokenSequence): \(TerminalText.sanitized(result.failure)); "
            + "\(Display.grouped(Int(clamping: result.checkedCount))) events checked (\(range)), head \(head)"
    }
}
