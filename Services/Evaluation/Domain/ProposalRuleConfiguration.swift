public import KinerjaProto

/// The agency-configurable rule that proposes Hasil Kerja and Perilaku Kerja ratings.
///
/// **An inference throughout**: PermenPANRB 6/2022 describes the ratings in words and leaves the
/// decision to the atasan; it has no formula. The defaults put DOMAIN.md's words into numbers:
///
/// - an IKI is **Di Atas** at capaian ≥ 110%, **Sesuai** at ≥ 90%, otherwise **Di Bawah**;
/// - Hasil Kerja **Di Bawah** when more than 50% (weighted) of all IKIs, or of the Utama IKIs,
///   are Di Bawah ("most or all results below");
/// - otherwise **Di Atas** when more than 50% are Di Atas and no Utama IKI is Di Bawah ("most or
///   all results above and no main result below");
/// - otherwise **Sesuai** ("most or all meet; only a small part of Utama falls short");
/// - Utama weighs 1, Tambahan 0.5 ("Utama weighs more than Tambahan");
/// - a BerAKHLAK value is Di Atas at a 360° mean ≥ 4.5, Sesuai at ≥ 3.0 (3 = "cukup" on the 1–5
///   scale), else Di Bawah; the atasan's judgement of the value's ekspektasi khusus, when given,
///   decides the value instead;
/// - Perilaku **Di Bawah** when at least 4 of the 7 values are Di Bawah; **Di Atas** when at least
///   4 are Di Atas and none is Di Bawah; otherwise **Sesuai**.
///
/// Ranges are checked by ``violations()``; `evaluation.proto` ProposalRule states the same.
public struct ProposalRuleConfiguration: Sendable, Hashable {
    /// Rule id (from the service's store); empty for the built-in default.
    public var ruleID: String = ""
    /// Rule version; 0 for the built-in default.
    public var version: UInt32 = 0
    /// Capaian at or above which an IKI is Di Atas, percent 100–200. Default 110.
    public var ikiAbovePercent: Double = 110
    /// Capaian at or above which an IKI is Sesuai, percent 50–`ikiAbovePercent`. Default 90.
    public var ikiMeetsPercent: Double = 90
    /// Hasil Kerja Di Atas needs more than this weighted share of IKIs Di Atas, percent 50–99. Default 50.
    public var aboveSharePercent: Double = 50
    /// Hasil Kerja is Di Bawah when more than this weighted share (all, or Utama) is Di Bawah, percent 0–99. Default 50.
    public var belowSharePercent: Double = 50
    /// One Utama IKI Di Bawah prevents a Di Atas proposal. Default true.
    public var utamaBelowBlocksAbove: Bool = true
    /// Tambahan IKIs count in the shares (with ``tambahanWeight``). Default true.
    public var includeTambahan: Bool = true
    /// Weight of a Tambahan IKI against an Utama IKI's 1, 0.05–1. Default 0.5.
    public var tambahanWeight: Double = 0.5
    /// IKIs without verified evidence are Di Bawah whatever their capaian. Default false.
    public var requireEvidence: Bool = false
    /// 360° mean at or above which a BerAKHLAK value is Di Atas, 1–5. Default 4.5.
    public var perilakuAboveMean: Double = 4.5
    /// 360° mean at or above which a BerAKHLAK value is Sesuai, 1–`perilakuAboveMean`. Default 3.0.
    public var perilakuMeetsMean: Double = 3.0
    /// Values Di Atas (of 7) needed for Perilaku Di Atas, 1–7. Default 4.
    public var perilakuAboveValues: Int = 4
    /// Values Di Bawah (of 7) that make Perilaku Di Bawah, 1–7. Default 4.
    public var perilakuBelowValues: Int = 4

    /// The built-in default rule.
    public static let `default` = ProposalRuleConfiguration()

    /// The default rule.
    public init() {}

    /// The rule a stored `ProposalRule` describes; the fields added later (tambahan weight and the
    /// Perilaku thresholds) read 0 as their default.
    public init(_ rule: Evaluation.ProposalRule) {
        ruleID = rule.ruleID
        version = rule.version
        ikiAbovePercent = rule.ikiAbovePercent
        ikiMeetsPercent = rule.ikiMeetsPercent
        aboveSharePercent = rule.aboveSharePercent
        belowSharePercent = rule.belowSharePercent
        utamaBelowBlocksAbove = rule.utamaBelowBlocksAbove
        includeTambahan = rule.includeTambahan
        requireEvidence = rule.requireEvidence
        let defaults = Self.default
        tambahanWeight = rule.tambahanWeight == 0 ? defaults.tambahanWeight : rule.tambahanWeight
        perilakuAboveMean = rule.perilakuAboveMean == 0 ? defaults.perilakuAboveMean : rule.perilakuAboveMean
        perilakuMeetsMean = rule.perilakuMeetsMean == 0 ? defaults.perilakuMeetsMean : rule.perilakuMeetsMean
        perilakuAboveValues = rule.perilakuAboveValues == 0 ? defaults.perilakuAboveValues : Int(rule.perilakuAboveValues)
        perilakuBelowValues = rule.perilakuBelowValues == 0 ? defaults.perilakuBelowValues : Int(rule.perilakuBelowValues)
    }

