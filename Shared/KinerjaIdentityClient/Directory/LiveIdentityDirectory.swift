public import KinerjaProto
import Synchronization

/// The directory as identity answers it over the protocol, with the service's own certificate:
/// batched (500 NIPs a call), cached in bounded expiring caches, and UNAVAILABLE when identity
/// cannot answer and nothing fresh is cached.
public final class LiveIdentityDirectory: IdentityDirectory, Sendable {
    private let client: Identity.IdentityService.Client
    private let employeeCache: ExpiringCache<String, Identity.Employee?>
    private let relationCache: ExpiringCache<String, Identity.SupervisionRelation>
    private let memberCache: ExpiringCache<String, [Identity.Employee]>
    private let treeCache: ExpiringCache<Int, UnitTreeSnapshot>
    private let penilaiCache: ExpiringCache<String, Identity.PejabatPenilai>
    private let bawahanCache: ExpiringCache<String, [String]>

    /// A directory asking identity through `client`; answers are reused for `ttl`, at most
    /// `capacity` employees and relations are kept.
    public init(client: Identity.IdentityService.Client, ttl: Duration = .seconds(30), capacity: Int = 20_000) {
        self.client = client
        employeeCache = ExpiringCache(ttl: ttl, capacity: capacity)
        relationCache = ExpiringCache(ttl: ttl, capacity: capacity)
        memberCache = ExpiringCache(ttl: ttl, capacity: 256)
        treeCache = ExpiringCache(ttl: ttl, capacity: 1)
        penilaiCache = ExpiringCache(ttl: ttl, capacity: capacity)
        bawahanCache = ExpiringCache(ttl: ttl, capacity: 4096)
    }

    /// Runs an identity call; a transport failure or identity's own unavailability becomes UNAVAILABLE.
    private static func ask<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError where error.code == .notFound || error.code == .invalidArgument {
            throw error
        } catch let error as RPCError {
            throw RPCError(.unavailable, "identity cannot answer (\(error.code)): retry later", reason: "IDENTITY_UNAVAILABLE")
        } catch {
            throw RPCError(.unavailable, "identity is unreachable: retry later", reason: "IDENTITY_UNAVAILABLE")
        }
    }

    public func employees(_ nips: [String]) async throws -> [String: Identity.Employee] {
        var found: [String: Identity.Employee] = [:]
        var missing: [String] = []
        for nip in Set(nips) {
            if let hit = employeeCache.get(nip) {
                if let employee = hit { found[nip] = employee }
            } else {
                missing.append(nip)
            }
        }
        var start = 0
        while start < missing.count {
            let batch = Array(missing[start..<min(start + 500, missing.count)])
            start += 500
            let response = try await Self.ask { try await client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: batch)) }
            for employee in response.employees {
                employeeCache.put(employee.nip, employee)
                found[employee.nip] = employee
            }
            for nip in response.notFoundNIPs { employeeCache.put(nip, nil) }
        }
        return found
    }

    public func relation(atasan: String, of nip: String) async throws -> Identity.SupervisionRelation {
        let key = atasan + ">" + nip
        if let hit = relationCache.get(key) { return hit }
        let response = try await Self.ask {
            try await client.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: atasan, nips: [nip]))
        }
        let relation = response.relations.first ?? Identity.SupervisionRelation(nip: nip)
        relationCache.put(key, relation)
        return relation
    }

    public func members(of unitID: String, includeSubunits: Bool) async throws -> [Identity.Employee] {
        let (client, employeeCache) = (self.client, self.employeeCache)
        return try await memberCache.value(for: unitID + (includeSubunits ? "/*" : "")) {
            let result = try await Self.everyPage { cursor in
                let page = try await client.listEmployees(Identity.ListEmployeesRequest(
                    unitID: unitID, includeSubunits: includeSubunits, page: Common.PageRequest(pageSize: 1000, cursor: cursor)))
                return (page.employees, page.page?.nextCursor ?? "")
            }
            for employee in result { employeeCache.put(employee.nip, employee) }
            return result
        }
    }

    public func bawahan(of atasan: String, indirect: Bool) async throws -> [String] {
        let client = self.client
        do {
            return try await bawahanCache.value(for: atasan + (indirect ? "/*" : "")) {
                try await Self.everyPage { cursor in
                    let page = try await client.listBawahan(Identity.ListBawahanRequest(
                        atasanNIP: atasan, includeIndirect: indirect, activeOnly: true, page: Common.PageRequest(pageSize: 1000, cursor: cursor)))
                    return (page.bawahan.compactMap { $0.employee?.nip }, page.page?.nextCursor ?? "")
                }
            }
        } catch let error as RPCError where error.code == .notFound {
            return []
        }
    }

    /// Every item of a paged identity call: `page` answers one cursor's items and the next cursor
    /// ("" after the last page); each page goes through ``ask(_:)``.
    private static func everyPage<Item>(_ page: (String) async throws -> ([Item], String)) async throws -> [Item] {
        var items: [Item] = []
        var cursor = ""
        repeat {
            let (found, next) = try await ask { try await page(cursor) }
            items += found
            cursor = next
        } while !cursor.isEmpty
        return items
    }

    public func unitTree() async throws -> UnitTreeSnapshot {
        let client = self.client
        return try await treeCache.value(for: 0) {
            let response = try await Self.ask { try await client.getUnitTree(Identity.GetUnitTreeRequest(maxDepth: 0, includeInactive: true)) }
            return UnitTreeSnapshot(root: response.root, revision: response.treeRevision)
        }
    }

    public func penilai(of nips: [String], on date: Common.Date) async throws -> [String: Identity.PejabatPenilai] {
        let day = date.isoString
        var found: [String: Identity.PejabatPenilai] = [:]
        var missing: [String] = []
        for nip in Set(nips) {
            if let hit = penilaiCache.get(nip + "@" + day) { found[nip] = hit } else { missing.append(nip) }
        }
        var start = 0
        while start < missing.count {
            let batch = Array(missing[start..<min(start + 500, missing.count)])
            start += 500
            let response = try await Self.ask {
                try await client.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(nips: batch, onDate: date))
            }
            for answer in response.penilai {
                penilaiCache.put(answer.nip + "@" + day, answer)
                found[answer.nip] = answer
            }
        }
        return found
    }

    public func dinilai(by penilai: String, on date: Common.Date) async throws -> [Identity.PejabatPenilai] {
        try await Self.ask { try await client.listDinilai(Identity.ListDinilaiRequest(penilai: penilai, onDate: date)) }.dinilai
    }

    /// Drops the cached tree when identity reports a newer revision (from the revocation feed).
    public func treeChanged(revision: UInt64) {
        if let cached = treeCache.get(0), cached.revision != revision { treeCache.removeAll() }
    }
}
