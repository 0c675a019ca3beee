public import KinerjaProto
import KinerjaASN

/// The SHA-256 of an SKP version's signed body: what the approval stamp (`SkpApproval.body_sha256`)
/// carries, so that a printout can be checked against the stored SKP (`planning.proto`
/// SkpApproval; docs/PLANNING.md, "The SKP document").
///
/// The rule, as the contract states it: SHA-256, lowercase hex, of the `Skp` message serialized
/// with `state`, `decision_note`, `decided`, `revision`, `approval` and `amendments` cleared and
/// every `rhks[].review_flag` cleared. Everything else — owner, year, covered days, approach,
/// RHKs with their IKIs, targets, links, cascade type and peran, the ekspektasi khusus, the
/// Lampiran, the pejabat penilai recorded at submission, the creation and submission stamps — is
/// covered. The cleared fields are the ones that change after the penilai has read the body (the
/// decision itself, the revision counter, flags kept outside the version, later amendments).
///
/// Serialization is protobuf-c's (`protobuf_c_message_pack`): fields in field-number order,
/// repeated fields in their order, proto3 defaults left out, so the same message always gives
/// the same bytes. The planning service computes the hash at approval; `kinerjactl skp print`
/// and anyone holding the message compute it again with ``sha256(of:)`` or ``verify(_:)``.
public enum SkpDocumentHash {
    /// The body the stamp covers: `skp` with the fields above cleared.
    public static func signedBody(_ skp: Planning.Skp) -> Planning.Skp {
        var body = skp
        body.state = .unspecified
        body.decisionNote = ""
        body.decided = nil
        body.revision = 0
        body.approval = nil
        body.amendments = []
        for index in body.rhks.indices { body.rhks[index].reviewFlag = nil }
        return body
    }

    /// SHA-256, lowercase hex (64 characters), of `skp`'s signed body.
    ///
    /// - Throws: `ProtoError` only for a string holding U+0000, which no stored SKP has (the
    ///   wire format could not have carried it in).
    public static func sha256(of skp: Planning.Skp) throws(ProtoError) -> String {
        hex(SHA256.hash(try signedBody(skp).serializedBytes()))
    }

    /// What checking a version against its stamp found.
    public enum Verification: Sendable, Hashable {
        /// The version carries no approval stamp.
        case notApproved
        /// The stamp names another version than the one given.
        case otherVersion(stamped: UInt32)
        /// The body is exactly the one approved.
        case verified
        /// The body is the one approved except that a transfer closed the SKP earlier: the
        /// approved body ended on `approvedPeriodEnd`; nothing else changed (docs/PLANNING.md,
        /// "Periods and transfers").
        case verifiedBeforeClosure(approvedPeriodEnd: Common.Date)
        /// The body differs from the one approved.
        case mismatch
    }

    /// Checks `skp` (a version as GetSkp returns it) against its own approval stamp.
    ///
    /// A transfer closes an SKP by moving its `period_end` earlier without a new version, so when
    /// the hash does not match as it is, the later days of the year are tried as the approved
    /// `period_end` (at most 365 more hashes of a few kilobytes): a match means the body is the
    /// approved one, closed early.
    public static func verify(_ skp: Planning.Skp) -> Verification {
        guard let approval = skp.approval, !approval.bodySha256.isEmpty else { return .notApproved }
        guard approval.version == skp.version else { return .otherVersion(stamped: approval.version) }
        guard let actual = try? sha256(of: skp) else { return .mismatch }
        if actual == approval.bodySha256 { return .verified }
        if let end = approvedPeriodEnd(of: skp, matching: approval.bodySha256) { return .verifiedBeforeClosure(approvedPeriodEnd: end) }
        return .mismatch
    }

    /// The `period_end` with which `skp` hashes to `hash`, tried from the day after its own to
    /// 31 December; nil when none does (at most 365 hashes of a few kilobytes). A transfer closes
    /// an approved SKP by moving its `period_end` earlier without a new version, and the stamp
    /// keeps the hash of the body as approved: a match means the body is the approved one, closed
    /// early.
    public static func approvedPeriodEnd(of skp: Planning.Skp, matching hash: String) -> Common.Date? {
        guard let end = skp.periodEnd, end.isValid, var day = end.daysSinceEpoch,
              let yearEnd = Common.Date(year: skp.year, month: 12, day: 31).daysSinceEpoch else { return nil }
        var candidate = skp
        while day < yearEnd {
            day += 1
            guard let date = Common.Date(daysSinceEpoch: day) else { return nil }
            candidate.periodEnd = date
            if (try? sha256(of: candidate)) == hash { return date }
        }
        return nil
    }

    /// The approval stamp of `skp` (the version being approved, in its final state) by `penilai` at `at`.
    public static func approval(of skp: Planning.Skp, penilai: Common.PenilaiRef, at: Common.Timestamp) throws(ProtoError)
        -> Planning.SkpApproval {
        Planning.SkpApproval(penilai: penilai, at: at, version: skp.version, bodySha256: try sha256(of: skp))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
