public import KinerjaProto
public import KinerjaASN

/// The generated Kupang organisation: units, employees and the named demo users.
public struct DemoOrganisation: Sendable, Hashable {
    /// Units in depth-first order, the root first, each after its parent.
    public var units: [DemoUnit]
    /// Employees, unit by unit in the order of `units`, each unit's head first.
    public var employees: [DemoEmployee]
    /// The named personas (see ``KupangDemo``).
    public var users: [DemoUser]
    /// Acting officials (Plt/Plh) appointed by decree for a unit's head position.
    public var acting: [DemoActing]

    /// An organisation.
    public init(units: [DemoUnit], employees: [DemoEmployee], users: [DemoUser], acting: [DemoActing] = []) {
        self.units = units
        self.employees = employees
        self.users = users
        self.acting = acting
    }

    /// The unit with this code, if any.
    public func unit(code: String) -> DemoUnit? { units.first { $0.code == code } }

    /// The employee with this NIP, if any.
    public func employee(nip: String) -> DemoEmployee? { employees.first { $0.employee.nip == nip } }

    /// The persona with this name (e.g. "pegawai"), if any.
    public func user(persona: String) -> DemoUser? { users.first { $0.persona == persona } }
}

/// One unit of the demo organisation, named by code (ids are assigned by the store).
public struct DemoUnit: Sendable, Hashable {
    /// Unit code, e.g. `KPG.DUKCAPIL.PIAK`; the parent's code is always a prefix.
    public var code: String
    /// Full name.
    public var name: String
    /// Short name; may be empty.
    public var shortName: String
    /// Kind of unit.
    public var kind: Identity.UnitKind
    /// Parent unit code; nil for the root.
    public var parentCode: String?
    /// NIP of the head; nil when vacant, and for the root, whose head (the Wali Kota) is an
    /// elected official and not an ASN.
    public var headNIP: String?
    /// True when the unit serves citizens at a counter.
    public var publicServicePoint: Bool

    /// A unit.
    public init(code: String, name: String, shortName: String, kind: Identity.UnitKind, parentCode: String?,
                headNIP: String?, publicServicePoint: Bool) {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.parentCode = parentCode
        self.headNIP = headNIP
        self.publicServicePoint = publicServicePoint
    }

    /// The unit as a contract message (active; unit_id and parent_unit_id are left for the store).
    public var unit: Identity.Unit {
        Identity.Unit(code: code, name: name, shortName: shortName, kind: kind, headNIP: headNIP ?? "",
                      publicServicePoint: publicServicePoint, active: true)
    }
}

/// One demo employee with the unit and atasan named by code and NIP.
public struct DemoEmployee: Sendable, Hashable {
    /// The employee; unit_id and atasan_nip are left empty (output-only or assigned by the store).
    public var employee: Identity.Employee
    /// Code of the employee's unit.
    public var unitCode: String
    /// NIP of the atasan langsung; nil only at the top (the Sekretaris Daerah) and for the
    /// first synthetic employee of each unit.
    public var atasanNIP: String?

    /// A demo employee.
    public init(employee: Identity.Employee, unitCode: String, atasanNIP: String?) {
        self.employee = employee
        self.unitCode = unitCode
        self.atasanNIP = atasanNIP
    }

    /// The name as printed: gelar depan, full name, gelar belakang (e.g. "dr. Maria Ndun, M.Kes.").
    public var displayName: String {
        var name = employee.fullName
        if !employee.gelarDepan.isEmpty { name = employee.gelarDepan + " " + name }
        if !employee.gelarBelakang.isEmpty { name += ", " + employee.gelarBelakang }
        return name
    }

    /// The employee as an import row (row_number 0; the CSV codec numbers rows).
    public var importRow: Identity.EmployeeImportRow {
        Identity.EmployeeImportRow(employee: employee, atasanNIP: atasanNIP ?? "", unitCode: unitCode)
    }
}

/// A named demo user, printed by the README.
public struct DemoUser: Sendable, Hashable {
    /// Persona name: `pegawai`, `atasan`, `pimpinan`, `pengelola`, `admin` or `auditor`.
    public var persona: String
    /// The user's NIP.
    public var nip: String
    /// Name with gelar, as printed.
    public var displayName: String
    /// Position title.
    public var jabatanName: String
    /// Code of the user's unit.
    public var unitCode: String
    /// Roles to grant beyond the implicit ROLE_PEGAWAI.
    public var roles: [DemoRoleGrant]

    /// A demo user.
    public init(persona: String, nip: String, displayName: String, jabatanName: String, unitCode: String,
                roles: [DemoRoleGrant]) {
        self.persona = persona
        self.nip = nip
        self.displayName = displayName
        self.jabatanName = jabatanName
        self.unitCode = unitCode
        self.roles = roles
    }
}

/// A role grant of a demo user, scoped by unit codes.
public struct DemoRoleGrant: Sendable, Hashable {
    /// The role.
    public var role: Common.Role
    /// Codes of the units in scope; empty = every unit (admin and auditor only).
    public var scopeUnitCodes: [String]
    /// True when the scope covers sub-units too.
    public var includeSubunits: Bool
    /// Reason recorded with the grant.
    public var reason: String

    /// A grant.
    public init(role: Common.Role, scopeUnitCodes: [String], includeSubunits: Bool, reason: String) {
        self.role = role
        self.scopeUnitCodes = scopeUnitCodes
        self.includeSubunits = includeSubunits
        self.reason = reason
    }
}

/// An acting official (Plt or Plh) of the demo, appointed by decree for a unit's head position.
public struct DemoActing: Sendable, Hashable {
    /// The unit whose head position is acted.
    public var unitCode: String
    /// The acting official.
    public var actingNIP: String
    /// PENILAI_KIND_PLT or PENILAI_KIND_PLH.
    public var kind: Common.PenilaiKind
    /// First and last WITA day.
    public var validFrom: Common.Date
    public var validUntil: Common.Date
    /// The decree.
    public var decreeNumber: String
    public var decreeDate: Common.Date

    public init(unitCode: String, actingNIP: String, kind: Common.PenilaiKind, validFrom: Common.Date, validUntil: Common.Date,
                decreeNumber: String, decreeDate: Common.Date) {
        self.unitCode = unitCode
        self.actingNIP = actingNIP
        self.kind = kind
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.decreeNumber = decreeNumber
        self.decreeDate = decreeDate
    }
}
