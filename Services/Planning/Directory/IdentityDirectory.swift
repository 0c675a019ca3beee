public import KinerjaProto
public import KinerjaService
import Foundation
import Synchronization

/// What planning needs to know from identity, fetched over the protocol with planning's own
/// service identity (mutual TLS), batched, and cached for a short time.
///
/// Authority is never stretched: a cached answer is used only until it is `ttl` old; after
/// that the question goes to identity again, and if identity cannot answer the call fails with
/// UNAVAILABLE instead of deciding on stale data.
public final class IdentityDirectory: RelationshipResolver, Sendable {
    private let client: Identity.IdentityService.Client
    private let ttl: Duration
    private let employees = Mutex<[String: (employee: Identity.Employee?, at: ContinuousClock.Instant)]>([:])
    private let supervision = Mutex<[String: (level: UInt32, direct: Bool, at: ContinuousClock.Instant)]>([:])
    private let ancestors = Mutex<[String: (ids: [String]?, at: ContinuousClock.Instant)]>([:])

    /// A directory asking identity through `client`, caching answers for `ttl`.
    public init(client: Identity.IdentityService.Client, ttl: Duration = .seconds(30)) {
        self.client = client
        self.ttl = ttl
    }

    private func fresh(_ at: ContinuousClock.Instant) -> Bool { ContinuousClock.now - at < ttl }

    /// Runs an identity call; a transport failure or identity's own unavailability becomes UNAVAILABLE.
    private func ask<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError where error.code == .notFound || error.code == .invalidArgument {
            throw error
        } catch let error as RPCError {
            throw RPCError(.unavailable, "identity cannot answer (\(error.code)): retry later")
        } catch {
            throw RPCError(.unavailable, "identity is unreachable: retry later")
        }
    }

    /// The employee with `nip`, or nil when identity does not know it.
    public func employee(_ nip: String) async throws -> Identity.Employee? {
        try await self.employees([nip])[nip]
    }

    /// The employees with these NIPs (unknown ones are absent), in batches of 500.
    public func employees(_ nips: [String]) async throws -> [String: Identity.Employee] {
        var found: [String: Identity.Employee] = [:]
        var missing: [String] = []
        employees.withLock { cache in
            for nip in Set(nips) {
                if let hit = cache[nip], fresh(hit.at) { if let e = hit.employee { found[nip] = e } } else { missing.append(nip) }
            }
        }
        var start = 0
        while start < missing.count {
            let batch = Array(missing[start..<min(start + 500, missing.count)])
            start += 500
            let response = try await ask { try await client.batchGetEmployees(Identity.BatchGetEmployeesRequest(nips: batch)) }
            let now = ContinuousClock.now
            employees.withLock { cache in
                if cache.count > 50_000 { cache.removeAll() }
                for e in response.employees { cache[e.nip] = (e, now); found[e.nip] = e }
                for nip in response.notFoundNIPs { cache[nip] = (nil, now) }
            }
        }
        return found
    }

    /// The relation of `atasan` to `nip`: levels between them (0 = not above) and whether direct.
    public func relation(atasan: String, of nip: String) async throws -> (level: UInt32, direct: Bool) {
        let key = atasan + ">" + nip
        if let hit = supervision.withLock({ $0[key] }), fresh(hit.at) { return (hit.level, hit.direct) }
        let response = try await ask { try await client.checkSupervision(Identity.CheckSupervisionRequest(atasanNIP: atasan, nips: [nip])) }
        let relation = response.relations.first
        let answer = (level: relation?.level ?? 0, direct: relation?.direct ?? false)
        supervision.withLock { cache in
            if cache.count > 50_000 { cache.removeAll() }
            cache[key] = (answer.level, answer.direct, .now)
        }
        return answer
    }

    /// Ids of the unit's ancestors (parent first), or nil for an unknown unit.
    public func ancestors(of unitID: String) async throws -> [String]? {
        if let hit = ancestors.withLock({ $0[unitID] }), fresh(hit.at) { return hit.ids }
        let ids: [String]?
        do {
            let response = try await ask { try await client.getUnit(Identity.GetUnitRequest(unitID: unitID)) }
            ids = response.ancestors.map(\.unitID).reversed()
        } catch let error as RPCError where error.code == .notFound {
            ids = nil
        }
        ancestors.withLock { $0[unitID] = (ids, .now) }
        return ids
    }

    /// Every active employee of a unit (and its sub-units when asked), paging through identity.
    public func members(of unitID: String, includeSubunits: Bool) async throws -> [Identity.Employee] {
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
        let now = ContinuousClock.now
        employees.withLock { cache in for e in result { cache[e.nip] = (e, now) } }
        return result
    }

    /// The root of identity's unit tree.
    func treeRoot() async throws -> String? {
        let tree = try await ask { try await client.getUnitTree(Identity.GetUnitTreeRequest(maxDepth: 1)) }
        return tree.root?.unit?.unitID
    }

    // MARK: RelationshipResolver

    public func unitOf(nip: String) async throws -> String? {
        try await employee(nip)?.unitID
    }

    public func isAtasan(_ atasanNIP: String, of nip: String) async throws -> Bool {
        try await relation(atasan: atasanNIP, of: nip).level > 0
    }

    public func unit(_ unitID: String, isWithin scope: [String], includeSubunits: Bool) async throws -> Bool {
        if scope.contains(unitID) { return true }
        guard includeSubunits, let ids = try await ancestors(of: unitID) else { return false }
        return ids.contains { scope.contains($0) }
    }
}

extension IdentityDirectory {
    /// The root unit's id (Pemerintah Daerah), from identity's tree.
    public func rootUnitID() async throws -> String? {
        try await treeRoot()
    }
}
