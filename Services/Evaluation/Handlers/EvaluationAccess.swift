import Foundation
import GRDB
import KinerjaProto
import KinerjaService
import KinerjaStore

/// How handlers finish the authorisation the table starts: the named relations decided with
/// identity's pejabat penilai model (who rates whom on a day, Plt/Plh and the non-ASN Kepala Daerah
/// included) and the service's own data; every refusal is audited by ``Access``.
extension EvaluationHandlers {
    /// The signed-in caller's NIP (or non-ASN identifier); UNAUTHENTICATED without a user.
    func callerNIP() throws -> String {
        guard let user = try Access.required().caller.user else {
            throw RPCError(.unauthenticated, "sign in first: this call acts for a signed-in person", reason: "SIGN_IN_REQUIRED")
        }
        return user.nip
    }

    /// A period, or NOT_FOUND.
    func period(_ periodID: String) async throws -> Evaluation.EvaluationPeriod {
        try Invalid.requireID(periodID, "period_id")
        guard let period = try await store.read({ db in try PeriodRecords.fetch(periodID, in: db) }) else {
            throw RPCError(.notFound, "no evaluation period \(periodID)", reason: "PERIOD_NOT_FOUND")
        }
        return period
    }

    /// An evaluation, or NOT_FOUND.
    func evaluation(_ evaluationID: String) async throws -> Evaluation.EmployeeEvaluation {
        try Invalid.requireID(evaluationID, "evaluation_id")
        guard let evaluation = try await store.read({ db in try EvaluationRecords.fetch(evaluationID, in: db) }) else {
            throw RPCError(.notFound, "no evaluation \(evaluationID)", reason: "EVALUATION_NOT_FOUND")
        }
        return evaluation
    }

    /// The pimpinan above a unit today: the pejabat penilai of the unit's head (identity's model,
    /// so a Plt/Plh acting above and the non-ASN Kepala Daerah count), or, while the unit's head
    /// position is vacant, the head of the nearest unit above that has one. Nil when there is none
    /// (the root unit).
    ///
    /// Why the head's penilai: SE MenPANRB 3/2023 makes the organisation's rating its leader's
    /// Hasil Kerja, and the leader's Hasil Kerja is their pejabat penilai's decision; the same
    /// person decides both, and so also signs the unit's finalisation (docs/EVALUATION.md).
    func pimpinanAbove(_ unitID: String) async throws -> Common.EmployeeRef? {
        let tree = try await directory.unitTree()
        guard let unit = tree.unit(unitID) else { return nil }
        if !unit.headNIP.isEmpty {
            let penilai = try await directory.penilai(of: unit.headNIP, on: today)
            guard penilai.kind != .none, let ref = penilai.penilai, !ref.nip.isEmpty else { return nil }
            return ref
        }
        for ancestor in tree.ancestors(of: unitID) ?? [] {
            guard let head = tree.unit(ancestor)?.headNIP, !head.isEmpty else { continue }
            return try await directory.employee(head)?.reference ?? Common.EmployeeRef(nip: head)
        }
        return nil
    }

    /// Fails with PERMISSION_DENIED (audited) unless the caller is the pimpinan above the period's unit.
    func requirePimpinanAbove(_ period: Evaluation.EvaluationPeriod, doing what: String) async throws {
        try await requirePimpinanAbove(unitID: period.unit?.unitID ?? "", target: "period/\(period.periodID)", doing: what)
    }

    /// Fails with PERMISSION_DENIED (audited against `target`) unless the caller is the pimpinan
    /// above `unitID` (a sub-unit with its own curve: the pimpinan above that sub-unit).
    func requirePimpinanAbove(unitID: String, target: String, doing what: String) async throws {
        let caller = try callerNIP()
        try await Access.required().require(.pimpinanAbove, target: target,
                                            message: "only the pimpinan above unit \(unitID) \(what); pengelola kinerja may recommend") { [self] in
            try await pimpinanAbove(unitID)?.nip == caller
        }
    }

    /// The caller's standing as `nip`'s pejabat penilai of the day; PERMISSION_DENIED (audited)
    /// when identity names someone else (or nobody).
    @discardableResult
    func requirePenilai(of nip: String, doing what: String) async throws -> Common.EmployeeRef {
        let caller = try callerNIP()
        let penilai = try await directory.penilai(of: nip, on: today)
        try await Access.required().require(.penilai, target: nip,
                                            message: "only \(nip)'s pejabat penilai of the day (per identity) \(what)") {
            penilai.kind != .none && penilai.penilai?.nip == caller
        }
        return penilai.penilai ?? Common.EmployeeRef(nip: caller)
    }

    /// Reading a period or its curve: overseers in scope (and the HR portal, by the table), the
    /// pimpinan above the unit, or a pejabat penilai of someone in it. Otherwise PERMISSION_DENIED.
    func requirePeriodReader(_ period: Evaluation.EvaluationPeriod) async throws {
        let access = try Access.required()
        let unitID = period.unit?.unitID ?? ""
        if try await access.allows(.unit(id: unitID)) { return }
        if try await access.holds(.pimpinanAbove, holds: { [self] in try await pimpinanAbove(unitID)?.nip == (try callerNIP()) }) { return }
        let caller = try callerNIP()
        try await access.require(.periodPenilai, target: "period/\(period.periodID)",
                                 message: "the period of unit \(unitID) is read by pengelola kinerja, pimpinan and auditors in scope, the pimpinan above the unit and the penilai who rate in it") { [self] in
            let rated = Set(try await directory.dinilai(by: caller, on: today).map(\.nip))
            guard !rated.isEmpty else { return false }
            return try await store.read { db in
                try EvaluationRecords.forPeriod(period.periodID, in: db).contains { rated.contains($0.employee?.nip ?? "") }
            }
        }
    }

    /// Fails with PERMISSION_DENIED (audited) unless a standard grant of the method covers `target`.
    func requireScope(_ target: AccessTarget) async throws {
        try await Access.required().require(target)
    }

    /// The root unit's id (agency-wide requests are checked against it).
    func rootUnitID() async throws -> String {
        guard let root = try await directory.rootUnitID() else { throw RPCError(.unavailable, "identity has no unit tree yet", reason: "NO_UNIT_TREE") }
        return root
    }

    /// ABORTED when the caller read another revision (0 skips the check).
    static func checkRevision(expected: UInt64, current: UInt64, what: String) throws {
        if expected != 0 && expected != current {
            throw RPCError(.aborted, "the \(what) changed since you read it (revision \(current)); read it again", reason: "REVISION_MISMATCH")
        }
    }

    /// The lifecycle of a stored period (the domain's state machine over its state, rating and finalisations).
    static func lifecycle(_ period: Evaluation.EvaluationPeriod, finalisations: [Evaluation.FinalisationRecord]) -> PeriodLifecycle {
        PeriodLifecycle(state: period.state, organisationRating: period.organisationRating?.rating ?? .unspecified,
                        finalisations: finalisations.map {
                            PeriodLifecycle.Finalisation(number: $0.number, acceptedBreaches: $0.curveOverride?.breaches ?? [],
                                                         overrideReason: $0.curveOverride?.reason ?? "", superseded: $0.superseded,
                                                         reopenReason: $0.reopenReason)
                        })
    }
}
