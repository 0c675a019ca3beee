import Foundation

/// What a printed SKP says about itself in its PDF Keywords, so that `skp verify-print` can
/// read it back without reading the pages: which SKP and version it is, and the SHA-256 of the
/// signed body printed on its approval stamp (none when it has no stamp).
///
/// `kinerja-skp-print/1; skp_id=01J…; version=3; body_sha256=9f2c…` (or `body_sha256=none`).
struct SkpPrintMark: Equatable, Sendable {
    /// Marks the format and its version.
    static let format = "kinerja-skp-print/1"

    /// The SKP id.
    var skpID: String
    /// The version printed.
    var version: UInt32
    /// The hash on the stamp; nil when the printout carries no approval stamp.
    var bodySHA256: String?

    /// The Keywords string.
    var keywords: String {
        "\(Self.format); skp_id=\(skpID); version=\(version); body_sha256=\(bodySHA256 ?? "none")"
    }

    init(skpID: String, version: UInt32, bodySHA256: String?) {
        self.skpID = skpID
        self.version = version
        self.bodySHA256 = bodySHA256
    }

    /// Reads a Keywords string; nil unless it is this format with a plausible id, a version and
    /// a 64-digit lowercase hex hash or `none`.
    init?(keywords: String) {
        let parts = keywords.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.first == Self.format else { return nil }
        var fields: [String: String] = [:]
        for part in parts.dropFirst() {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            fields[String(part[..<equals])] = String(part[part.index(after: equals)...])
        }
        guard let id = fields["skp_id"], (1...64).contains(id.count),
              id.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || ("A"..."Z").contains($0) || ("a"..."z").contains($0) }),
              let versionText = fields["version"], let version = UInt32(versionText), version > 0,
              let hash = fields["body_sha256"]
        else { return nil }
        if hash == "none" {
            bodySHA256 = nil
        } else {
            guard Self.isSHA256Hex(hash) else { return nil }
            bodySHA256 = hash
        }
        skpID = id
        self.version = version
    }

    /// True for 64 lowercase hexadecimal digits.
    static func isSHA256Hex(_ text: String) -> Bool {
        text.utf8.count == 64 && text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}
