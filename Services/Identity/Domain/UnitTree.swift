public import KinerjaProto

/// The unit tree as a plain value: structure checks, moves, scope and ancestry questions.
///
/// Built from every unit's id, parent, kind and active flag. Construction enforces the
/// structural invariants the service relies on everywhere: unique ids, known parents, exactly
/// one root and it a Pemerintah Daerah, no cycles, depth at most ``UnitRules/maximumDepth``.
/// Parent-kind rules (``UnitRules/allowedParentKinds``) are enforced on changes
/// (``validateInsertion(id:parentID:kind:)``, ``validateMove(_:under:)``,
/// ``validateKindChange(_:to:)``) and reported for stored data by ``kindViolations()``,
/// so that a table change never makes an existing tree unloadable. (With today's table no
/// legal tree is deeper than 4 — Pemda → Dinas → Bidang → UPT → Seksi — so the depth limit
/// guards stored or imported data and future table changes.)
public struct UnitTree: Sendable, Hashable {
    /// One unit as the tree sees it.
    public struct Node: Sendable, Hashable {
        /// Unit id.
        public var id: String
        /// Parent unit id; nil for the root.
        public var parentID: String?
        /// Kind of unit.
        public var kind: Identity.UnitKind
        /// False once dissolved.
        public var active: Bool

        /// A node.
        public init(id: String, parentID: String?, kind: Identity.UnitKind, active: Bool = true) {
            self.id = id
            self.parentID = parentID
            self.kind = kind
            self.active = active
        }
    }

    /// Id of the root (the Pemerintah Daerah).
    public let rootID: String
    private let nodes: [String: Node]
    private let childIDs: [String: [String]]
    private let depths: [String: Int]

    /// Builds and checks the tree.
    ///
    /// - Throws: ``UnitRuleError`` for a duplicate id, an unknown parent, no root or more than
    ///   one, a root that is not a Pemerintah Daerah (or a Pemerintah Daerah below the root),
    ///   a cycle, or a unit deeper than ``UnitRules/maximumDepth``.
    public init(_ units: [Node]) throws(UnitRuleError) {
        var nodes: [String: Node] = [:]
        for unit in units {
            guard nodes.updateValue(unit, forKey: unit.id) == nil else { throw .duplicateUnit(unit.id) }
        }
        var children: [String: [String]] = [:]
        var roots: [String] = []
        for unit in units {
            if let parent = unit.parentID {
                guard nodes[parent] != nil else { throw .unknownParent(unit: unit.id, parent: parent) }
                children[parent, default: []].append(unit.id)
            } else {
                roots.append(unit.id)
            }
        }
        guard let root = roots.first else {
            if let any = units.first { throw .cycle(Self.cycle(from: any.id, in: nodes)) }
            throw .noRoot
        }
        guard roots.count == 1 else { throw .multipleRoots(roots.sorted()) }
        guard nodes[root]?.kind == .pemerintahDaerah else { throw .rootKindNotPemerintahDaerah(root) }
        for key in children.keys { children[key]?.sort() }

        // Breadth-first from the root; a unit never reached sits on (or hangs off) a cycle.
        var depths: [String: Int] = [root: 0]
        var queue = [root]
        var index = 0
        while index < queue.count {
            let id = queue[index]
            index += 1
            let depth = depths[id, default: 0]
            for child in children[id] ?? [] {
                guard depth + 1 <= UnitRules.maximumDepth else { throw .tooDeep(unit: child, depth: depth + 1) }
                depths[child] = depth + 1
                queue.append(child)
            }
        }
        if depths.count != nodes.count, let stray = units.first(where: { depths[$0.id] == nil }) {
            throw .cycle(Self.cycle(from: stray.id, in: nodes))
        }
        for unit in units where unit.kind == .pemerintahDaerah && unit.id != root {
            throw .pemerintahDaerahNotRoot(unit.id)
        }
        self.rootID = root
        self.nodes = nodes
        self.childIDs = children
        self.depths = depths
    }

    /// Builds the tree from contract units (an empty parent_unit_id marks the root).
    public init(units: [Identity.Unit]) throws(UnitRuleError) {
        try self.init(units.map {
            Node(id: $0.unitID, parentID: $0.parentUnitID.isEmpty ? nil : $0.parentUnitID, kind: $0.kind, active: $0.active)
        })
    }

    /// Number of units.
    public var count: Int { nodes.count }

    /// The unit with this id, if any.
    public func node(_ id: String) -> Node? { nodes[id] }

    /// Direct sub-units of `id`, sorted by id.
    public func children(of id: String) -> [String] { childIDs[id] ?? [] }

    /// Depth of `id` (0 for the root); nil for an unknown unit.
    public func depth(of id: String) -> Int? { depths[id] }

