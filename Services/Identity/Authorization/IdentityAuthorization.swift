public import KinerjaService
import KinerjaProto

/// Who may call each identity method (default deny). Relationship grants are completed by the
/// handlers with the call's target; the comments of identity.proto give the same rules in words.
public enum IdentityAuthorization {
    typealias M = Identity.IdentityService.Method

    /// Readers of one employee's record: the employee, their atasan chain, pengelola kinerja,
    /// pimpinan and auditors in scope, admin, Kinerja services and the HR portal.
    static let employeeReaders = AccessRule(
        .targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor),
        .role(.admin), .anyService, .client("hr-portal"))

    /// HR administration inside a scope, or admin.
    static let administrators = AccessRule(.roleInScope(.pengelolaKinerja), .role(.admin))

    /// The table.
    public static let table = AuthorizationTable(service: Identity.IdentityService.descriptor.name, rules: [
        M.login: AccessRule(.signIn),
        M.refreshToken: AccessRule(.signIn),
        // Logout and ChangePassword act on the caller's own session and account only.
        M.logout: AccessRule(.anyUser),
        M.whoAmI: AccessRule(.anyPeer),
        M.listSessions: AccessRule(.relation(.sessionOwner), .role(.admin)),
        M.revokeSession: AccessRule(.relation(.sessionOwner), .role(.admin)),
        M.listSigningKeys: AccessRule(.anyPeer),
        M.listRevocations: AccessRule(.anyService),
        M.rotateSigningKey: AccessRule(.role(.admin)),

        M.createUnit: AccessRule(.role(.admin)),
        M.updateUnit: AccessRule(.role(.admin), .roleInScope(.pengelolaKinerja)),
        M.getUnit: AccessRule(.anyPeer),
        M.listUnits: AccessRule(.anyPeer),
        M.getUnitTree: AccessRule(.anyPeer),

        M.createEmployee: administrators,
        M.updateEmployee: AccessRule(.role(.admin), .roleInScope(.pengelolaKinerja), .targetSelf),
        M.getEmployee: employeeReaders,
        M.batchGetEmployees: employeeReaders,
        M.listEmployees: AccessRule(.roleInScope(.pimpinan), .roleInScope(.pengelolaKinerja), .roleInScope(.auditor),
                                    .role(.admin), .anyService, .client("hr-portal"), .sameUnitAsTarget),
        M.importEmployees: administrators,

        M.setAtasan: administrators,
        M.getAtasan: employeeReaders,
        M.getSupervisorChain: employeeReaders,
        M.listBawahan: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan),
                                  .role(.admin), .anyService),
        M.checkSupervision: AccessRule(.anyService, .targetSelf, .role(.admin)),
        M.getPejabatPenilai: AccessRule(.anyService, .targetSelf, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .role(.admin)),
        M.listDinilai: AccessRule(.anyService, .targetSelf, .role(.admin)),
        M.getPenilaiHistory: AccessRule(.anyService, .targetSelf, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .role(.admin)),
        M.recordActingAssignment: administrators,
        M.endActingAssignment: administrators,
        M.listActingAssignments: AccessRule(.anyUser, .anyService),

        // Roles are an admin's to grant (pimpinan follows from heading a unit; pengelola kinerja
        // administer but hand out no power), never to oneself (the handler refuses and audits).
        M.grantRole: AccessRule(.role(.admin)),
        M.revokeRole: AccessRule(.role(.admin)),
        M.listRoleGrants: AccessRule(.relation(.grantsOwner), .role(.admin), .role(.auditor)),

        M.getAccount: AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja), .role(.admin)),
        M.enableAccount: administrators,
        M.disableAccount: administrators,
        M.unlockAccount: administrators,
        M.changePassword: AccessRule(.anyUser),
        M.resetPassword: administrators,

        M.listAuditEvents: .auditReaders,
        M.verifyAuditChain: .auditReaders,
        M.exportPersonalData: .personalDataExporters,
    ])
}

extension Relation {
    /// The user whose sessions they are.
    static let sessionOwner = Relation("session-owner", "the user the sessions belong to")
    /// The user whose role grants they are.
    static let grantsOwner = Relation("grants-owner", "the user the role grants belong to")
}