    /// The rule as the contract carries it (description, unit and stamps are the caller's).
    public var proto: Evaluation.ProposalRule {
        var rule = Evaluation.ProposalRule()
        rule.ruleID = ruleID
        rule.version = version
        rule.ikiAbovePercent = ikiAbovePercent
        rule.ikiMeetsPercent = ikiMeetsPercent
        rule.aboveSharePercent = aboveSharePercent
        rule.belowSharePercent = belowSharePercent
        rule.utamaBelowBlocksAbove = utamaBelowBlocksAbove
        rule.includeTambahan = includeTambahan
        rule.requireEvidence = requireEvidence
        rule.tambahanWeight = tambahanWeight
        rule.perilakuAboveMean = perilakuAboveMean
        rule.perilakuMeetsMean = perilakuMeetsMean
        rule.perilakuAboveValues = UInt32(clamping: perilakuAboveValues)
        rule.perilakuBelowValues = UInt32(clamping: perilakuBelowValues)
        return rule
    }

    /// Every threshold out of range or inconsistent; empty when the rule is valid.
    public func violations() -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func check(_ field: String, _ value: Double, _ range: ClosedRange<Double>, _ text: String) {
            guard !(value.isFinite && range.contains(value)) else { return }
            out.append(Common.FieldViolation(
                field: field, description: "\(field) must be \(text), got \(value)", reason: "PROPOSAL_RULE_OUT_OF_RANGE"))
        }
        check("iki_above_percent", ikiAbovePercent, 100...200, "100-200")
        check("iki_meets_percent", ikiMeetsPercent, 50...max(50, ikiAbovePercent), "50-iki_above_percent (\(Figures.number(ikiAbovePercent)))")
        check("above_share_percent", aboveSharePercent, 50...99, "50-99")
        check("below_share_percent", belowSharePercent, 0...99, "0-99")
        check("tambahan_weight", tambahanWeight, 0.05...1, "0.05-1")
        check("perilaku_above_mean", perilakuAboveMean, 1...5, "1-5")
        check("perilaku_meets_mean", perilakuMeetsMean, 1...max(1, perilakuAboveMean), "1-perilaku_above_mean (\(Figures.number(perilakuAboveMean)))")
        check("perilaku_above_values", Double(perilakuAboveValues), 1...7, "1-7")
        check("perilaku_below_values", Double(perilakuBelowValues), 1...7, "1-7")
        return out
    }

    /// The rule, or why it is invalid.
    ///
    /// - Throws: ``EvaluationRuleError/proposalRuleInvalid(_:)`` with every violation.
    public func validated() throws(EvaluationRuleError) -> ProposalRuleConfiguration {
        let violations = violations()
        guard violations.isEmpty else { throw .proposalRuleInvalid(violations) }
        return self
    }

    /// The IKI classification of `capaian` percent (a threshold is reached within a relative 1e-9,
    /// so binary rounding never moves an IKI that is exactly on it).
    public func classify(capaian: Double) -> Common.Rating {
        Self.reaches(capaian, ikiAbovePercent) ? .diAtasEkspektasi
            : Self.reaches(capaian, ikiMeetsPercent) ? .sesuaiEkspektasi : .diBawahEkspektasi
    }

    /// The BerAKHLAK value classification of a 360° `mean` (thresholds as for capaian).
    public func classify(behaviourMean mean: Double) -> Common.Rating {
        Self.reaches(mean, perilakuAboveMean) ? .diAtasEkspektasi
            : Self.reaches(mean, perilakuMeetsMean) ? .sesuaiEkspektasi : .diBawahEkspektasi
    }

    /// `value ≥ threshold` within a relative tolerance of 1e-9.
    static func reaches(_ value: Double, _ threshold: Double) -> Bool {
        value >= threshold || abs(value - threshold) <= 1e-9 * max(abs(value), abs(threshold))
    }
}
