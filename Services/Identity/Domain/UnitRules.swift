import KinerjaASN
public import KinerjaProto

/// The rules of an organisational unit: its fields (`identity.proto` Unit) and which kinds may
/// sit under which.
public enum UnitRules {
    /// Deepest depth a unit may have; the root has depth 0 (`identity.proto`: GetUnitTree
    /// refuses max_depth above 10).
    public static let maximumDepth = 10

    /// Allowed parent kinds for each child kind.
    ///
    /// Our inference from the structures of Perpres 18/2016 (Perangkat Daerah), PP 18/2016 and
    /// the Permendagri nomenclature rules for regional agencies, as `identity.proto` describes
    /// the tree (Pemerintah Daerah → Dinas/Badan/Kecamatan → Bidang/Bagian → Seksi/Subbag/UPT):
    ///
    /// | child | allowed parents | why |
    /// |---|---|---|
    /// | Pemerintah Daerah | none | the single root |
    /// | Sekretariat | Pemerintah Daerah | Sekretariat Daerah, Sekretariat DPRD |
    /// | Dinas, Badan, Inspektorat, Kecamatan | Pemerintah Daerah | perangkat daerah |
    /// | Kelurahan | Kecamatan | a kelurahan is part of a kecamatan |
    /// | Bidang | Dinas, Badan, Inspektorat | divisions; the Inspektorat's Inspektur Pembantu |
    /// | Bagian | Sekretariat | divisions of a sekretariat |
    /// | Seksi | Bidang, Kecamatan, Kelurahan, UPT | sections of a bidang, kecamatan, kelurahan or large UPT |
    /// | Subbagian | Sekretariat, Bagian, UPT | subbagian of a sekretariat or bagian; Subbag TU of a UPT |
    /// | UPT | Dinas, Badan, Bidang | UPT Daerah, e.g. a Puskesmas under Dinas Kesehatan |
    public static let allowedParentKinds: [Identity.UnitKind: Set<Identity.UnitKind>] = [
        .pemerintahDaerah: [],
        .sekretariat: [.pemerintahDaerah],
        .dinas: [.pemerintahDaerah],
        .badan: [.pemerintahDaerah],
        .inspektorat: [.pemerintahDaerah],
        .kecamatan: [.pemerintahDaerah],
        .kelurahan: [.kecamatan],
        .bidang: [.dinas, .badan, .inspektorat],
        .bagian: [.sekretariat],
        .seksi: [.bidang, .kecamatan, .kelurahan, .upt],
        .subbagian: [.sekretariat, .bagian, .upt],
        .upt: [.dinas, .badan, .bidang],
    ]

    /// True when a unit of kind `child` may be placed directly under a unit of kind `parent`.
    public static func isAllowed(child: Identity.UnitKind, under parent: Identity.UnitKind) -> Bool {
        allowedParentKinds[child]?.contains(parent) ?? false
    }

    /// Every violation of the field rules of `unit`; empty when valid.
    ///
    /// Checks code, name, short_name, kind, head_nip's format and that only a Pemerintah Daerah
    /// has no parent. Tree rules (existence of the parent, cycles, kinds, depth) are on ``UnitTree``.
    public static func violations(_ unit: Identity.Unit, fieldPrefix: String = "unit.") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ reason: String, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: reason))
        }
        if let problem = codeProblem(unit.code) {
            add("code", problem.reason, problem.description)
        }
        let nameCount = unit.name.unicodeScalars.count
        if unit.name.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            add("name", "NAME_REQUIRED", "name is required (1-200 characters, not only spaces)")
        } else if nameCount > 200 {
            add("name", "NAME_TOO_LONG", "name must be at most 200 characters, got \(nameCount)")
        }
        let shortCount = unit.shortName.unicodeScalars.count
        if shortCount > 50 {
            add("short_name", "SHORT_NAME_TOO_LONG", "short_name must be at most 50 characters, got \(shortCount)")
        }
        for (field, value) in [("name", unit.name), ("short_name", unit.shortName)]
        where value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            add(field, field.uppercased() + "_CONTROL_CHARACTER", "\(field) must not contain control characters")
        }
        switch unit.kind {
        case .unspecified:
            add("kind", "KIND_REQUIRED", "kind is required")
        case .unrecognized(let raw):
            add("kind", "KIND_UNKNOWN", "kind \(raw) is not a known unit kind")
        case .pemerintahDaerah:
            if !unit.parentUnitID.isEmpty {
                add("parent_unit_id", "ROOT_HAS_PARENT", "a Pemerintah Daerah is the root and has no parent_unit_id")
            }
        default:
            if unit.parentUnitID.isEmpty {
                add("parent_unit_id", "PARENT_REQUIRED", "parent_unit_id is required for every unit but the Pemerintah Daerah root")
            }
        }
        if !unit.headNIP.isEmpty, !NIP.hasValidFormat(unit.headNIP) {
            add("head_nip", "HEAD_NIP_MALFORMED", "head_nip must be empty or 18 digits")
        }
        return out
    }

    /// Why `code` is not a valid unit code (1–64 of `A`–`Z`, `0`–`9`, `.`, `-`, `_`), or nil.
    public static func codeProblem(_ code: String) -> (reason: String, description: String)? {
        let bytes = Array(code.utf8)
        if bytes.isEmpty { return ("CODE_REQUIRED", "code is required (1-64 characters)") }
        if bytes.count > 64 { return ("CODE_TOO_LONG", "code must be at most 64 characters, got \(code.unicodeScalars.count)") }
        let allowed = bytes.allSatisfy {
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
        }
        if !allowed {
            return ("CODE_BAD_CHARACTER", "code may contain only A-Z, 0-9, \".\", \"-\" and \"_\", got \"\(code)\"")
        }
        return nil
    }
}

