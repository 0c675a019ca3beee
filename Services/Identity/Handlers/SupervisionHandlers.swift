import KinerjaASN
public import KinerjaProto
import Foundation
import GRDB
import KinerjaService
import KinerjaStore

extension IdentityHandlers {
    /// Checks the caller may read `nip`'s supervision (same readers as the employee).
    private func requireReader(of nip: String, nonASN: Bool = false) async throws {
        if nonASN { try Invalid.requirePersonID(nip, "atasan_nip") } else { try Invalid.requireNIP(nip) }
        let access = try Access.required()
        let known = try await store.read { db in try EmployeeRecords.find(nip, in: db) != nil }
        guard known else { throw RPCError(.notFound, "no employee with NIP \(nip)") }
        try await access.require(.employee(nip: nip))
    }

    public func setAtasan(_ request: Identity.SetAtasanRequest, context: ServerContext) async throws -> Identity.SetAtasanResponse {
        try Invalid.requireNIP(request.nip)
        if !request.atasanNIP.isEmpty { try Invalid.requireNIP(request.atasanNIP, "atasan_nip") }
        try Invalid.requireText(request.note, "note", max: 500, optional: true)
        if let from = request.effectiveFrom, !from.isValid { throw Invalid.field("effective_from", "is not a real date") }
        let access = try Access.required()
        let unit = try await store.read { db in try EmployeeRecords.find(request.nip, in: db)?.unitID }
        guard let unit else { throw RPCError(.notFound, "no employee with NIP \(request.nip)") }
        try await access.require(.unit(id: unit))
        let from = request.effectiveFrom ?? today
        return try await write(context, request) { [self] db, actor in
            let atasan = request.atasanNIP.isEmpty ? nil : request.atasanNIP
            if let atasan { try Self.checkAtasan(atasan, for: request.nip, in: db) }
            try SupervisionRecords.begin(nip: request.nip, atasan: atasan, from: from, acting: request.acting, note: request.note,
                                         actor: actor, in: db)
            // The current atasan follows the assignment in force today.
            let current = try SupervisionRecords.assignment(of: request.nip, on: today, in: db)?.atasanNIP
            try db.execute(sql: "UPDATE employee SET atasan_nip = ?, revision = revision + 1 WHERE nip = ?", arguments: [current, request.nip])
            try audit(db, context, actor, target: request.nip, detail: "atasan \(atasan ?? "none") from \(RowCoding.text(from) ?? "")")
            var assignment = atasan.map { _ in (try? SupervisionRecords.assignment(of: request.nip, on: from, in: db)) ?? nil } ?? nil
            if assignment == nil { assignment = Identity.SupervisorAssignment(nip: request.nip, effectiveFrom: from) }
            return Identity.SetAtasanResponse(assignment: assignment)
        }
    }

    public func getAtasan(_ request: Identity.GetAtasanRequest, context: ServerContext) async throws -> Identity.GetAtasanResponse {
        try await requireReader(of: request.nip)
        if let day = request.onDate, !day.isValid { throw Invalid.field("on_date", "is not a real date") }
        let day = request.onDate ?? today
        return try await store.read { db in
            var response = Identity.GetAtasanResponse()
            if let assignment = try SupervisionRecords.assignment(of: request.nip, on: day, in: db) {
                response.assignment = assignment
                response.atasan = try EmployeeRecords.find(assignment.atasanNIP, in: db)
            } else if let employee = try EmployeeRecords.find(request.nip, in: db), !employee.atasanNIP.isEmpty {
                // Imported supervisors without a dated history: the current atasan answers for any day.
                response.assignment = Identity.SupervisorAssignment(nip: request.nip, atasanNIP: employee.atasanNIP)
                response.atasan = try EmployeeRecords.find(employee.atasanNIP, in: db)
            }
            return response
        }
    }

    public func getSupervisorChain(_ request: Identity.GetSupervisorChainRequest, context: ServerContext) async throws -> Identity.GetSupervisorChainResponse {
        guard request.maxLevels <= 20 else { throw Invalid.field("max_levels", "must be 0–20") }
        try await requireReader(of: request.nip)
        let levels = request.maxLevels == 0 ? 64 : Int(request.maxLevels)
        return try await store.read { db in
            Identity.GetSupervisorChainResponse(chain: try EmployeeRecords.chain(above: request.nip, maxLevels: levels, in: db).map(\.reference))
        }
    }

    public func listBawahan(_ request: Identity.ListBawahanRequest, context: ServerContext) async throws -> Identity.ListBawahanResponse {
        let size = try Paging.size(request.page)
        let offset = try Paging.offset(request.page)
        // The non-ASN Kepala Daerah has bawahan too (the Sekretaris Daerah): asked by NONASN. identifier.
        try await requireReader(of: request.atasanNIP, nonASN: true)
        return try await store.read { db in
            var rows = try EmployeeRecords.bawahan(of: request.atasanNIP, indirect: request.includeIndirect, in: db)
            if request.activeOnly { rows = rows.filter { $0.employee.status == .aktif } }
            let page = rows.dropFirst(offset).prefix(size)
            return Identity.ListBawahanResponse(
                bawahan: page.map { Identity.Bawahan(employee: $0.employee.reference, level: UInt32($0.level), atasanNIP: $0.employee.atasanNIP) },
                page: Paging.response(offset: offset, size: size, returned: page.count, more: rows.count > offset + size))
        }
    }

    public func checkSupervision(_ request: Identity.CheckSupervisionRequest, context: ServerContext) async throws -> Identity.CheckSupervisionResponse {
        try Invalid.requirePersonID(request.atasanNIP, "atasan_nip")
        guard !request.nips.isEmpty, request.nips.count <= 500 else { throw Invalid.field("nips", "must name 1–500 NIPs") }
        for (index, nip) in request.nips.enumerated() { try Invalid.requirePersonID(nip, "nips[\(index)]") }
        if let day = request.onDate, !day.isValid { throw Invalid.field("on_date", "is not a real date") }
        let access = try Access.required()
        if !access.grantedByIdentity {
            // A user may ask only about themselves as the atasan.
            try await access.require(.employee(nip: request.atasanNIP))
        }
        let (day, today) = (request.onDate ?? self.today, self.today)
        return try await store.read { db in
            guard try EmployeeRecords.find(request.atasanNIP, in: db) != nil else {
                throw RPCError(.notFound, "no employee with NIP \(request.atasanNIP)")
            }
            // An acting Plt/Plh is the direct atasan of those they rate on the day ("including acting").
            let penilai = try PenilaiQueries.penilai(of: request.nips, on: day, today: today, in: db)
            var relations: [Identity.SupervisionRelation] = []
            for (nip, answer) in zip(request.nips, penilai) {
                let acting = (answer.kind == .plt || answer.kind == .plh) && answer.penilai?.nip == request.atasanNIP
                let level = acting ? 1 : try EmployeeRecords.level(of: request.atasanNIP, above: nip, in: db) ?? 0
                relations.append(Identity.SupervisionRelation(nip: nip, direct: level == 1, level: UInt32(level)))
            }
            return Identity.CheckSupervisionResponse(relations: relations)
        }
    }
}
