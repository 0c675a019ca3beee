public import KinerjaProto

/// What the proposal knows about one IKI for the period: its target and verified realisation
/// (Kuantitatif), or the atasan's rating of its descriptive target (Kualitatif).
public struct IkiEvidence: Sendable, Hashable {
    /// How the IKI is measured.
    public enum Measure: Sendable, Hashable {
        /// A numeric target and the verified realisation (nil when nothing was verified in the period).
        case capaian(target: CapaianTarget?, realisation: Double?)
        /// A descriptive (Kualitatif) target and the atasan's rating of what was delivered
        /// (RATING_UNSPECIFIED while not rated).
        case descriptive(text: String, rating: Common.Rating)
    }

    /// SKP the IKI belongs to.
    public var skpID: String
    /// RHK id.
    public var rhkID: String
    /// Utama or Tambahan (UNSPECIFIED counts as Utama: it weighs fully).
    public var rhkKind: Common.RhkKind
    /// IKI id.
    public var ikiID: String
    /// Indicator text.
    public var indicator: String
    /// The measure.
    public var measure: Measure
    /// True when at least one verified report with evidence backs the realisation.
    public var evidencePresent: Bool
    /// Share of the period's covered days that the IKI's SKP covers (1 with one SKP; see ``SkpCoverage``).
    public var coverage: Double
    /// With several SKPs in the period: the days the IKI's SKP covers in it and the days all the
    /// employee's SKPs cover (the reason shows them); nil with one SKP.
    public var coveredDays: CoveredDays?

    /// An SKP's days in the period beside its employee's SKPs' days together (``SkpCoverage``).
    public struct CoveredDays: Sendable, Hashable {
        /// Days the IKI's SKP covers in the period.
        public var skp: Int
        /// Days all the employee's SKPs cover in the period.
        public var total: Int

        /// Covered days.
        public init(skp: Int, total: Int) {
            self.skp = skp
            self.total = total
        }
    }

    /// An IKI's evidence.
    public init(skpID: String = "", rhkID: String, rhkKind: Common.RhkKind, ikiID: String, indicator: String = "",
                measure: Measure, evidencePresent: Bool = true, coverage: Double = 1) {
        self.skpID = skpID
        self.rhkID = rhkID
        self.rhkKind = rhkKind
        self.ikiID = ikiID
        self.indicator = indicator
        self.measure = measure
        self.evidencePresent = evidencePresent
        self.coverage = coverage
    }

    /// The evidence reporting's progress gives for a Kuantitatif IKI: the period target and the
    /// verified realisation (none when no report was verified).
    ///
    /// - Parameter evidencePresent: whether a verified report carries evidence; by default, whether
    ///   any report was verified.
    public init(progress: Reporting.IkiProgress, skpID: String, evidencePresent: Bool? = nil) {
        self.init(skpID: skpID, rhkID: progress.rhkID, rhkKind: progress.rhkKind, ikiID: progress.ikiID,
                  indicator: progress.indicator,
                  measure: .capaian(target: progress.target.map(CapaianTarget.init),
                                    realisation: progress.verifiedCount > 0 ? progress.realisationVerified : nil),
                  evidencePresent: evidencePresent ?? (progress.verifiedCount > 0))
    }

    /// True for a Tambahan IKI.
    public var isTambahan: Bool { rhkKind == .tambahan }
}
