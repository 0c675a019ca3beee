public import KinerjaProto

/// The rules of the evidence links on a report (`reporting.proto` DailyReportDraft.evidence,
/// `common.proto` EvidenceLink).
///
/// - at most 10 links, no SHA-256 twice;
/// - `sha256` exactly 32 bytes;
/// - `uri` 1–2048 characters, either `https://` with a host (no user name or password in it,
///   no white space or control characters — our inference: credentials in a stored link leak,
///   and plain `http:` content can be swapped in transit), or
///   `urn:kinerja:evidence:sha256:<64 lowercase hex>` naming an uploaded file whose hash is the
///   link's `sha256`. Other `urn:` forms are refused (nothing here can resolve them);
/// - `title` at most 200 characters, `media_type` at most 100.
public enum EvidenceLinkRules {
    /// Every violation by `links`; empty when valid.
    public static func violations(_ links: [Common.EvidenceLink], fieldPrefix: String = "report.evidence") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ code: ReportingError.Code, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: code.reason))
        }
        if links.count > ReportingLimits.evidencePerReport {
            add("", .evidenceTooMany, "a report has at most \(ReportingLimits.evidencePerReport) evidence links, got \(links.count)")
        }
        var seen = Set<[UInt8]>()
        for (index, link) in links.enumerated() {
            let at = "[\(index)]"
            let hash = EvidenceHash(bytes: link.sha256)
            if hash == nil {
                add(at + ".sha256", .evidenceHashInvalid, "sha256 must be exactly 32 bytes, got \(link.sha256.count)")
            } else if !seen.insert(link.sha256).inserted {
                add(at + ".sha256", .evidenceDuplicate, "the same evidence (SHA-256) is linked twice")
            }
            if let problem = uriProblem(link.uri, hash: hash) { add(at + ".uri", problem.code, problem.description) }
            if link.title.unicodeScalars.count > ReportingLimits.evidenceTitleLength {
                add(at + ".title", .textTooLong, "title must be at most \(ReportingLimits.evidenceTitleLength) characters, got \(link.title.unicodeScalars.count)")
            }
            if link.mediaType.unicodeScalars.count > ReportingLimits.evidenceMediaTypeLength {
                add(at + ".media_type", .textTooLong,
                    "media_type must be at most \(ReportingLimits.evidenceMediaTypeLength) characters, got \(link.mediaType.unicodeScalars.count)")
            }
        }
        return out
    }

    /// The hashes of the uploaded files `links` refer to (their URNs), for the store's
    /// reference set and the orphan collection.
    public static func storedFiles(_ links: [Common.EvidenceLink]) -> [EvidenceHash] {
        links.compactMap { EvidenceHash(urn: $0.uri) }
    }

    /// What is wrong with `uri` for a link whose hash is `hash`; nil when acceptable.
    static func uriProblem(_ uri: String, hash: EvidenceHash?) -> (code: ReportingError.Code, description: String)? {
        let length = uri.unicodeScalars.count
        if length == 0 { return (.evidenceURIInvalid, "uri is required") }
        if length > ReportingLimits.evidenceURILength {
            return (.evidenceURIInvalid, "uri must be at most \(ReportingLimits.evidenceURILength) characters, got \(length)")
        }
        if uri.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control }) {
            return (.evidenceURIInvalid, "uri must not contain white space or control characters")
        }
        let lower = uri.lowercased()
        if lower.hasPrefix("urn:") {
            guard let named = EvidenceHash(urn: uri) else {
                return (.evidenceURIInvalid, "a urn: link must be \(EvidenceHash.urnPrefix)<64 lowercase hex digits> naming an uploaded file")
            }
            if let hash, hash != named {
                return (.evidenceURNMismatch, "the URN names file \(named.hex) but sha256 is \(hash.hex); they must be the same")
            }
            return nil
        }
        guard lower.hasPrefix("https://") else {
            return (.evidenceURINotHTTPS, "uri must be an https:// link (or the URN of an uploaded file)")
        }
        let rest = uri.dropFirst("https://".count)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") { return (.evidenceURIInvalid, "uri must not carry a user name or password") }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if host.isEmpty { return (.evidenceURIInvalid, "an https:// link needs a host") }
        return nil
    }
}
