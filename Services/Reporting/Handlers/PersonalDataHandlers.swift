public import KinerjaProto
import KinerjaService
import Foundation
import GRDB

extension ReportingHandlers {
    /// ExportPersonalData: the person's daily reports (with their evidence links), the evidence
    /// files they uploaded as metadata (hash, name, media type, size; the files themselves through
    /// DownloadEvidence), their absences and qualitative realisations, then reporting's trail.
    /// Named on them: the verifier the reports record (the atasan).
    public func exportPersonalData(_ request: Reporting.ExportPersonalDataRequest,
                                   responses: RPCWriter<Reporting.ExportPersonalDataResponse>, context: ServerContext) async throws {
        let nip = request.nip
        try await beginPersonalDataExport(nip: nip, reason: request.reason, context: context) {
            try await directory.employee(nip) != nil
        }
        let held = try await store.read { db in
            (reports: try Row.fetchAll(db, sql: "SELECT body, unit_id FROM daily_report WHERE nip = ? ORDER BY report_day, report_id",
                                       arguments: [nip]).map { try ReportRecords.decode($0).report },
             uploads: try Row.fetchAll(db, sql: """
                SELECT sha256, media_type, file_name, MAX(size) AS size FROM evidence_upload WHERE nip = ?
                GROUP BY sha256, media_type, file_name ORDER BY MIN(uploaded_at), sha256
                """, arguments: [nip]).map { row in
                    Common.EvidenceLink(sha256: Array(row["sha256"] as Data), title: row["file_name"], mediaType: row["media_type"],
                                        sizeBytes: UInt64(row["size"] as Int64))
                },
             absences: try Row.fetchAll(db, sql: "SELECT body FROM absence WHERE nip = ? ORDER BY start_day", arguments: [nip])
                .map { try AbsenceRecords.decode($0["body"]) },
             qualitative: try Row.fetchAll(db, sql: "SELECT body FROM qualitative_realisation WHERE nip = ? ORDER BY start_day, iki_id",
                                           arguments: [nip])
                .map { try Reporting.QualitativeRealisation(serializedBytes: Array($0["body"] as Data)) })
        }
        var records = PersonalDataRecords(nip: nip)
        records.named.formUnion(held.reports.map(\.verifierNIP).filter { !$0.isEmpty })
        for var report in held.reports {
            report.submitted = records.redacted(report.submitted)
            report.updated = records.redacted(report.updated)
            report.reviewed = records.redacted(report.reviewed)
            report.revoked = records.redacted(report.revoked)
            try records.append("daily-report", report)
        }
        for upload in held.uploads { try records.append("evidence-upload", upload) }
        for var absence in held.absences {
            absence.recorded = records.redacted(absence.recorded)
            try records.append("absence", absence)
        }
        for var realisation in held.qualitative {
            realisation.described = records.redacted(realisation.described)
            realisation.rated = records.redacted(realisation.rated)
            try records.append("qualitative-realisation", realisation)
        }
        try await personalDataTrail(&records)
        for batch in records.batches { try await responses.write(Reporting.ExportPersonalDataResponse(records: batch)) }
    }
}
