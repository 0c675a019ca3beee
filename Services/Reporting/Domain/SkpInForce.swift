public import KinerjaASN
public import KinerjaProto

/// The SKP version in force on a WITA day, as the report rules need it.
///
/// `reporting.proto`: a report's IKI must belong to the SKP version in force on the report date
/// — the approved (DISETUJUI) version, or the latest version when none is approved yet, in which
/// case the report is *provisional*. Planning answers which version that is
/// (`GetCurrentSkp` with `on_date`); this value only reads it. A newer version that is not yet in
/// force (a revision awaiting approval) may be given too, so that an IKI only added there is
/// refused with a clear FAILED_PRECONDITION instead of NOT_FOUND.
public struct SkpInForce: Sendable, Hashable {
    /// The SKP and the pending IKIs, shared by every copy: a bulk call passes one author's SKP to
    /// the rules of each of their rows, and copying the message itself retains each of its fields.
    private final class Storage: Sendable {
        let skp: Planning.Skp
        let pendingIkis: [String: UInt32]

        init(skp: Planning.Skp, pendingIkis: [String: UInt32]) {
            self.skp = skp
            self.pendingIkis = pendingIkis
        }
    }

    private let storage: Storage
    /// The version in force.
    public var skp: Planning.Skp { storage.skp }
    /// The days it covers.
    public let coveredDays: WitaDayRange
    /// True when no approved version was in force (the report counts as provisional).
    public let provisional: Bool
    /// IKI ids of the newer version not yet in force, with its version number.
    private var pendingIkis: [String: UInt32] { storage.pendingIkis }

    public static func == (lhs: SkpInForce, rhs: SkpInForce) -> Bool {
        lhs.coveredDays == rhs.coveredDays && lhs.provisional == rhs.provisional
            && (lhs.storage === rhs.storage || (lhs.storage.skp == rhs.storage.skp && lhs.storage.pendingIkis == rhs.storage.pendingIkis))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.skp)
        hasher.combine(storage.pendingIkis)
        hasher.combine(coveredDays)
        hasher.combine(provisional)
    }

    /// The SKP in force `skp` (its covered days default to its year); `pending`, a newer version
    /// awaiting approval, if any. Nil when the covered days are invalid.
    public init?(_ skp: Planning.Skp, pending: Planning.Skp? = nil) {
        let start = skp.periodStart ?? Common.Date(year: skp.year, month: 1, day: 1)
        let end = skp.periodEnd ?? Common.Date(year: skp.year, month: 12, day: 31)
        guard let covered = WitaDayRange(start, end) else { return nil }
        self.coveredDays = covered
        self.provisional = skp.state != .disetujui
        var pendingIkis: [String: UInt32] = [:]
        if let pending, pending.version > skp.version {
            for rhk in pending.rhks { for iki in rhk.ikis { pendingIkis[iki.ikiID] = pending.version } }
        }
        self.storage = Storage(skp: skp, pendingIkis: pendingIkis)
    }

    /// True for a Kualitatif SKP: its IKIs' realisation is a rated description per period.
    public var isKualitatif: Bool { storage.skp.approach == .kualitatif }

    /// The RHK and IKI a report names.
    ///
    /// - Throws: ``ReportingError`` `REPORT_IKI_NOT_YET_IN_FORCE` (FAILED_PRECONDITION) when the IKI
    ///   is only in a newer version awaiting approval; `REPORT_RHK_NOT_FOUND` or
    ///   `REPORT_IKI_NOT_FOUND` (NOT_FOUND) when the version in force has no such RHK, or no such
    ///   IKI under that RHK.
    public func indicator(rhkID: String, ikiID: String, fieldPrefix: String = "report.") throws(ReportingError) -> (rhk: Planning.Rhk, iki: Planning.Iki) {
        let rhk = storage.skp.rhks.first { $0.rhkID == rhkID }
        if let rhk, let iki = rhk.ikis.first(where: { $0.ikiID == ikiID }) { return (rhk, iki) }
        if let version = storage.pendingIkis[ikiID] {
            throw ReportingError(.ikiNotYetInForce,
                                 "IKI \(ikiID) is only in SKP version \(version), which is not yet approved; report against version \(skp.version) in force, or wait for the approval",
                                 field: fieldPrefix + "iki_id")
        }
        guard let rhk else {
            throw ReportingError(.rhkNotFound, "RHK \(rhkID) is not in the SKP in force (version \(skp.version))", field: fieldPrefix + "rhk_id")
        }
        throw ReportingError(.ikiNotFound, "IKI \(ikiID) is not an IKI of RHK \(rhk.rhkID) in the SKP in force (version \(skp.version))",
                             field: fieldPrefix + "iki_id")
    }

    /// The IKI `ikiID` anywhere in the version in force; nil when absent.
    public func iki(_ ikiID: String) -> (rhk: Planning.Rhk, iki: Planning.Iki)? {
        for rhk in storage.skp.rhks { if let iki = rhk.ikis.first(where: { $0.ikiID == ikiID }) { return (rhk, iki) } }
        return nil
    }
}
