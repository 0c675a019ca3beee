public import KinerjaProto

/// Builds a unit's cascade (pohon kinerja) and its Matriks Pembagian Peran dan Hasil from plain
/// rows (`planning.proto` GetCascade, CascadeNode, RoleMatrixRow).
///
/// - **Roots**: the RHKs of the unit head (the leader), in their SKP order. Without a leader,
///   the RHKs of the unit's highest-level employees (those whose atasan is not in the unit).
/// - **Children** of a node: the unit's RHKs whose parent_rhk_id is the node's RHK, ordered by
///   owner name, then NIP, then position. Every RHK appears at most once (a corrupt link cycle
///   cannot loop), and the tree is cut below ``maximumDepth`` levels.
/// - **Matrix**: one row per root RHK that has contributors; its cells are every RHK in the
///   root's subtree, with level = distance from the root (1 = direct bawahan), ordered by
///   level, then owner name, then NIP, then tree order.
/// - **Unlinked**: the unit's Utama RHKs that are neither roots nor reached from a root (no
///   parent, or a parent outside the cascade), each with its own subtree; ordered by owner
///   name, NIP, position. Tambahan RHKs without parent are expected and not listed.
/// - **Without SKP**: the unit's employees with no SKP for the year, in the order given.
/// - **Peran** (the role matrix by pair): one row per atasan → bawahan pair of members where a
///   bawahan RHK intervenes an atasan RHK, with every such link (parent, child, cascade type,
///   peran); rows ordered by atasan name and NIP, then bawahan name and NIP; links by the
///   parent's position, then the child's.
///
/// Runs in O(n log n) for n rows (sorting siblings); rows of employees outside the unit are ignored.
public struct CascadeBuilder: Sendable {
    /// Deepest level the tree is built to (far beyond any real supervisor chain).
    public static let maximumDepth = 64

    /// One RHK as the store reads it.
    public struct Row: Sendable, Hashable {
        /// RHK id.
        public var rhkID: String
        /// SKP id.
        public var skpID: String
        /// Owner NIP.
        public var ownerNIP: String
        /// Parent RHK id; empty when none.
        public var parentRhkID: String
        /// RHK text.
        public var text: String
        /// Utama or Tambahan.
        public var kind: Common.RhkKind
        /// IKI indicators, in order.
        public var indicators: [String]
        /// True when flagged for review.
        public var flagged: Bool
        /// State of the SKP version the row is read from.
        public var skpState: Planning.SkpState
        /// Position within the SKP.
        public var position: UInt32
        /// Direct or non-direct link to the parent.
        public var cascadeType: Planning.CascadeType
        /// The owner's peran in the parent result.
        public var peran: String

        /// A row.
        public init(rhkID: String, skpID: String, ownerNIP: String, parentRhkID: String, text: String, kind: Common.RhkKind,
                    indicators: [String], flagged: Bool, skpState: Planning.SkpState, position: UInt32,
                    cascadeType: Planning.CascadeType = .unspecified, peran: String = "") {
            self.cascadeType = cascadeType
            self.peran = peran
            self.rhkID = rhkID
            self.skpID = skpID
            self.ownerNIP = ownerNIP
            self.parentRhkID = parentRhkID
            self.text = text
            self.kind = kind
            self.indicators = indicators
            self.flagged = flagged
            self.skpState = skpState
            self.position = position
        }
    }

    /// One employee of the unit with their atasan.
    public struct Member: Sendable, Hashable {
        /// The employee.
        public var ref: Common.EmployeeRef
        /// Their atasan langsung; nil when none.
        public var atasanNIP: String?

        /// A member.
        public init(ref: Common.EmployeeRef, atasanNIP: String?) {
            self.ref = ref
            self.atasanNIP = atasanNIP
        }
    }