/// Why a unit or a change to the unit tree breaks a tree rule.
public enum UnitRuleError: DomainRuleError, Hashable, CustomStringConvertible {
    /// Two units share an id.
    case duplicateUnit(String)
    /// A unit names a parent that does not exist.
    case unknownParent(unit: String, parent: String)
    /// A unit id that is not in the tree.
    case unknownUnit(String)
    /// No unit without a parent.
    case noRoot
    /// More than one unit without a parent.
    case multipleRoots([String])
    /// The root is not a Pemerintah Daerah.
    case rootKindNotPemerintahDaerah(String)
    /// A Pemerintah Daerah placed under another unit.
    case pemerintahDaerahNotRoot(String)
    /// The parent links form a cycle through these units.
    case cycle([String])
    /// Moving a unit under itself or one of its descendants.
    case moveCreatesCycle(unit: String, newParent: String)
    /// The root cannot be moved.
    case cannotMoveRoot(String)
    /// A kind not allowed under the parent's kind.
    case kindNotAllowed(unit: String, kind: Identity.UnitKind, parentKind: Identity.UnitKind)
    /// A unit would be deeper than ``UnitRules/maximumDepth``.
    case tooDeep(unit: String, depth: Int)
    /// A new unit or a moved one under an inactive parent.
    case inactiveParent(String)
    /// Deactivating a unit that still has active sub-units.
    case activeSubunits(unit: String, active: [String])

    /// Stable machine-readable reason, UPPER_SNAKE.
    public var code: String {
        switch self {
        case .duplicateUnit: "UNIT_DUPLICATE"
        case .unknownParent: "UNIT_UNKNOWN_PARENT"
        case .unknownUnit: "UNIT_UNKNOWN"
        case .noRoot: "UNIT_NO_ROOT"
        case .multipleRoots: "UNIT_MULTIPLE_ROOTS"
        case .rootKindNotPemerintahDaerah: "UNIT_ROOT_KIND"
        case .pemerintahDaerahNotRoot: "UNIT_PEMERINTAH_DAERAH_NOT_ROOT"
        case .cycle: "UNIT_CYCLE"
        case .moveCreatesCycle: "UNIT_MOVE_CREATES_CYCLE"
        case .cannotMoveRoot: "UNIT_CANNOT_MOVE_ROOT"
        case .kindNotAllowed: "UNIT_KIND_NOT_ALLOWED"
        case .tooDeep: "UNIT_TOO_DEEP"
        case .inactiveParent: "UNIT_INACTIVE_PARENT"
        case .activeSubunits: "UNIT_HAS_ACTIVE_SUBUNITS"
        }
    }

    /// What is wrong, in English.
    public var message: String {
        switch self {
        case .duplicateUnit(let id): "unit \(id) appears more than once"
        case .unknownParent(let unit, let parent): "unit \(unit) names parent \(parent), which does not exist"
        case .unknownUnit(let id): "unit \(id) does not exist"
        case .noRoot: "the unit tree has no root (a Pemerintah Daerah without parent)"
        case .multipleRoots(let ids): "the unit tree must have exactly one root, found \(ids.count): \(ids.joined(separator: ", "))"
        case .rootKindNotPemerintahDaerah(let id): "the root unit \(id) must be of kind UNIT_KIND_PEMERINTAH_DAERAH"
        case .pemerintahDaerahNotRoot(let id): "unit \(id) is a Pemerintah Daerah and must be the root"
        case .cycle(let ids): "parent links form a cycle through \(ids.joined(separator: " -> "))"
        case .moveCreatesCycle(let unit, let parent): "moving unit \(unit) under \(parent) would create a cycle (\(parent) is \(unit) or lies below it)"
        case .cannotMoveRoot(let id): "the root unit \(id) cannot be moved"
        case .kindNotAllowed(let unit, let kind, let parentKind):
            "unit \(unit) of kind \(kind.protoName ?? String(kind.rawValue)) cannot be placed under a unit of kind \(parentKind.protoName ?? String(parentKind.rawValue))"
        case .tooDeep(let unit, let depth): "unit \(unit) would be at depth \(depth); at most \(UnitRules.maximumDepth) allowed"
        case .inactiveParent(let id): "parent unit \(id) is inactive and accepts no new sub-units"
        case .activeSubunits(let unit, let active): "unit \(unit) still has active sub-units: \(active.joined(separator: ", "))"
        }
    }

    /// Code and message (for logs, test output and the status message).
    public var description: String { "\(code): \(message)" }

    /// The `ErrorInfo` reason (the same as ``code``).
    public var reason: String { code }

    /// Unknown units are NOT_FOUND, states of the tree FAILED_PRECONDITION, the rest INVALID_ARGUMENT.
    public var statusCode: RPCError.Code {
        switch self {
        case .unknownParent, .unknownUnit: .notFound
        case .inactiveParent, .activeSubunits, .multipleRoots, .noRoot: .failedPrecondition
        default: .invalidArgument
        }
    }

    /// The status, naming the `unit` field for INVALID_ARGUMENT.
    public var rpcStatus: RPCError? {
        guard statusCode == .invalidArgument else { return RPCError(statusCode, description, reason: code) }
        var badRequest = RPC.StatusDetail()
        badRequest.detail = .badRequest(RPC.BadRequest(fieldViolations: [Common.FieldViolation(field: "unit", description: description, reason: code)]))
        return RPCError(.invalidArgument, "unit: \(description)", reason: code, details: [badRequest])
    }
}
