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

    /// A directory asking identity through `client`; answers are reused for `ttl`, at most
    /// `capacity` employees and relations are kept.
    public init(client: Identity.IdentityService.Client, ttl: Duration = .seconds(30), capacity: Int = 20_000) {
        self.client = client
        employeeCache = ExpiringCache(ttl: ttl, capacity: capacity)
        relationCache = ExpiringCache(ttl: ttl, capacity: capacity)
        memberCache = ExpiringCache(ttl: ttl, capacity: 256)
        treeCache = ExpiringCache(ttl: ttl, capacity: 1)
        penilaiCache = ExpiringCache(ttl: ttl, capacity: capacity)
    }

    /// Runs an identity call; a transport failure or identity's own unavailability becomes UNAVAILABLE.
    private func ask<T>(_ body: () async throws -> T) async throws -> T {
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
            let response = try await ask { try await client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: batch)) }
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
        let response = try await ask {
            try await client.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: atasan, nips: [nip]))
        }
        let relation = response.relations.first ?? Identity.SupervisionRelation(nip: nip)
        relationCache.put(key, relation)
        return relation
    }

    public func members(of unitID: String, includeSubunits: Bool) async throws -> [Identity.Employee] {
        let key = unitID + (includeSubunits ? "/*" : "")
        if let hit = memberCache.get(key) { return hit }
        var result: [Identity.Employee] = []
        var cursor = ""
        repeat {
            let page = try await ask {
                try await client.listEmployees(Identity.ListEmployeesRequest(unitID: unitID, includeSubunits: includeSubunits,
                                                                             page: Common.PageRequest(pageSize: 1000, cursor: cursor)))
            }
            result += page.employees
            cursor = page.page?.nextCursor ?? ""
        } while !cursor.isEmpty
        memberCache.put(key, result)
        for employee in result { employeeCache.put(employee.nip, employee) }
        return result
    }

    public func unitTree() async throws -> UnitTreeSnapshot {
        if let hit = treeCache.get(0) { return hit }
        let response = try await ask { try await client.getUnitTree(Identity.GetUnitTreeRequest(maxDepth: 0, includeInactive: true)) }
        let tree = UnitTreeSnapshot(root: response.root, revision: response.treeRevision)
        treeCache.put(0, tree)
        return tree
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
            let response = try await ask {
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
        try await ask { try await client.listDinilai(Identity.ListDinilaiRequest(penilai: penilai, onDate: date)) }.dinilai
    }

    /// Drops the cached tree when identity reports a newer revision (from the revocation feed).
    public func treeChanged(revision: UInt64) {
        if let cached = treeCache.get(0), cached.revision != revision { treeCache.removeAll() }
    }
}
