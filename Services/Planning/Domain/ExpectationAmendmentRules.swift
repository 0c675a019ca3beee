public import KinerjaProto

/// Amendments of the ekspektasi khusus after approval (`planning.proto` ExpectationAmendment,
/// AmendBehaviourExpectations; PermenPANRB 6/2022: the atasan clarifies expectations through
/// the year).
///
/// The rules:
/// - only an SKP with an approved version in force (DISETUJUI) is amended; before approval the
///   penilai sets the expectations on the draft or submitted version (SetBehaviourExpectations);
/// - by the owner's pejabat penilai **today** (``PenilaiToday``): the atasan langsung, a Plt or
///   Plh in their range, or the non-ASN Kepala Daerah;
/// - an amendment carries the complete set from then on, under the same rules as
///   SetBehaviourExpectations (``BehaviourExpectationRules``, against the RHKs of the approved
///   version), and a reason of 1–1000 characters;
/// - the approved version is never edited: each amendment is a record of its own, kept in order
///   (the history), attached to reads of the version it amends; the set in force is the latest
///   amendment's, else the version's own;
/// - the owner is notified at their next read: the amendments they had not read come back once
///   in `GetSkpResponse.new_amendments` and are marked read then (`seen_by_owner`);
/// - ours: at most ``maximumAmendmentsPerVersion`` per approved version (a revision starts again
///   from the set in force), so that a version's reads stay small.
public enum ExpectationAmendmentRules {
    /// Longest reason (`planning.proto`).
    public static let maximumReasonLength = 1000
    /// Most amendments of one approved version (ours).
    public static let maximumAmendmentsPerVersion = 50

    /// Every violation by an amendment of a version whose RHKs have `rhkIDs`; empty when valid.
    public static func violations(_ expectations: [Planning.BehaviourExpectation], reason: String,
                                  rhkIDs: Set<String>) -> [Common.FieldViolation] {
        var out = ViolationList(prefix: "")
        out.append(contentsOf: BehaviourExpectationRules.violations(expectations, rhkIDs: rhkIDs, fieldPrefix: "expectations"))
        if reason.isBlank {
            out.add("reason", "AMENDMENT_REASON_REQUIRED", "say why the expectations change (1-\(maximumReasonLength) characters)")
        } else if reason.scalarCount > maximumReasonLength {
            out.add("reason", "AMENDMENT_REASON_TOO_LONG", "the reason must be at most \(maximumReasonLength) characters, got \(reason.scalarCount)")
        }
        return out.items
    }

    /// Refuses an amendment unless an approved version is in force and has room for one more.
    ///
    /// - Parameters:
    ///   - inForce: the approved version in force (nil when none).
    ///   - latestState: the state of the latest version (for the message).
    ///   - existing: how many amendments the version in force has.
    public static func checkAmendable(inForce: Planning.Skp?, latestState: Planning.SkpState, existing: Int) throws(SkpRuleError) {
        guard let inForce else { throw .notApproved(state: latestState) }
        guard existing < maximumAmendmentsPerVersion else {
            throw .amendmentLimitReached(version: inForce.version, limit: maximumAmendmentsPerVersion)
        }
    }

    /// The ekspektasi khusus in force for `version`: its latest amendment's, else its own.
    public static func inForce(_ version: Planning.Skp, amendments: [Planning.ExpectationAmendment]) -> [Planning.BehaviourExpectation] {
        amendments.last { $0.version == version.version }?.expectations ?? version.behaviourExpectations
    }

    /// The amendments the owner has not read, oldest first.
    public static func unread(_ amendments: [Planning.ExpectationAmendment]) -> [Planning.ExpectationAmendment] {
        amendments.filter { $0.seenByOwner == nil }
    }
}