    /// The built cascade.
    public struct Cascade: Sendable, Hashable {
        /// The unit head whose RHKs are the roots; nil when the unit has none.
        public var leader: Common.EmployeeRef?
        /// One root per leader RHK.
        public var roots: [Planning.CascadeNode]
        /// One row per root RHK with contributors.
        public var matrix: [Planning.RoleMatrixRow]
        /// Employees with no SKP for the year.
        public var withoutSkp: [Common.EmployeeRef]
        /// Utama RHKs that intervene no RHK of the cascade.
        public var unlinked: [Planning.CascadeNode]
        /// One row per atasan → bawahan pair with links.
        public var peran: [Planning.PeranRow] = []
    }

    private let members: [Member]
    private let refs: [String: Common.EmployeeRef]
    private let leaderNIP: String?

    /// A builder for the unit's `members`, led by `leaderNIP` (ignored when not a member).
    public init(members: [Member], leaderNIP: String?) {
        self.members = members
        var refs: [String: Common.EmployeeRef] = [:]
        for member in members where refs[member.ref.nip] == nil { refs[member.ref.nip] = member.ref }
        self.refs = refs
        self.leaderNIP = leaderNIP.flatMap { refs[$0] == nil ? nil : $0 }
    }

    /// The cascade of `rows` (RHKs of one version per SKP).
    ///
    /// - Parameter skpOwners: NIPs that have an SKP for the year, when some SKPs may have no
    ///   RHK; nil = the owners of `rows`.
    public func build(rows allRows: [Row], skpOwners: Set<String>? = nil) -> Cascade {
        let rows = allRows.filter { refs[$0.ownerNIP] != nil }
        var childrenOf: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() where !row.parentRhkID.isEmpty {
            childrenOf[row.parentRhkID, default: []].append(index)
        }
        for key in childrenOf.keys { childrenOf[key]?.sort { precedes(rows[$0], rows[$1]) } }

        // Roots: the leader's RHKs, or the highest-level employees' RHKs.
        let rootOwners: Set<String>
        if let leaderNIP {
            rootOwners = [leaderNIP]
        } else {
            rootOwners = Set(members.filter { member in member.atasanNIP.map { refs[$0] == nil } ?? true }.map(\.ref.nip))
        }
        let rootIndices = rows.indices.filter { rootOwners.contains(rows[$0].ownerNIP) }.sorted {
            leaderNIP != nil ? (rows[$0].position, $0) < (rows[$1].position, $1) : precedes(rows[$0], rows[$1])
        }

        var placed = Set<Int>()
        func node(_ index: Int, depth: Int) -> Planning.CascadeNode {
            placed.insert(index)
            let row = rows[index]
            var children: [Planning.CascadeNode] = []
            if depth < Self.maximumDepth {
                for child in childrenOf[row.rhkID] ?? [] where !placed.contains(child) {
                    children.append(node(child, depth: depth + 1))
                }
            }
            return Planning.CascadeNode(
                owner: refs[row.ownerNIP], skpID: row.skpID, skpState: row.skpState, rhkID: row.rhkID, text: row.text,
                kind: row.kind, indicators: row.indicators, flaggedForReview: row.flagged, children: children)
        }
        // Mark every root first, so a root linked under another root stays a root.
        placed.formUnion(rootIndices)
        var roots: [Planning.CascadeNode] = []
        for index in rootIndices {
            placed.remove(index)
            roots.append(node(index, depth: 0))
        }

        var matrix: [Planning.RoleMatrixRow] = []
        for root in roots {
            // Breadth-first, so each level's cells arrive in tree order, the tie-breaker after name and NIP.
            var cells: [(cell: Planning.RoleMatrixCell, order: Int)] = []
            var level: [(node: Planning.CascadeNode, depth: UInt32)] = root.children.map { ($0, 1) }
            while !level.isEmpty {
                var next: [(node: Planning.CascadeNode, depth: UInt32)] = []
                for (child, depth) in level {
                    let cell = Planning.RoleMatrixCell(contributor: child.owner, rhkID: child.rhkID, rhkText: child.text, level: depth)
                    cells.append((cell, cells.count))
                    next.append(contentsOf: child.children.map { ($0, depth + 1) })
                }
                level = next
            }
            guard !cells.isEmpty else { continue }
            cells.sort { a, b in
                (a.cell.level, a.cell.contributor?.displayName ?? "", a.cell.contributor?.nip ?? "", a.order)
                    < (b.cell.level, b.cell.contributor?.displayName ?? "", b.cell.contributor?.nip ?? "", b.order)
            }
            matrix.append(Planning.RoleMatrixRow(parentRhkID: root.rhkID, parentRhkText: root.text, parentOwner: root.owner,
                                                 cells: cells.map(\.cell)))
        }

        // Unlinked: first the Utama RHKs whose parent is not in the cascade, with their
        // subtrees; then any Utama RHK still not reached (under an unlisted Tambahan, or on a
        // corrupt link cycle).
        let known = Set(rows.map(\.rhkID))
        let unplacedUtama = rows.indices.filter { !placed.contains($0) && rows[$0].kind == .utama }
            .sorted { precedes(rows[$0], rows[$1]) }
        var unlinked: [Planning.CascadeNode] = []
        for index in unplacedUtama where !placed.contains(index) && !known.contains(rows[index].parentRhkID) {
            unlinked.append(node(index, depth: 0))
        }
        for index in unplacedUtama where !placed.contains(index) {
            unlinked.append(node(index, depth: 0))
        }

        let owners = skpOwners ?? Set(rows.map(\.ownerNIP))
        let withoutSkp = members.filter { !owners.contains($0.ref.nip) }.map(\.ref)
        return Cascade(leader: leaderNIP.flatMap { refs[$0] }, roots: roots, matrix: matrix, withoutSkp: withoutSkp, unlinked: unlinked,
                       peran: peranRows(rows))
    }

