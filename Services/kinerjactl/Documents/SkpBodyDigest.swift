import KinerjaASN
import KinerjaCrypto
import KinerjaProto

/// The SHA-256 of an SKP version's signed body, by the canonical rule of the contract
/// (`SkpApproval.body_sha256` in planning.proto): the `Skp` message serialized with `state`,
/// `decision_note`, `decided`, `revision`, `approval` and `amendments` cleared and every
/// `rhks[].review_flag` cleared; SHA-256 of those bytes, lowercase hex.
///
/// Those fields change after approval (the state becomes DIGANTI, flags come and go,
/// amendments are records of their own) or hold the stamp itself; everything else is what the
/// pegawai and the penilai agreed. Planning computes the same value when it approves
/// (`SkpDocumentHash` in the planning domain: keep the two byte for byte the same); this copy
/// lets `kinerjactl skp verify-print` recompute it from the stored version without linking
/// the service.
enum SkpBodyDigest {
    /// The body that is hashed: `skp` with the fields above cleared.
    static func canonicalBody(_ skp: Planning.Skp) -> Planning.Skp {
        var body = skp
        body.state = .unspecified
        body.decisionNote = ""
        body.decided = nil
        body.revision = 0
        body.approval = nil
        body.amendments = []
        for index in body.rhks.indices {
            body.rhks[index].reviewFlag = nil
        }
        return body
    }

    /// SHA-256 of the canonical body, lowercase hex.
    static func sha256Hex(_ skp: Planning.Skp) throws -> String {
        Display.hex(SHA256.hash(try canonicalBody(skp).serializedBytes()))
    }

    /// The `period_end` with which `skp` hashes to `hash`, tried from the day after its own to
    /// 31 December; nil when none does.
    ///
    /// A transfer closes an approved SKP by moving its `period_end` earlier without a new
    /// version; the stamp keeps the hash of the body as approved. A match here means the body is
    /// the approved one, closed early — planning's `SkpDocumentHash.verify` follows the same
    /// rule (at most 365 hashes of a few kilobytes).
    static func approvedPeriodEnd(of skp: Planning.Skp, matching hash: String) -> Common.Date? {
        guard let end = skp.periodEnd, var day = end.daysSinceEpoch,
              let yearEnd = Common.Date(year: skp.year, month: 12, day: 31).daysSinceEpoch else { return nil }
        var candidate = skp
        while day < yearEnd {
            day += 1
            guard let date = Common.Date(daysSinceEpoch: day) else { return nil }
            candidate.periodEnd = date
            if (try? sha256Hex(candidate)) == hash { return date }
        }
        return nil
    }
}
