import Foundation
import KinerjaProto
import KinerjaService

/// The handlers' one door to the planning rules (``Domain/``). Rule errors are
/// ``SkpRuleError``s, which carry their status (`DomainRuleError`).
enum PlanningRules {
    /// Most RHKs of one SKP.
    static let maximumRhks = RhkRules.maximumRhks
    /// Most IKIs of one RHK.
    static let maximumIkisPerRhk = IkiRules.maximumIkis
    /// Most per-RHK comments on a return.
    static let maximumReturnComments = SkpLifecycle.maximumReturnComments
    /// Longest per-RHK comment on a return.
    static let maximumCommentLength = SkpLifecycle.maximumCommentLength

    /// The state's name as the regulation says it.
    static func name(_ state: Planning.SkpState) -> String {
        switch state {
        case .draft: return "DRAFT"
        case .diajukan: return "DIAJUKAN"
        case .disetujui: return "DISETUJUI"
        case .dikembalikan: return "DIKEMBALIKAN"
        case .diganti: return "DIGANTI"
        default: return "UNSPECIFIED"
        }
    }

    /// Only a DRAFT is edited in place.
    static func requireEditable(_ skp: Planning.Skp) throws {
        try SkpLifecycle.checkEditable(skp.state)
    }

    /// An RHK's own fields (the parent link is checked against the store by the handler).
    static func rhkViolations(_ rhk: Planning.Rhk, skp: Planning.Skp, hasAtasan: Bool, isJPT: Bool) -> [Common.FieldViolation] {
        RhkRules.violations(rhk, jenisJabatan: skp.jenisJabatan, fieldPrefix: "rhk.")
    }

    /// An IKI's fields and periodic targets.
    static func ikiViolations(_ iki: Planning.Iki, skp: Planning.Skp, field: String) -> [Common.FieldViolation] {
        IkiRules.violations(iki, approach: skp.approach, skp: SkpPeriod(skp), fieldPrefix: field + ".")
    }

    /// The atasan's ekspektasi khusus.
    static func expectationViolations(_ expectations: [Planning.BehaviourExpectation], skp: Planning.Skp) -> [Common.FieldViolation] {
        BehaviourExpectationRules.violations(expectations, rhkIDs: Set(skp.rhks.map(\.rhkID)))
    }

    /// Why a DRAFT cannot be submitted yet; empty when it can. Unit heads at the top of the
    /// cascade (JPT: their results come from the organisation's plan) need no parent link.
    ///
    /// The cascade links to the owner's atasan langsung as identity records it (`linkAtasanNIP`;
    /// while a head position is vacant, the head above); the SKP goes to the pejabat penilai of
    /// the day (`penilai`), who may be a Plt/Plh or the Kepala Daerah.
    static func submissionProblems(_ skp: Planning.Skp, linkAtasanNIP: String, penilai: Identity.PejabatPenilai, flaggedRhks: Int) -> [String] {
        let link = linkAtasanNIP.isEmpty ? penilai.penilai?.nip ?? "" : linkAtasanNIP
        var problems = SubmissionRules.violations(skp, atasanNIP: link.isEmpty ? nil : link, ownerIsUnitHead: skp.jenisJabatan == .jpt)
            .map { "\($0.field.isEmpty ? "" : $0.field + ": ")\($0.description)" }
        if flaggedRhks > 0 { problems.append("\(flaggedRhks) RHK(s) are flagged for review after their parent changed: review them first") }
        if penilai.kind == .none && !link.isEmpty {
            problems.append("nobody may rate you now (\(penilai.reason)); pengelola kinerja must arrange a Plt/Plh or a new atasan")
        }
        return problems
    }

    /// The target of `iki` for `period`; derived (pro rata or the annual level) when no periodic target was set.
    static func periodTarget(_ iki: Planning.Iki, period: Common.Period, skp: Planning.Skp) -> (Planning.Target, Bool) {
        do {
            let target = try TargetDerivation.target(for: period, iki: iki, approach: skp.approach, skp: SkpPeriod(skp))
            return (target.target, target.derived)
        } catch {
            // A period the SKP does not cover has no target of its own: the annual one stands, marked derived.
            return (iki.annualTarget ?? Planning.Target(), true)
        }
    }

    /// The unit's cascade and role matrix from its members (identity) and their SKPs (latest or approved).
    static func cascade(unitID: String, year: Int32, members: [Identity.Employee], skps: [String: [Planning.Skp]],
                        flagged: Set<String>, approvedOnly: Bool) -> Planning.GetCascadeResponse {
        let leader = members.first { $0.unitID == unitID && $0.unitHead }
        let builder = CascadeBuilder(members: members.map { CascadeBuilder.Member(ref: $0.reference, atasanNIP: $0.atasanNIP.isEmpty ? nil : $0.atasanNIP) },
                                     leaderNIP: leader?.nip)
        var rows: [CascadeBuilder.Row] = []
        var owners = Set<String>()
        for (nip, versions) in skps {
            // Several SKPs in the year (a transfer): the last in period order, the current position's.
            let bySkp = Dictionary(grouping: versions, by: \.skpID)
            let ordered = SkpCoverage.inPeriodOrder(bySkp.values.compactMap { $0.max { $0.version < $1.version } })
            let chosen = ordered.reversed().lazy.compactMap { last -> Planning.Skp? in
                let all = bySkp[last.skpID] ?? []
                return approvedOnly ? SkpVersioning.versionInForce(all) : last
            }.first
            guard let skp = chosen else { continue }
            owners.insert(nip)
            for rhk in skp.rhks {
                rows.append(CascadeBuilder.Row(rhkID: rhk.rhkID, skpID: skp.skpID, ownerNIP: nip, parentRhkID: rhk.parentRhkID, text: rhk.text,
                                               kind: rhk.kind, indicators: rhk.ikis.map(\.indicator), flagged: flagged.contains(rhk.rhkID),
                                               skpState: skp.state, position: rhk.position, cascadeType: rhk.cascadeType, peran: rhk.peran))
            }
        }
        let cascade = builder.build(rows: rows, skpOwners: owners)
        return Planning.GetCascadeResponse(unitID: unitID, year: year, leader: cascade.leader, roots: cascade.roots, matrix: cascade.matrix,
                                           withoutSkp: cascade.withoutSkp, unlinked: cascade.unlinked, peran: cascade.peran)
    }
}
