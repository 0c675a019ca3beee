import KinerjaCrypto
import KinerjaProto

/// The SHA-256 of an SKP version's signed body, by the canonical rule of the contract
/// (`SkpApproval.body_sha256` in planning.proto): the `Skp` message serialized with `state`,
/// `decision_note`, `decided`, `revision`, `approval` and `amendments` cleared and every
/// `rhks[].review_flag` cleared; SHA-256 of those bytes, lowercase hex.
///
/// Those fields change after approval (the state becomes DIGANTI, flags come and go,
/// amendments are records of their own) or hold the stamp itself; everything else is what the
/// pegawai and the penilai agreed. Planning computes the same value when it approves; this copy
/// lets `kinerjactl skp verify-print` recompute it from the stored version.
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
}
