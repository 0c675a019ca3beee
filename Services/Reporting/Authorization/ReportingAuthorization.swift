public import KinerjaService
import KinerjaProto

/// Who may call each reporting method (default deny). Relationship grants are completed by the
/// handlers with the report's author, the employee or the unit as the target; the named
/// relations are decided with the service's own data and identity's answers. The comments of
/// reporting.proto give the same rules in words; docs/AUTHORIZATION.md is generated from here.
public enum ReportingAuthorization {
    typealias M = Reporting.ReportingService.Method

    /// Readers of one employee's reports, progress and absences: the employee, their atasan
    /// chain, pengelola kinerja, pimpinan and auditors in scope, admin, and the Kinerja services.
    static let readers = AccessRule(
        .targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor),
        .role(.admin), .anyService)

    /// Who decides on a report: the author's atasan langsung per identity (Plt./Plh. included).
    static let verifier = AccessRule(.relation(.atasanLangsung))

    /// Who keeps the calendar and the policies: pengelola kinerja in scope (agency-wide entries
    /// need a scope covering the root unit), or admin.
    static let administrators = AccessRule(.roleInScope(.pengelolaKinerja), .role(.admin))

    /// Any authenticated principal.
    static let anyone = AccessRule(.anyUser, .anyService, .anyClient)

    /// The table.
    public static let table = AuthorizationTable(service: Reporting.ReportingService.descriptor.name, rules: [
        // The author is always the caller: a user submits only their own reports.
        M.submitDailyReport: AccessRule(.anyUser),
        // A user: own rows only (a row naming someone else is refused, PERMISSION_DENIED per row).
        // The machine client siak-dukcapil: rows of the employees of the unit its entry in
        // `reporting.bulk_clients` names (and its sub-units); other rows are refused per row.
        M.bulkSubmitDailyReports: AccessRule(.anyUser, .client("siak-dukcapil")),
        M.updateDailyReport: AccessRule(.relation(.reportAuthor)),
        M.withdrawDailyReport: AccessRule(.relation(.reportAuthor)),
        M.getDailyReport: readers,
        // Lists are filtered by the same readers: a NIP, a unit or an atasan's inbox must be readable.
        M.listDailyReports: readers,
        M.verifyDailyReport: verifier,
        M.rejectDailyReport: verifier,
        M.revokeVerification: verifier,
        M.batchReviewDailyReports: verifier,
        M.getProgress: readers,
        M.getTeamProgress: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan),
                                      .role(.admin), .anyService),
        M.getCompliance: AccessRule(.roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor), .role(.admin),
                                    .relation(.unitAtasan), .anyService),
        M.streamUnitProgress: AccessRule(.anyService, .roleInScope(.pengelolaKinerja)),
        M.listNonWorkingDays: anyone,
        M.setNonWorkingDay: administrators,
        M.removeNonWorkingDay: administrators,
        M.getReportingPolicy: anyone,
        M.setReportingPolicy: administrators,
        M.recordAbsence: AccessRule(.roleInScope(.pengelolaKinerja), .atasanOfTarget),
        M.removeAbsence: AccessRule(.roleInScope(.pengelolaKinerja), .atasanOfTarget),
        M.listAbsences: AccessRule(.targetSelf, .atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan),
                                   .roleInScope(.auditor), .role(.admin), .anyService),
        M.lockPeriod: AccessRule(.service("evaluation")),
        M.unlockPeriod: AccessRule(.service("evaluation")),
        M.listPeriodLocks: AccessRule(.targetSelf, .role(.pengelolaKinerja), .role(.auditor), .role(.admin), .anyService),
        // The author is the caller, as for daily reports.
        M.setQualitativeRealisation: AccessRule(.anyUser),
        M.rateQualitativeRealisation: AccessRule(.relation(.atasanLangsung)),
        M.uploadEvidence: AccessRule(.anyUser),
        M.downloadEvidence: AccessRule(.relation(.evidenceReader), .anyService),
        M.listAuditEvents: .auditReaders,
        M.verifyAuditChain: .auditReaders,
        M.exportPersonalData: .personalDataExporters,
    ])
}

extension Relation {
    /// The author of a report (updates and withdraws it).
    static let reportAuthor = Relation("report-author", "the author of the report")
    /// The employee's atasan langsung now, per identity (verifies, rejects, revokes, rates).
    static let atasanLangsung = Relation(
        "atasan-langsung", "the employee's atasan langsung per identity at the time of the call (an acting Plt./Plh. included)")
    /// Who may download an evidence file.
    static let evidenceReader = Relation(
        "evidence-reader", "whoever uploaded the file, or may read (as GetDailyReport) a report that refers to it")
    /// An atasan looking at their own unit's compliance.
    static let unitAtasan = Relation(
        "unit-atasan", "an atasan (someone's atasan langsung per identity) asking about the unit they work in or a unit below it")
}
