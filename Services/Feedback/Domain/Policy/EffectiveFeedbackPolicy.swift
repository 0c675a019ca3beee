public import KinerjaProto

/// The agency's feedback policy with every default resolved: what the rules read.
///
/// From `feedback.proto` FeedbackPolicy. A field whose range excludes 0 reads 0 as "not set" and
/// takes the default, so a policy stored before a field existed keeps working; a value outside its
/// range (which ``violations(_:fieldPrefix:)`` refuses on write) is clamped. The defaults:
///
/// | field | range | default | source |
/// |---|---|---|---|
/// | anonymity_threshold | 3–20, **never below 3** | 3 | DOMAIN.md (threshold 3), contract |
/// | citizen_minimum_sample | 5–200 | 10 | contract |
/// | outlier_method | DISABLED, TRIMMED, IQR | TRIMMED | contract |
/// | trim_percent | 0–25 | 5 | contract |
/// | min_seconds_after_issue | 0–3600 (0 = off) | 60 | contract |
/// | burst_limit | 0–100 (0 = off) | 5 in 10 minutes | contract (range: inference) |
/// | ticket_validity_days | fixed | 7 | DOMAIN.md |
/// | peer_feedback_unit_ids | ≤ 500 units | none: the atasan chain only | inference |
/// | dialog_minimum_per_triwulan | 1–6 (0 = default) | 1 | inference |
public struct EffectiveFeedbackPolicy: Sendable, Hashable {
    /// Range of anonymity_threshold.
    public static let anonymityThresholdRange: ClosedRange<UInt32> = FeedbackLimits.anonymityFloor...20
    /// Range of citizen_minimum_sample.
    public static let citizenMinimumSampleRange: ClosedRange<UInt32> = 5...200
    /// Range of trim_percent.
    public static let trimPercentRange: ClosedRange<Double> = 0...25
    /// Range of min_seconds_after_issue.
    public static let minSecondsAfterIssueRange: ClosedRange<UInt32> = 0...3600
    /// Range of burst_limit.
    public static let burstLimitRange: ClosedRange<UInt32> = 0...100
    /// Range of dialog_minimum_per_triwulan (0 reads as the default).
    public static let dialogMinimumRange: ClosedRange<UInt32> = 1...6
    /// The window a burst is counted in: 10 minutes (the contract's burst_limit).
    public static let burstWindowSeconds: Int64 = 600

    /// The agency-wide default policy, as GetFeedbackPolicy answers when none is set.
    public static let defaultPolicy = Feedback.FeedbackPolicy(
        anonymityThreshold: 3, citizenMinimumSample: 10, outlierMethod: .trimmed, trimPercent: 5,
        minSecondsAfterIssue: 60, burstLimit: 5, ticketValidityDays: UInt32(FeedbackLimits.ticketValidityDays),
        peerFeedbackUnitIDs: [], dialogMinimumPerTriwulan: 1)

    /// Least number of answers before a rekan kerja or bawahan group is shown; at least 3 whatever the policy says.
    public var anonymityThreshold: Int
    /// Least number of usable citizen ratings (or SKM respondents) before a figure is shown.
    public var citizenMinimumSample: Int
    /// The statistical filter of citizen summaries.
    public var outlierMethod: Feedback.OutlierMethod
    /// Share trimmed from each tail with TRIMMED, percent.
    public var trimPercent: Double
    /// Ratings sooner than this after issue are set aside; 0 = off.
    public var minSecondsAfterIssue: Int64
    /// More than this many ratings of one employee through one client within ``burstWindowSeconds`` are a burst; 0 = off.
    public var burstLimit: Int
    /// Days a ticket may be rated.
    public var ticketValidityDays: Int
    /// Units (with their sub-units) where a rekan kerja may give feedback.
    public var peerFeedbackUnitIDs: Set<String>
    /// Least number of dialogs per atasan–bawahan pair per triwulan.
    public var dialogMinimumPerTriwulan: Int

    /// The values of `policy`, with defaults for fields that are 0 where 0 is not allowed.
    public init(_ policy: Feedback.FeedbackPolicy = EffectiveFeedbackPolicy.defaultPolicy) {
        let defaults = Self.defaultPolicy
        anonymityThreshold = Int((policy.anonymityThreshold == 0 ? defaults.anonymityThreshold : policy.anonymityThreshold)
            .clamped(to: Self.anonymityThresholdRange))
        citizenMinimumSample = Int((policy.citizenMinimumSample == 0 ? defaults.citizenMinimumSample : policy.citizenMinimumSample)
            .clamped(to: Self.citizenMinimumSampleRange))
        outlierMethod = switch policy.outlierMethod {
        case .disabled, .trimmed, .iqr: policy.outlierMethod
        case .unspecified, .unrecognized: .trimmed
        }
        trimPercent = policy.trimPercent.isFinite ? policy.trimPercent.clamped(to: Self.trimPercentRange) : defaults.trimPercent
        minSecondsAfterIssue = Int64(policy.minSecondsAfterIssue.clamped(to: Self.minSecondsAfterIssueRange))
        burstLimit = Int(policy.burstLimit.clamped(to: Self.burstLimitRange))
        ticketValidityDays = FeedbackLimits.ticketValidityDays
        peerFeedbackUnitIDs = Set(policy.peerFeedbackUnitIDs.prefix(FeedbackLimits.peerFeedbackUnitsMaximum))
        dialogMinimumPerTriwulan = Int((policy.dialogMinimumPerTriwulan == 0 ? defaults.dialogMinimumPerTriwulan : policy.dialogMinimumPerTriwulan)
            .clamped(to: Self.dialogMinimumRange))
    }

