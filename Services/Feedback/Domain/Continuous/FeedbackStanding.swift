public import KinerjaProto

/// How one employee stands to another on a day, as identity answers it: the facts the "who may"
/// rules of feedback, solicitations, dialogs and coaching read.
///
/// Built by the handler from identity's `CheckSupervision` (levels above, acting) and the two
/// employees' units and atasan. "Above" includes an acting atasan (Plt./Plh.) appointed for the day.
public struct FeedbackStanding: Sendable, Hashable {
    /// Levels the first employee is above the second in the atasan chain: 1 = atasan langsung
    /// (definitive or acting), 2 = the atasan's atasan, …; 0 = not above.
    public var levelsAbove: Int
    /// True when the direct relation (level 1) is an acting appointment (Plt./Plh.).
    public var acting: Bool
    /// True when both have the same atasan langsung on the day.
    public var sameAtasan: Bool
    /// True when both belong to the same unit.
    public var sameUnit: Bool
    /// The second employee's unit path: own unit id first, then its ancestors' ids.
    public var unitPath: [String]

    /// A standing from its facts.
    public init(levelsAbove: Int = 0, acting: Bool = false, sameAtasan: Bool = false, sameUnit: Bool = false, unitPath: [String] = []) {
        self.levelsAbove = max(0, levelsAbove)
        self.acting = acting
        self.sameAtasan = sameAtasan
        self.sameUnit = sameUnit
        self.unitPath = unitPath
    }

    /// A standing from identity's supervision relation (its `level`; `acting` from the atasan's
    /// current SupervisorAssignment) and the two employees' unit and atasan facts.
    public init(relation: Identity.SupervisionRelation, acting: Bool = false, sameAtasan: Bool = false, sameUnit: Bool = false,
                unitPath: [String] = []) {
        self.init(levelsAbove: Int(relation.level), acting: relation.direct && acting, sameAtasan: sameAtasan, sameUnit: sameUnit,
                  unitPath: unitPath)
    }

    /// True when the first employee is the second's atasan langsung (definitive or acting).
    public var isAtasanLangsung: Bool { levelsAbove == 1 }

    /// True when the two are rekan kerja: same atasan or same unit, neither above the other.
    public var isRekanKerja: Bool { levelsAbove == 0 && (sameAtasan || sameUnit) }
}

/// Who gives a piece of feedback, as the rules accept it.
public enum FeedbackGiver: Sendable, Hashable {
    /// The recipient's atasan langsung; `acting` for a Plt./Plh.
    case atasanLangsung(acting: Bool)
    /// An atasan higher up the recipient's chain (`levels` ≥ 2).
    case atasanChain(levels: Int)
    /// A rekan kerja, where the policy allows peer feedback in the recipient's unit.
    case rekanKerja

    /// True for feedback from the atasan chain (what `BehaviourSummary.feedback_count` counts).
    public var isAtasanChain: Bool { self != .rekanKerja }

    /// Who `giverNIP` is to `recipientNIP`, or why they may not give feedback.
    ///
    /// The atasan langsung (including an acting Plt./Plh.) and anyone higher in the chain may;
    /// a rekan kerja (same atasan or same unit) only where `policy` lists the recipient's unit or
    /// an ancestor in `peer_feedback_unit_ids`; nobody gives feedback to themselves, and a
    /// bawahan's view of their atasan belongs in a 360° round, not here.
    ///
    /// - Parameter standing: how the giver stands to the recipient on the day.
    /// - Throws: ``FeedbackError`` `FEEDBACK_GIVER_NOT_ALLOWED` (PERMISSION_DENIED).
    public static func resolve(giverNIP: String, recipientNIP: String, standing: FeedbackStanding,
                               policy: EffectiveFeedbackPolicy) throws(FeedbackError) -> FeedbackGiver {
        guard giverNIP != recipientNIP else {
            throw FeedbackError(.giverNotAllowed, "feedback goes to someone else; to hear about your own work, ask your atasan (SolicitFeedback)",
                                field: "feedback.recipient_nip")
        }
        if standing.levelsAbove == 1 { return .atasanLangsung(acting: standing.acting) }
        if standing.levelsAbove > 1 { return .atasanChain(levels: standing.levelsAbove) }
        if standing.isRekanKerja {
            guard policy.allowsPeerFeedback(unitPath: standing.unitPath) else {
                throw FeedbackError(.giverNotAllowed,
                                    "feedback between rekan kerja is not enabled for the recipient's unit (\(standing.unitPath.first ?? "unknown")); only the atasan chain gives feedback there")
            }
            return .rekanKerja
        }
        throw FeedbackError(.giverNotAllowed, "only the recipient's atasan (langsung, acting Plt./Plh., or higher in the chain) gives feedback, or a rekan kerja where the policy allows it")
    }
}
