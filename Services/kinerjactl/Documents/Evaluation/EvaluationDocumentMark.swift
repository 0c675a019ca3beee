import Foundation

/// What an evaluation document says about itself in its PDF Keywords, so that
/// `eval verify-document` can read it back without reading the pages: which evaluation of which
/// period, which finalisation, and the snapshot's SHA-256 printed on its stamp.
///
/// `kinerja-eval-document/1; evaluation_id=01J…; period_id=01J…; finalisation=2; snapshot_sha256=9f2c…`
struct EvaluationDocumentMark: Equatable, Sendable {
    /// Marks the format and its version.
    static let format = "kinerja-eval-document/1"

    /// The evaluation id.
    var evaluationID: String
    /// The evaluation period id.
    var periodID: String
    /// The finalisation of the period the snapshot belongs to (0 when the period did not say).
    var finalisation: UInt32
    /// The snapshot's SHA-256, 64 lowercase hex digits.
    var snapshotSHA256: String

    /// The Keywords string.
    var keywords: String {
        "\(Self.format); evaluation_id=\(evaluationID); period_id=\(periodID); finalisation=\(finalisation); snapshot_sha256=\(snapshotSHA256)"
    }

    init(evaluationID: String, periodID: String, finalisation: UInt32, snapshotSHA256: String) {
        self.evaluationID = evaluationID
        self.periodID = periodID
        self.finalisation = finalisation
        self.snapshotSHA256 = snapshotSHA256
    }

    /// Reads a Keywords string; nil unless it is this format with plausible ids, a finalisation
    /// number and a 64-digit lowercase hex hash.
    init?(keywords: String) {
        let parts = keywords.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first == Self.format else { return nil }
        var fields: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            fields[String(part[..<equals])] = String(part[part.index(after: equals)...])
        }
        guard let evaluation = fields["evaluation_id"], Self.isIdentifier(evaluation),
              let period = fields["period_id"], Self.isIdentifier(period),
              let numberText = fields["finalisation"], let number = UInt32(numberText),
              let hash = fields["snapshot_sha256"], SkpPrintMark.isSHA256Hex(hash)
        else { return nil }
        evaluationID = evaluation
        periodID = period
        finalisation = number
        snapshotSHA256 = hash
    }

    /// 1–64 ASCII letters and digits (a ULID in practice).
    static func isIdentifier(_ text: String) -> Bool {
        (1...64).contains(text.count)
            && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
    }
}
