import KinerjaASN
import KinerjaCrypto
import Foundation
import KinerjaProto

/// Decides whether a printed SKP matches the version stored in planning: the hash on its stamp
/// must be the SHA-256 recomputed from the stored body by the canonical rule
/// (``SkpDocumentHash`` (KinerjaASN)) and the hash planning recorded when it approved that version.
enum SkpPrintVerification {
    /// The outcome; `kinerjactl skp verify-print` exits 0, 5 or 6 on it.
    enum Verdict: Equatable, Sendable {
        /// The printout is the approved body: its hash is the stored body's and the stored stamp's.
        case verified(bodySHA256: String)
        /// The same, except that a transfer has since closed the SKP: the approved body ended on
        /// `approvedPeriodEnd`, and nothing else changed.
        case verifiedBeforeClosure(bodySHA256: String, approvedPeriodEnd: Common.Date)
        /// It is not, and why.
        case mismatch(String)
        /// The printout carries no approval stamp (belum disetujui): there is nothing to verify.
        case notApproved
    }

    /// The verdict for a printout marked `mark`, against `stored`, the version it names.
    static func verdict(mark: SkpPrintMark, stored: Planning.Skp) throws -> Verdict {
        guard let printed = mark.bodySHA256 else { return .notApproved }
        guard stored.skpID == mark.skpID, stored.version == mark.version else {
            return .mismatch("the service answered SKP \(stored.skpID) version \(stored.version) for \(mark.skpID) version \(mark.version)")
        }
        guard let approval = stored.approval, !approval.bodySha256.isEmpty else {
            return .mismatch("the stored version \(stored.version) is not approved (\(SkpFormVocabulary.state(stored.state).lowercased())), but the printout shows an approval stamp")
        }
        guard approval.version == stored.version else {
            return .mismatch("the stored approval is for version \(approval.version), not \(stored.version)")
        }
        guard approval.bodySha256 == printed else {
            return .mismatch("the printed hash \(printed) is not the one planning recorded at approval (\(approval.bodySha256)): the printout was changed or is of another version")
        }
        let recomputed = try SkpDocumentHash.sha256(of: stored)
        if recomputed == printed { return .verified(bodySHA256: printed) }
        if let end = SkpDocumentHash.approvedPeriodEnd(of: stored, matching: printed) {
            return .verifiedBeforeClosure(bodySHA256: printed, approvedPeriodEnd: end)
        }
        return .mismatch("the stored body hashes to \(recomputed), not to the approved \(printed): the stored SKP was changed after approval")
    }

    /// Every SHA-256 (64 lowercase hexadecimal digits standing alone) the page text shows.
    static func printedHashes(in text: String) -> Set<String> {
        Set(text.split(whereSeparator: { $0.isWhitespace }).map { $0.trimmingCharacters(in: .punctuationCharacters) }
            .filter(SkpPrintMark.isSHA256Hex))
    }

    /// True when the page text shows `hash`, ignoring the white space and line breaks a narrow
    /// column puts into it.
    static func printedTextShows(_ hash: String, in text: String) -> Bool {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }).contains(hash)
    }
}
