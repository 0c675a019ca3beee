import KinerjaProto

/// Decides whether a printed SKP matches the version stored in planning: the hash on its stamp
/// must equal the SHA-256 recomputed from the stored body by the canonical rule
/// (``SkpBodyDigest``) and the hash planning recorded when it approved that version.
enum SkpPrintVerification {
    /// The outcome.
    enum Verdict: Equatable, Sendable {
        /// The printout matches: its hash is the stored body's and the stored stamp's.
        case matches(bodySHA256: String)
        /// It does not, and why.
        case mismatch(String)
        /// The printout carries no approval stamp (belum disetujui): nothing to verify.
        case noStamp
    }

    /// The verdict for a printout marked `mark`, against `stored`, the version it names.
    static func verdict(mark: SkpPrintMark, stored: Planning.Skp) throws -> Verdict {
        guard let printed = mark.bodySHA256 else { return .noStamp }
        guard stored.skpID == mark.skpID, stored.version == mark.version else {
            return .mismatch("the service answered SKP \(stored.skpID) version \(stored.version) for \(mark.skpID) version \(mark.version)")
        }
        let recomputed = try SkpBodyDigest.sha256Hex(stored)
        guard let approval = stored.approval else {
            return .mismatch("the stored version \(stored.version) carries no approval stamp, but the printout shows one")
        }
        guard recomputed == printed else {
            return .mismatch("the printed hash \(printed) is not the SHA-256 of the stored body (\(recomputed)): the printout or the store was changed")
        }
        guard approval.bodySha256 == printed else {
            return .mismatch("the stored approval records \(approval.bodySha256.isEmpty ? "no hash" : approval.bodySha256), not the printed \(printed)")
        }
        guard approval.version == stored.version else {
            return .mismatch("the stored approval is for version \(approval.version), not \(stored.version)")
        }
        return .matches(bodySHA256: printed)
    }

    /// True when the page text (as `pdftotext` extracts it) shows `hash`, ignoring the white
    /// space and line breaks a narrow column puts into it.
    static func printedTextShows(_ hash: String, in text: String) -> Bool {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }).contains(hash)
    }
}
