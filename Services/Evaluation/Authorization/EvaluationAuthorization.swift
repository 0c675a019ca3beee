public import KinerjaService
import KinerjaProto

/// Who may call each evaluation method (default deny). Relationship grants are finished by the
/// handlers with the period's unit or the evaluation's employee as the target; the named relations
/// are decided with identity's pejabat penilai model (``Relation/penilai``, ``Relation/pimpinanAbove``)
/// and the service's own data. Every denial is audited. The comments of evaluation.proto say the
/// same in words; docs/AUTHORIZATION.md is generated from here.
///
/// The shape of it (SE MenPANRB 3/2023, PermenPANRB 6/2022; docs/EVALUATION.md "Who may do what"):
/// only the pejabat penilai of the day rates; only the pimpinan above the unit sets the unit's
/// organisation rating, finalises (overriding the curve) and reopens; pengelola kinerja (HR) run
/// periods, adjust the population, recommend the organisation rating, compute proposals and read —
/// they never rate, decide the organisation rating or finalise; the HR portal reads; the employee
/// reads and acknowledges their own.
public enum EvaluationAuthorization {
    typealias M = Evaluation.EvaluationService.Method

    /// The HR portal, the machine client that queries results (read-only: no write names it).
    static let hrPortal = Grant.client("hr-portal")

    /// Who administers and oversees a unit's evaluation: pengelola kinerja, pimpinan and auditors in scope.
    static let overseers: [Grant] = [.roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor)]

    /// Readers of a period and its curve.
    static let periodReaders = AccessRule(grants: overseers + [.relation(.pimpinanAbove), .relation(.periodPenilai), hrPortal])

    /// The table.
    public static let table = AuthorizationTable(service: Evaluation.EvaluationService.descriptor.name, rules: [
        // Periods: HR runs them.
        M.openPeriod: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.getPeriod: periodReaders,
        M.listPeriods: AccessRule(grants: overseers + [hrPortal]),
        M.adjustPopulation: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.recommendOrganisationRating: AccessRule(.roleInScope(.pengelolaKinerja)),
        // The unit's rating, finalisation and reopening: the pimpinan above the unit alone.
        M.setOrganisationRating: AccessRule(.relation(.pimpinanAbove)),
        M.finalisePeriod: AccessRule(.relation(.pimpinanAbove)),
        M.reopenPeriod: AccessRule(.relation(.pimpinanAbove)),
        M.getOrganisationRating: AccessRule(grants: overseers + [.withinTargetUnit, hrPortal]),
        M.getCurve: periodReaders,
        // Proposals: HR computes them (the service also does, as `system`).
        M.getProposalRule: AccessRule(.anyUser, .anyService, .anyClient),
        M.setProposalRule: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.proposeEvaluations: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.getPredikatMatrix: AccessRule(.anyUser, .anyService, .anyClient),
        // Ratings: the pejabat penilai of the day only (Plt/Plh and the non-ASN Kepala Daerah included).
        M.setHasilKerjaRating: AccessRule(.relation(.penilai)),
        M.setPerilakuRating: AccessRule(.relation(.penilai)),
        M.rateQualitativeIkis: AccessRule(.relation(.penilai)),
        M.setExpectationJudgements: AccessRule(.relation(.penilai)),
        // One evaluation: the employee, their penilai and atasan chain, overseers, the HR portal.
        M.getEvaluation: AccessRule(grants: [.targetSelf, .atasanOfTarget, .relation(.penilai)] + overseers + [hrPortal]),
        M.acknowledgeEvaluation: AccessRule(.targetSelf),
        // The HR portal's queries.
        M.listEvaluations: AccessRule(grants: overseers + [.relation(.ownRatings), hrPortal]),
        M.listEmployeeEvaluations: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.auditor), hrPortal),
        M.listRatingOverrides: AccessRule(grants: overseers + [hrPortal]),
        M.exportEvaluations: AccessRule(.roleInScope(.pengelolaKinerja), hrPortal),
        M.getRaterLeniency: AccessRule(grants: overseers),
        // Tindak lanjut: the employee's own angka kredit; HR and the pimpinan in scope; the HR portal.
        M.listAngkaKredit: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), hrPortal),
        // The TPP rule is the Perwali's (public law): HR over the city sets it, anyone reads it; the export is HR's and the portal's.
        M.setTppRule: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.getTppRule: AccessRule(.anyUser, .anyService, .anyClient),
        M.exportTpp: AccessRule(.roleInScope(.pengelolaKinerja), hrPortal),
        // SIASN: HR over the city loads the reference table (it maps NIPs to SIASN's PNS ids, so only HR
        // and the portal read it); the export is HR's in scope and the portal's.
        M.setSiasnReferences: AccessRule(.roleInScope(.pengelolaKinerja)),
        M.getSiasnReferences: AccessRule(.roleInScope(.pengelolaKinerja), hrPortal),
        M.exportSiasn: AccessRule(.roleInScope(.pengelolaKinerja), hrPortal),
        // Competence development: the employee records their own (as in e-Kinerja) and HR in scope; the
        // atasan and overseers read; development needs are HR's, the pimpinan's and the portal's.
        M.recordCompetenceDevelopment: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja)),
        M.withdrawCompetenceDevelopment: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja)),
        M.listCompetenceDevelopment: AccessRule(grants: [.targetSelf, .atasanOfTarget] + overseers + [hrPortal]),
        M.listDevelopmentNeeds: AccessRule(.roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), hrPortal),
        M.listAuditEvents: .auditReaders,
        M.verifyAuditChain: .auditReaders,
        M.exportPersonalData: .personalDataExporters,
    ])
}

extension Relation {
    /// The employee's pejabat penilai today (rates; reads the evaluation).
    static let penilai = Relation(
        "penilai",
        "the employee's pejabat penilai of the day per identity: the atasan langsung, a Plt/Plh acting for the position within the decree's range, or the non-ASN Kepala Daerah")
    /// The pimpinan above the period's unit (organisation rating, finalisation, reopening).
    static let pimpinanAbove = Relation(
        "pimpinan-above",
        "the pimpinan above the unit: the pejabat penilai of the day of the unit's head (whose Hasil Kerja the organisation rating becomes), or, while the head position is vacant, the head of the nearest unit above")
    /// A pejabat penilai of someone in the period (reads the period and its curve while rating).
    static let periodPenilai = Relation("period-penilai", "the pejabat penilai of the day of an employee evaluated in the period")
    /// A pejabat penilai listing the evaluations they rate.
    static let ownRatings = Relation("own-ratings", "a pejabat penilai listing the evaluations they rate (evaluator_nip is themselves)")
}
