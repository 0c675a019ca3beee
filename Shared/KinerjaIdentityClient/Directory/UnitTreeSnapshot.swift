public import KinerjaProto

/// The unit tree as identity published it at one revision: lookups by id and code, ancestors
/// and subtrees, without asking identity again.
public struct UnitTreeSnapshot: Sendable {
    /// The tree's revision (GetUnitTreeResponse.tree_revision).
    public let revision: UInt64
    /// The root unit's id; nil for an empty tree.
    public let rootID: String?
    private let units: [String: Identity.Unit]
    private let children: [String: [String]]
    private let byCode: [String: String]

    /// A snapshot of the tree under `root`.
    public init(root: Identity.UnitNode?, revision: UInt64) {
        var units: [String: Identity.Unit] = [:]
        var children: [String: [String]] = [:]
        var stack = root.map { [$0] } ?? []
        while let node = stack.popLast() {
            guard let unit = node.unit else { continue }
            units[unit.unitID] = unit
            children[unit.unitID] = node.children.compactMap { $0.unit?.unitID }
            stack += node.children
        }
        self.init(units: Array(units.values), revision: revision, rootID: root?.unit?.unitID, children: children)
    }

    /// A snapshot of `units` (parent links give the shape).
    public init(units list: [Identity.Unit], revision: UInt64 = 0) {
        var children: [String: [String]] = [:]
        for unit in list where !unit.parentUnitID.isEmpty { children[unit.parentUnitID, default: []].append(unit.unitID) }
        self.init(units: list, revision: revision, rootID: list.first { $0.parentUnitID.isEmpty }?.unitID, children: children)
    }

    private init(units list: [Identity.Unit], revision: UInt64, rootID: String?, children: [String: [String]]) {
        self.revision = revision
        self.rootID = rootID
        self.units = Dictionary(list.map { ($0.unitID, $0) }, uniquingKeysWith: { first, _ in first })
        self.children = children.mapValues { $0.sorted() }
        self.byCode = Dictionary(list.map { ($0.code, $0.unitID) }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit with this id.
    public func unit(_ id: String) -> Identity.Unit? { units[id] }

    /// The unit with this code (e.g. `KPG.DUKCAPIL`).
    public func unit(code: String) -> Identity.Unit? { byCode[code].flatMap { units[$0] } }

    /// Ids of the unit's ancestors, parent first; nil for an unknown unit.
    public func ancestors(of id: String) -> [String]? {
        guard var unit = units[id] else { return nil }
        var result: [String] = []
        while !unit.parentUnitID.isEmpty, let parent = units[unit.parentUnitID], result.count < 64 {
            result.append(parent.unitID)
            unit = parent
        }
        return result
    }

    /// Ids of the unit and every unit below it (depth first, children by id); empty for an unknown unit.
    public func subtree(of id: String) -> [String] {
        guard units[id] != nil else { return [] }
        var result: [String] = []
        var stack = [id]
        while let next = stack.popLast() {
            result.append(next)
            stack += (children[next] ?? []).reversed()
        }
        return result
    }

    /// The direct sub-units of a unit.
    public func children(of id: String) -> [Identity.Unit] {
        (children[id] ?? []).compactMap { units[$0] }
    }

    /// Every unit.
    public var all: [Identity.Unit] { Array(units.values) }
}
