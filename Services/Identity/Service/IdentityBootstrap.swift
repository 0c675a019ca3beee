import KinerjaASN
import KinerjaDemo
public import KinerjaStore
public import Foundation
import GRDB
import KinerjaCrypto
import KinerjaProto

/// What the first start of an empty store created.
public struct BootstrapResult: Sendable {
    /// NIP of the first administrator.
    public var adminNIP: String
    /// The administrator's one-time password when it was generated (to be shown once); nil when
    /// it came from the environment.
    public var generatedPassword: String?
    /// Demo personas created (persona, NIP), when a demo organisation was loaded.
    public var personas: [(persona: String, nip: String, name: String)]
    /// Units and employees created.
    public var units: Int
    /// Employees created.
    public var employees: Int
}

/// Fills an empty identity store: the first administrator with a one-time password, and, when
/// configured, the Kupang demo organisation.
public enum IdentityBootstrap {
    /// Environment variable that supplies the administrator's one-time password instead of a generated one.
    public static let passwordVariable = "KINERJA_BOOTSTRAP_PASSWORD"

    /// Runs once on an empty store; nil when the store already has units.
    public static func run(store: Store, configuration: IdentityConfiguration, environment: [String: String],
                           now: Date = Date()) async throws -> BootstrapResult? {
        let empty = try await store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM unit") == 0 }
        guard empty else { return nil }
        let given = environment[passwordVariable].flatMap { $0.isEmpty ? nil : $0 }
        let oneTime = given ?? OneTimePassword.generate()
        let hasher = PasswordHasher(parameters: configuration.passwordHash)
        let otpHash = try hasher.hash(oneTime)
        let demoHash = configuration.demoPassword.isEmpty ? nil : try hasher.hash(configuration.demoPassword)
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let actor = Actor(principal: "system", kind: .system, now: nowSeconds)
        let today = Wita.today(now: now)

        var result: BootstrapResult
        if let seed = configuration.demoSeed {
            let organisation = KupangDemo(seed: seed).organisation(today: today)
            guard let admin = organisation.user(persona: "admin") else {
                throw StoreError(.migration, "the demo organisation has no admin persona")
            }
            result = BootstrapResult(adminNIP: admin.nip, generatedPassword: given == nil ? oneTime : nil,
                                     personas: organisation.users.map { ($0.persona, $0.nip, $0.displayName) },
                                     units: organisation.units.count, employees: organisation.employees.count)
            try await store.write { db in
                try load(organisation, actor: actor, now: now, in: db)
                for user in organisation.users where user.persona != "admin" {
                    if let demoHash { try setPassword(user.nip, hash: demoHash, mustChange: false, expires: nil, now: nowSeconds, in: db) }
                }
                try setPassword(admin.nip, hash: otpHash, mustChange: true, expires: nowSeconds + 7 * 86_400, now: nowSeconds, in: db)
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.bootstrap",
                                                target: admin.nip, outcome: .success,
                                                detail: "demo organisation seed \(seed): \(organisation.units.count) units, \(organisation.employees.count) employees"),
                                    at: now, in: db)
            }
        } else {
            guard let bootstrap = configuration.bootstrap else {
                throw StoreError(.migration, "the store is empty and identity.bootstrap is not configured: set identity.bootstrap.admin_nip and admin_name (or identity.demo_seed)")
            }
            let admin = try bootstrapAdmin(bootstrap, today: today)
            result = BootstrapResult(adminNIP: admin.nip, generatedPassword: given == nil ? oneTime : nil, personas: [], units: 1, employees: 1)
            try await store.write { db in
                var root = Identity.Unit(unitID: ULID.make(now: now), code: bootstrap.rootUnitCode, name: bootstrap.rootUnitName,
                                         shortName: "", kind: .pemerintahDaerah, active: true)
                root.depth = 0
                try UnitRecords.insert(root, actor: actor, in: db)
                var employee = admin
                employee.unitID = root.unitID
                try EmployeeRecords.insert(employee, atasan: nil, actor: actor, in: db)
                try RoleRecords.insertAccount(nip: admin.nip, actor: actor, in: db)
                try RoleRecords.insert(Identity.RoleGrant(grantID: ULID.make(now: now), nip: admin.nip, role: .admin,
                                                          reason: "bootstrap administrator"), actor: actor, in: db)
                try setPassword(admin.nip, hash: otpHash, mustChange: true, expires: nowSeconds + 7 * 86_400, now: nowSeconds, in: db)
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.bootstrap",
                                                target: admin.nip, outcome: .success, detail: "first administrator and root unit"),
                                    at: now, in: db)
            }
        }
        return result
    }

    /// The administrator's employee record from the configuration (NIP validated as a PNS NIP).
    static func bootstrapAdmin(_ bootstrap: IdentityConfiguration.Bootstrap, today: Common.Date) throws -> Identity.Employee {
        let nip: NIP
        do {
            nip = try NIP(validating: bootstrap.adminNIP, asnType: .pns, today: today)
        } catch {
            throw StoreError(.migration, "identity.bootstrap.admin_nip: \(error)")
        }
        var e = Identity.Employee()
        e.nip = bootstrap.adminNIP
        e.fullName = bootstrap.adminName
        e.asnType = .pns
        e.jenisJabatan = .pelaksana
        e.jabatanName = "Administrator Sistem Kinerja"
        e.birthDate = nip.birthDate
        e.sex = nip.sex
        if let appointment = nip.appointment { e.tmt = Common.Date(year: appointment.year, month: appointment.month, day: 1) }
        e.status = .aktif
        return e
    }

    /// Writes a demo organisation: units top-down, employees, heads, supervisors, roles.
    static func load(_ organisation: DemoOrganisation, actor: Actor, now: Date, in db: Database) throws {
        var ids: [String: String] = [:]
        var depths: [String: UInt32] = [:]
        var pending = organisation.units
        while !pending.isEmpty {
            let ready = pending.filter { $0.parentCode == nil || ids[$0.parentCode ?? ""] != nil }
            guard !ready.isEmpty else { throw StoreError(.migration, "the demo units do not form a tree") }
            for demo in ready {
                var unit = demo.unit
                unit.unitID = ULID.make(now: now)
                unit.parentUnitID = demo.parentCode.flatMap { ids[$0] } ?? ""
                unit.headNIP = ""
                unit.depth = demo.parentCode.flatMap { depths[$0] }.map { $0 + 1 } ?? 0
                ids[demo.code] = unit.unitID
                depths[demo.code] = unit.depth
                try UnitRecords.insert(unit, actor: actor, in: db)
            }
            pending.removeAll { unit in ready.contains { $0.code == unit.code } }
        }
        for demo in organisation.employees {
            var employee = demo.employee
            employee.unitID = ids[demo.unitCode] ?? ""
            try EmployeeRecords.insert(employee, atasan: nil, actor: actor, in: db)
            try RoleRecords.insertAccount(nip: employee.nip, actor: actor, in: db)
        }
        for demo in organisation.employees {
            // The top of the tree (the Sekretaris Daerah) has no atasan inside Kinerja.
            if let atasan = demo.atasanNIP, atasan != demo.employee.nip {
                try db.execute(sql: "UPDATE employee SET atasan_nip = ? WHERE nip = ?", arguments: [atasan, demo.employee.nip])
            }
        }
        for demo in organisation.units {
            if let head = demo.headNIP, let id = ids[demo.code] {
                try db.execute(sql: "UPDATE unit SET head_nip = ? WHERE unit_id = ?", arguments: [head, id])
            }
        }
        for demo in organisation.acting {
            guard let unitID = ids[demo.unitCode] else { continue }
            let replaced = organisation.unit(code: demo.unitCode)?.headNIP ?? ""
            try ActingRecords.insert(Identity.ActingAssignment(
                assignmentID: ULID.make(now: now), unitID: unitID, actingNIP: demo.actingNIP, kind: demo.kind,
                validFrom: demo.validFrom, validUntil: demo.validUntil, decreeNumber: demo.decreeNumber, decreeDate: demo.decreeDate,
                replacedNIP: demo.kind == .plh ? replaced : "", note: "demo"), actor: actor, in: db)
        }
        for user in organisation.users {
            for grant in user.roles {
                try RoleRecords.insert(Identity.RoleGrant(grantID: ULID.make(now: now), nip: user.nip, role: grant.role,
                                                          scopeUnitIDs: grant.scopeUnitCodes.compactMap { ids[$0] },
                                                          includeSubunits: grant.includeSubunits, reason: grant.reason),
                                       actor: actor, in: db)
            }
        }
    }

    static func setPassword(_ nip: String, hash: String, mustChange: Bool, expires: Int64?, now: Int64, in db: Database) throws {
        try db.execute(sql: """
            UPDATE account SET password_hash = ?, must_change_password = ?, password_expires_at = ?, password_changed_at = ?, state = ?
            WHERE nip = ?
            """, arguments: [hash, mustChange, expires, now, Identity.AccountState.active.rawValue, nip])
    }
}
