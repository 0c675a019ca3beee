public import KinerjaProto
import KinerjaService
import GRDB

extension IdentityHandlers {
    /// ExportPersonalData: the employee record, the account's state (no password hash, one-time
    /// password or refresh token: the `Account` message carries none), every session and every
    /// role grant, then identity's trail of the person.
    public func exportPersonalData(_ request: Identity.ExportPersonalDataRequest,
                                   responses: RPCWriter<Identity.ExportPersonalDataResponse>, context: ServerContext) async throws {
        let nip = request.nip
        try await beginPersonalDataExport(nip: nip, reason: request.reason, context: context) {
            try await store.read { db in try EmployeeRecords.find(nip, in: db) != nil }
        }
        let held = try await store.read { db in
            (employee: try EmployeeRecords.find(nip, in: db), account: try RoleRecords.account(nip, in: db),
             sessions: try Row.fetchAll(db, sql: "SELECT * FROM session WHERE nip = ? ORDER BY created_at", arguments: [nip])
                .map { Self.session($0, current: "") },
             grants: try RoleRecords.grants(where: "nip = ?", [nip], limit: 10_000, in: db))
        }
        var records = PersonalDataRecords(nip: nip)
        if var employee = held.employee {
            // The atasan on the person's own record is named; whoever changed the record is not.
            if !employee.atasanNIP.isEmpty { records.named.insert(employee.atasanNIP) }
            employee.created = records.redacted(employee.created)
            employee.updated = records.redacted(employee.updated)
            try records.append("employee", employee)
        }
        if var account = held.account {
            account.updated = records.redacted(account.updated)
            try records.append("account", account)
        }
        for session in held.sessions { try records.append("session", session) }
        for var grant in held.grants {
            grant.granted = records.redacted(grant.granted)
            grant.revoked = records.redacted(grant.revoked)
            try records.append("role-grant", grant)
        }
        try await personalDataTrail(&records)
        for batch in records.batches { try await responses.write(Identity.ExportPersonalDataResponse(records: batch)) }
    }
}