    /// The role matrix by pair (see the type's documentation).
    private func peranRows(_ rows: [Row]) -> [Planning.PeranRow] {
        let byID = Dictionary(rows.map { ($0.rhkID, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [String: (atasan: String, bawahan: String, links: [(parent: Row, child: Row)])] = [:]
        for child in rows where !child.parentRhkID.isEmpty {
            guard let parent = byID[child.parentRhkID], parent.ownerNIP != child.ownerNIP else { continue }
            let key = parent.ownerNIP + ">" + child.ownerNIP
            pairs[key, default: (parent.ownerNIP, child.ownerNIP, [])].links.append((parent, child))
        }
        func order(_ nip: String) -> (String, String) { (refs[nip]?.displayName ?? "", nip) }
        return pairs.values.sorted { a, b in
            order(a.atasan) != order(b.atasan) ? order(a.atasan) < order(b.atasan) : order(a.bawahan) < order(b.bawahan)
        }.map { pair in
            let links = pair.links.sorted { a, b in
                (a.parent.position, a.parent.rhkID, a.child.position, a.child.rhkID) < (b.parent.position, b.parent.rhkID, b.child.position, b.child.rhkID)
            }
            return Planning.PeranRow(atasan: refs[pair.atasan], bawahan: refs[pair.bawahan], links: links.map { link in
                Planning.PeranLink(parentRhkID: link.parent.rhkID, parentRhkText: link.parent.text, rhkID: link.child.rhkID,
                                   rhkText: link.child.text, cascadeType: link.child.cascadeType, peran: link.child.peran)
            })
        }
    }

    /// Sibling order: owner name, NIP, position, then id.
    private func precedes(_ a: Row, _ b: Row) -> Bool {
        let nameA = refs[a.ownerNIP]?.displayName ?? ""
        let nameB = refs[b.ownerNIP]?.displayName ?? ""
        return (nameA, a.ownerNIP, a.position, a.rhkID) < (nameB, b.ownerNIP, b.position, b.rhkID)
    }
}
