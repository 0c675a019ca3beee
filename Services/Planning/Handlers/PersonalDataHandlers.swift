public import KinerjaProto
import KinerjaService
import Foundation
import GRDB

extension PlanningHandlers {
    /// ExportPersonalData: every version of every SKP the person owns, oldest first, then
    /// planning's trail of the person. Named on them: the atasan and the pejabat penilai the SKP
    /// records (and who approved it); other principals of the stamps are replaced.
    public func exportPersonalData(_ request: Planning.ExportPersonalDataRequest,
                                   responses: RPCWriter<Planning.ExportPersonalDataResponse>, context: ServerContext) async throws {
        let nip = request.nip
        try await beginPersonalDataExport(nip: nip, reason: request.reason, context: context) {
            try await directory.employee(nip) != nil
        }
        let skps = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM skp_version WHERE nip = ? ORDER BY year, skp_id, version", arguments: [nip])
                .map { try Planning.Skp(serializedBytes: Array($0["body"] as Data)) }
        }
        var records = PersonalDataRecords(nip: nip)
        for skp in skps {
            records.named.formUnion([skp.atasanNIP, skp.penilai?.penilai?.nip ?? "", skp.approval?.penilai?.penilai?.nip ?? ""].filter { !$0.isEmpty })
        }
        for var skp in skps {
            skp.created = records.redacted(skp.created)
            skp.submitted = records.redacted(skp.submitted)
            skp.decided = records.redacted(skp.decided)
            for index in skp.amendments.indices { skp.amendments[index].amended = records.redacted(skp.amendments[index].amended) }
            try records.append("skp-version", skp)
        }
        try await personalDataTrail(&records)
        for batch in records.batches { try await responses.write(Planning.ExportPersonalDataResponse(records: batch)) }
    }
}