    /// True when a rekan kerja may give feedback to an employee of the unit whose path (own id
    /// first, then its ancestors') is `unitPath`.
    public func allowsPeerFeedback(unitPath: [String]) -> Bool {
        unitPath.contains { peerFeedbackUnitIDs.contains($0) }
    }

    /// The policy as GetFeedbackPolicy shows it: every default written out (output-only fields are the caller's).
    public var proto: Feedback.FeedbackPolicy {
        Feedback.FeedbackPolicy(
            anonymityThreshold: UInt32(anonymityThreshold), citizenMinimumSample: UInt32(citizenMinimumSample),
            outlierMethod: outlierMethod, trimPercent: trimPercent, minSecondsAfterIssue: UInt32(minSecondsAfterIssue),
            burstLimit: UInt32(burstLimit), ticketValidityDays: UInt32(ticketValidityDays),
            peerFeedbackUnitIDs: peerFeedbackUnitIDs.sorted(), dialogMinimumPerTriwulan: UInt32(dialogMinimumPerTriwulan))
    }

    /// Every violation of the policy's ranges (SetFeedbackPolicy); empty when valid.
    public static func violations(_ policy: Feedback.FeedbackPolicy, fieldPrefix: String = "policy.") -> [Common.FieldViolation] {
        var out = ViolationCollector()
        func add(_ field: String, _ description: String) {
            out.add(.policyOutOfRange, description, field: fieldPrefix + field)
        }
        if !anonymityThresholdRange.contains(policy.anonymityThreshold) {
            add("anonymity_threshold", "must be 3-20 (never below 3: peer and bawahan answers stay anonymous), got \(policy.anonymityThreshold)")
        }
        if !citizenMinimumSampleRange.contains(policy.citizenMinimumSample) {
            add("citizen_minimum_sample", "must be 5-200 ratings, got \(policy.citizenMinimumSample)")
        }
        switch policy.outlierMethod {
        case .unspecified, .disabled, .trimmed, .iqr: break
        case .unrecognized(let raw): add("outlier_method", "must be DISABLED, TRIMMED or IQR, got \(raw)")
        }
        if !policy.trimPercent.isFinite || !trimPercentRange.contains(policy.trimPercent) {
            add("trim_percent", "must be 0-25 percent, got \(policy.trimPercent)")
        }
        if !minSecondsAfterIssueRange.contains(policy.minSecondsAfterIssue) {
            add("min_seconds_after_issue", "must be 0-3600 seconds, got \(policy.minSecondsAfterIssue)")
        }
        if !burstLimitRange.contains(policy.burstLimit) {
            add("burst_limit", "must be 0-100 ratings (0 = off), got \(policy.burstLimit)")
        }
        if policy.dialogMinimumPerTriwulan != 0, !dialogMinimumRange.contains(policy.dialogMinimumPerTriwulan) {
            add("dialog_minimum_per_triwulan", "must be 1-6 dialogs per triwulan (or 0 for the default 1), got \(policy.dialogMinimumPerTriwulan)")
        }
        if policy.peerFeedbackUnitIDs.count > FeedbackLimits.peerFeedbackUnitsMaximum {
            add("peer_feedback_unit_ids", "must list at most \(FeedbackLimits.peerFeedbackUnitsMaximum) units, got \(policy.peerFeedbackUnitIDs.count)")
        }
        for (index, unit) in policy.peerFeedbackUnitIDs.enumerated() {
            out.check { () throws(FeedbackError) in
                _ = try FeedbackInput.id(unit, field: fieldPrefix + "peer_feedback_unit_ids[\(index)]")
            }
        }
        if Set(policy.peerFeedbackUnitIDs).count != policy.peerFeedbackUnitIDs.count {
            add("peer_feedback_unit_ids", "must not list a unit twice")
        }
        return out.items
    }

    /// A SetFeedbackPolicy request checked whole: the policy's ranges and the reason; returns the
    /// policy to store (output-only fields cleared, ticket validity fixed at 7, unit ids sorted).
    ///
    /// - Throws: ``FeedbackError`` INVALID_ARGUMENT listing every violation.
    public static func validatedChange(_ request: Feedback.SetFeedbackPolicyRequest) throws(FeedbackError) -> Feedback.FeedbackPolicy {
        var out = ViolationCollector()
        let policy = request.policy ?? Feedback.FeedbackPolicy()
        if request.policy == nil {
            out.add(.fieldRequired, "the policy is required", field: "policy")
        } else {
            out.add(contentsOf: violations(policy))
        }
        out.check { () throws(FeedbackError) in
            _ = try FeedbackText.validated(request.reason, field: "reason", range: FeedbackLimits.policyReason)
        }
        try out.throwIfAny()
        return EffectiveFeedbackPolicy(policy).proto
    }
}

extension Comparable {
    /// The value moved into `range`.
    func clamped(to range: ClosedRange<Self>) -> Self {
        min(max(self, range.lowerBound), range.upperBound)
    }
}
