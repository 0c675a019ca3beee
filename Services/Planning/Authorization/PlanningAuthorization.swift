public import KinerjaService
import KinerjaProto

/// Who may call each planning method (default deny). Relationship grants are completed by the
/// handlers with the SKP's owner or unit as the target; the comments of planning.proto give the
/// same rules in words.
public enum PlanningAuthorization {
    typealias M = Planning.PlanningService.Method

    /// Readers of one employee's SKP: the owner, their atasan chain, pengelola kinerja, pimpinan
    /// and auditors in scope, admin, and the Kinerja services.
    static let skpReaders = AccessRule(
        .targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor),
        .role(.admin), .anyService)

    /// The owner of the SKP.
    static let owner = AccessRule(.relation(.skpOwner))

    /// Who decides on a submitted SKP: only the owner's pejabat penilai; pengelola kinerja never do.
    static let deciders = AccessRule(.relation(.skpPenilai))

    /// The table.
    public static let table = AuthorizationTable(service: Planning.PlanningService.descriptor.name, rules: [
        M.createSkp: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja)),
        M.getSkp: skpReaders,
        M.getCurrentSkp: skpReaders,
        // Without a filter a user lists their own; with one, the filter's target must be readable.
        M.listSkps: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan),
                               .roleInScope(.auditor), .role(.admin), .anyService),
        M.updateSkp: owner,
        M.addRhk: owner,
        M.updateRhk: owner,
        M.removeRhk: owner,
        M.getRhk: skpReaders,
        M.addIki: owner,
        M.updateIki: owner,
        M.removeIki: owner,
        M.setPeriodicTargets: owner,
        M.setBehaviourExpectations: AccessRule(.relation(.skpPenilai)),
        M.submitSkp: owner,
        M.withdrawSkp: owner,
        M.approveSkp: deciders,
        M.returnSkp: deciders,
        M.reviseSkp: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja)),
        M.listSkpVersions: skpReaders,
        M.deleteSkp: AccessRule(.relation(.skpOwner), .roleInScope(.pengelolaKinerja)),
        M.amendBehaviourExpectations: AccessRule(.relation(.skpPenilai)),
        M.getSkpCompliance: AccessRule(.roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .role(.admin), .anyService),
        M.getCascade: AccessRule(.roleInScope(.pimpinan), .roleInScope(.pengelolaKinerja), .roleInScope(.auditor),
                                 .role(.admin), .withinTargetUnit, .anyService),
        M.listParentRhkCandidates: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja)),
        M.listRhksNeedingReview: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja)),
        M.acknowledgeRhkReview: owner,
        M.getTargets: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .service("reporting"),
                                 .service("evaluation")),
        M.streamTargets: AccessRule(.service("reporting"), .service("evaluation"), .roleInScope(.pengelolaKinerja)),
        // Evaluation tells planning of its annual finalisations (and reopenings); nobody else may.
        M.lockSkpRevisions: AccessRule(.service("evaluation")),
        M.unlockSkpRevisions: AccessRule(.service("evaluation")),
        M.listAuditEvents: .auditReaders,
        M.verifyAuditChain: .auditReaders,
        M.exportPersonalData: .personalDataExporters,
    ])
}

extension Relation {
    /// The owner of an SKP: the employee it belongs to.
    static let skpOwner = Relation("skp-owner", "the owner of the SKP (the employee it belongs to)")
    /// The owner's pejabat penilai today (identity's model: atasan langsung, Plt/Plh, Kepala Daerah).
    static let skpPenilai = Relation(
        "skp-penilai", "the SKP owner's pejabat penilai today per identity: the atasan langsung, a Plt/Plh acting for the position, or the non-ASN Kepala Daerah")
}