    /// Ancestors of `id`, nearest (parent) first and the root last; empty for the root or an unknown unit.
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = nodes[id]?.parentID
        while let parent = current {
            result.append(parent)
            current = nodes[parent]?.parentID
        }
        return result
    }

    /// Every unit below `id` (all levels), depth-first with siblings sorted by id; excludes `id`.
    public func descendants(of id: String) -> [String] {
        var result: [String] = []
        var stack = Array(children(of: id).reversed())
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: children(of: next).reversed())
        }
        return result
    }

    /// True when `unit` is one of `scope`, or lies below one of them and `includeSubunits` is set.
    ///
    /// An empty scope contains nothing: a grant that covers "every unit" (admin, auditor with
    /// no scope) must be recognised by the caller, so a forgotten scope never widens access.
    public func isWithin(_ unit: String, scope: some Sequence<String>, includeSubunits: Bool) -> Bool {
        guard nodes[unit] != nil else { return false }
        let scopeSet = Set(scope)
        if scopeSet.contains(unit) { return true }
        guard includeSubunits else { return false }
        return ancestors(of: unit).contains(where: scopeSet.contains)
    }

    /// True when placing `id` under `newParent` would make a unit its own ancestor.
    public func wouldCreateCycle(moving id: String, under newParent: String) -> Bool {
        newParent == id || ancestors(of: newParent).contains(id)
    }

    /// Checks that a new unit `id` of `kind` may be created under `parentID` (nil: as the root).
    public func validateInsertion(id: String, parentID: String?, kind: Identity.UnitKind) throws(UnitRuleError) {
        guard nodes[id] == nil else { throw .duplicateUnit(id) }
        guard let parentID else { throw .multipleRoots([rootID, id].sorted()) }
        guard let parent = nodes[parentID] else { throw .unknownParent(unit: id, parent: parentID) }
        guard parent.active else { throw .inactiveParent(parentID) }
        guard kind != .pemerintahDaerah else { throw .pemerintahDaerahNotRoot(id) }
        let depth = (depths[parentID] ?? 0) + 1
        guard depth <= UnitRules.maximumDepth else { throw .tooDeep(unit: id, depth: depth) }
        guard UnitRules.isAllowed(child: kind, under: parent.kind) else {
            throw .kindNotAllowed(unit: id, kind: kind, parentKind: parent.kind)
        }
    }

    /// Checks that `id` (with its subtree) may move under `newParent`.
    public func validateMove(_ id: String, under newParent: String) throws(UnitRuleError) {
        guard let unit = nodes[id] else { throw .unknownUnit(id) }
        guard let parent = nodes[newParent] else { throw .unknownParent(unit: id, parent: newParent) }
        guard id != rootID else { throw .cannotMoveRoot(id) }
        guard !wouldCreateCycle(moving: id, under: newParent) else { throw .moveCreatesCycle(unit: id, newParent: newParent) }
        guard parent.active || !unit.active else { throw .inactiveParent(newParent) }
        // The whole subtree moves, so its deepest unit must still fit.
        let newDepth = (depths[newParent] ?? 0) + 1
        let deepest = newDepth + height(of: id)
        guard deepest <= UnitRules.maximumDepth else { throw .tooDeep(unit: id, depth: deepest) }
        guard UnitRules.isAllowed(child: unit.kind, under: parent.kind) else {
            throw .kindNotAllowed(unit: id, kind: unit.kind, parentKind: parent.kind)
        }
    }

    /// Checks that `id` may change to `kind`: allowed under its parent and above each child.
    public func validateKindChange(_ id: String, to kind: Identity.UnitKind) throws(UnitRuleError) {
        guard let unit = nodes[id] else { throw .unknownUnit(id) }
        if let parentID = unit.parentID, let parent = nodes[parentID] {
            guard kind != .pemerintahDaerah else { throw .pemerintahDaerahNotRoot(id) }
            guard UnitRules.isAllowed(child: kind, under: parent.kind) else {
                throw .kindNotAllowed(unit: id, kind: kind, parentKind: parent.kind)
            }
        } else if kind != .pemerintahDaerah {
            throw .rootKindNotPemerintahDaerah(id)
        }
        for childID in children(of: id) {
            guard let child = nodes[childID] else { continue }
            guard UnitRules.isAllowed(child: child.kind, under: kind) else {
                throw .kindNotAllowed(unit: childID, kind: child.kind, parentKind: kind)
            }
        }
    }

    /// Checks that `id` may be deactivated: none of its sub-units is still active.
    ///
    /// Active employees are the store's to check; this covers the tree half of the rule.
    public func validateDeactivation(_ id: String) throws(UnitRuleError) {
        guard nodes[id] != nil else { throw .unknownUnit(id) }
        let active = children(of: id).filter { nodes[$0]?.active == true }
        guard active.isEmpty else { throw .activeSubunits(unit: id, active: active) }
    }

    /// Every unit whose kind is not allowed under its parent's kind, in depth-first order.
    public func kindViolations() -> [UnitRuleError] {
        ([rootID] + descendants(of: rootID)).compactMap { id in
            guard let unit = nodes[id], let parentID = unit.parentID, let parent = nodes[parentID],
                  !UnitRules.isAllowed(child: unit.kind, under: parent.kind) else { return nil }
            return .kindNotAllowed(unit: id, kind: unit.kind, parentKind: parent.kind)
        }
    }

    /// Number of levels below `id` (0 for a leaf).
    public func height(of id: String) -> Int {
        guard let base = depths[id] else { return 0 }
        return descendants(of: id).reduce(0) { max($0, (depths[$1] ?? base) - base) }
    }

    private static func cycle(from start: String, in nodes: [String: Node]) -> [String] {
        var seen: [String: Int] = [:]
        var path: [String] = []
        var current: String? = start
        while let id = current {
            if let at = seen[id] { return Array(path[at...]) + [id] }
            seen[id] = path.count
            path.append(id)
            current = nodes[id]?.parentID
        }
        return path
    }
}
