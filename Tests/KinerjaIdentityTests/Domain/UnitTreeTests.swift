import KinerjaIdentity
import KinerjaProto
import Testing

@Suite("Unit tree")
struct UnitTreeTests {
    typealias Node = UnitTree.Node

    /// KPG ─┬─ DUKCAPIL ── PIAK ── SIAK
    ///      ├─ BKPSDM
    ///      └─ KEC ── KEL
    static let nodes = [
        Node(id: "KPG", parentID: nil, kind: .pemerintahDaerah),
        Node(id: "DUKCAPIL", parentID: "KPG", kind: .dinas),
        Node(id: "PIAK", parentID: "DUKCAPIL", kind: .bidang),
        Node(id: "SIAK", parentID: "PIAK", kind: .seksi),
        Node(id: "BKPSDM", parentID: "KPG", kind: .badan),
        Node(id: "KEC", parentID: "KPG", kind: .kecamatan),
        Node(id: "KEL", parentID: "KEC", kind: .kelurahan),
    ]

    func tree(_ nodes: [Node] = nodes) throws -> UnitTree { try UnitTree(nodes) }

    /// A chain KPG → L1 → … → L`depth`, all bidang below the root (kinds are not checked on load).
    func chain(depth: Int) -> [Node] {
        [Node(id: "KPG", parentID: nil, kind: .pemerintahDaerah)]
            + (1...depth).map { Node(id: "L\($0)", parentID: $0 == 1 ? "KPG" : "L\($0 - 1)", kind: .bidang) }
    }

    @Test("the tree has exactly one root, and it is a Pemerintah Daerah")
    func singleRoot() throws {
        #expect(try tree().rootID == "KPG")
        #expect(throws: UnitRuleError.noRoot) { try UnitTree([]) }
        #expect(throws: UnitRuleError.multipleRoots(["KPG", "KPG2"])) {
            try tree(Self.nodes + [Node(id: "KPG2", parentID: nil, kind: .pemerintahDaerah)])
        }
        #expect(throws: UnitRuleError.rootKindNotPemerintahDaerah("DINAS")) {
            try UnitTree([Node(id: "DINAS", parentID: nil, kind: .dinas)])
        }
        #expect(throws: UnitRuleError.pemerintahDaerahNotRoot("PEMDA2")) {
            try tree(Self.nodes + [Node(id: "PEMDA2", parentID: "KPG", kind: .pemerintahDaerah)])
        }
    }

    @Test("ids are unique, parents exist, and parent links never form a cycle")
    func structure() {
        #expect(throws: UnitRuleError.duplicateUnit("KEC")) { try tree(Self.nodes + [Node(id: "KEC", parentID: "KPG", kind: .kecamatan)]) }
        #expect(throws: UnitRuleError.unknownParent(unit: "X", parent: "NOPE")) { try tree(Self.nodes + [Node(id: "X", parentID: "NOPE", kind: .seksi)]) }
        #expect(throws: UnitRuleError.cycle(["A", "B", "A"])) {
            try tree(Self.nodes + [Node(id: "A", parentID: "B", kind: .bidang), Node(id: "B", parentID: "A", kind: .seksi)])
        }
    }

    @Test("moving a unit under itself or one of its descendants is refused as a cycle")
    func noCycles() throws {
        let t = try tree()
        #expect(t.wouldCreateCycle(moving: "DUKCAPIL", under: "SIAK"))
        #expect(t.wouldCreateCycle(moving: "DUKCAPIL", under: "DUKCAPIL"))
        #expect(!t.wouldCreateCycle(moving: "SIAK", under: "KEC"))
        #expect(throws: UnitRuleError.moveCreatesCycle(unit: "DUKCAPIL", newParent: "SIAK")) { try t.validateMove("DUKCAPIL", under: "SIAK") }
        #expect(throws: UnitRuleError.moveCreatesCycle(unit: "PIAK", newParent: "PIAK")) { try t.validateMove("PIAK", under: "PIAK") }
        #expect(throws: UnitRuleError.cannotMoveRoot("KPG")) { try t.validateMove("KPG", under: "KEC") }
        #expect(throws: UnitRuleError.unknownUnit("NOPE")) { try t.validateMove("NOPE", under: "KEC") }
    }

    @Test("a unit's kind must be allowed under its parent's kind, on insertion, move and kind change")
    func allowedKinds() throws {
        let t = try tree()
        try t.validateInsertion(id: "SEKSI-KEL", parentID: "KEL", kind: .seksi)
        try t.validateInsertion(id: "PKM", parentID: "DUKCAPIL", kind: .upt)
        #expect(throws: UnitRuleError.kindNotAllowed(unit: "B2", kind: .bidang, parentKind: .kecamatan)) {
            try t.validateInsertion(id: "B2", parentID: "KEC", kind: .bidang)
        }
        #expect(throws: UnitRuleError.kindNotAllowed(unit: "K2", kind: .kelurahan, parentKind: .dinas)) {
            try t.validateInsertion(id: "K2", parentID: "DUKCAPIL", kind: .kelurahan)
        }
        #expect(throws: UnitRuleError.pemerintahDaerahNotRoot("P2")) { try t.validateInsertion(id: "P2", parentID: "KPG", kind: .pemerintahDaerah) }
        #expect(throws: UnitRuleError.multipleRoots(["KPG", "ROOT2"])) { try t.validateInsertion(id: "ROOT2", parentID: nil, kind: .pemerintahDaerah) }
        #expect(throws: UnitRuleError.duplicateUnit("KEL")) { try t.validateInsertion(id: "KEL", parentID: "KEC", kind: .kelurahan) }
        #expect(throws: UnitRuleError.unknownParent(unit: "N", parent: "NOPE")) { try t.validateInsertion(id: "N", parentID: "NOPE", kind: .seksi) }

        try t.validateMove("SIAK", under: "KEC")       // a seksi may sit under a kecamatan
        #expect(throws: UnitRuleError.kindNotAllowed(unit: "PIAK", kind: .bidang, parentKind: .kecamatan)) { try t.validateMove("PIAK", under: "KEC") }
        try t.validateMove("PIAK", under: "BKPSDM")

        try t.validateKindChange("DUKCAPIL", to: .badan)
        #expect(throws: UnitRuleError.kindNotAllowed(unit: "PIAK", kind: .bidang, parentKind: .kecamatan)) {
            try t.validateKindChange("DUKCAPIL", to: .kecamatan)
        }
        #expect(throws: UnitRuleError.kindNotAllowed(unit: "SIAK", kind: .subbagian, parentKind: .bidang)) {
            try t.validateKindChange("SIAK", to: .subbagian)
        }
        #expect(throws: UnitRuleError.rootKindNotPemerintahDaerah("KPG")) { try t.validateKindChange("KPG", to: .dinas) }
    }

    @Test("stored data with a kind the table does not allow still loads, and the mismatch is reported")
    func kindViolations() throws {
        let t = try tree(Self.nodes + [Node(id: "ODD", parentID: "KEC", kind: .bidang)])
        #expect(t.kindViolations() == [.kindNotAllowed(unit: "ODD", kind: .bidang, parentKind: .kecamatan)])
        #expect(try tree().kindViolations().isEmpty)
    }

    @Test("depth is at most 10, the root being 0")
    func depthLimit() throws {
        let t = try tree(chain(depth: 10))
        #expect(t.depth(of: "KPG") == 0 && t.depth(of: "L10") == 10)
        #expect(throws: UnitRuleError.tooDeep(unit: "L11", depth: 11)) { try tree(chain(depth: 11)) }
        #expect(throws: UnitRuleError.tooDeep(unit: "L11", depth: 11)) { try t.validateInsertion(id: "L11", parentID: "L10", kind: .bidang) }
        // Moving L8 (with L9, L10 below) one level lower would put L10 at depth 11.
        let wide = try tree(chain(depth: 10) + [Node(id: "SIDE", parentID: "L7", kind: .bidang)])
        #expect(wide.height(of: "L8") == 2)
        #expect(throws: UnitRuleError.tooDeep(unit: "L8", depth: 11)) { try wide.validateMove("L8", under: "SIDE") }
    }

    @Test("new sub-units and moves need an active parent; deactivation needs no active sub-units")
    func activeRules() throws {
        var nodes = Self.nodes
        nodes[6].active = false   // KEL dissolved
        let t = try tree(nodes)
        #expect(throws: UnitRuleError.inactiveParent("KEL")) { try t.validateInsertion(id: "S", parentID: "KEL", kind: .seksi) }
        #expect(throws: UnitRuleError.inactiveParent("KEL")) { try t.validateMove("SIAK", under: "KEL") }
        try t.validateDeactivation("KEC")
        #expect(throws: UnitRuleError.activeSubunits(unit: "DUKCAPIL", active: ["PIAK"])) { try t.validateDeactivation("DUKCAPIL") }
    }

    @Test("ancestors run from the parent to the root; descendants cover every level below")
    func ancestry() throws {
        let t = try tree()
        #expect(t.ancestors(of: "SIAK") == ["PIAK", "DUKCAPIL", "KPG"])
        #expect(t.ancestors(of: "KPG") == [])
        #expect(t.ancestors(of: "NOPE") == [])
        #expect(t.descendants(of: "KPG") == ["BKPSDM", "DUKCAPIL", "PIAK", "SIAK", "KEC", "KEL"])
        #expect(t.descendants(of: "DUKCAPIL") == ["PIAK", "SIAK"])
        #expect(t.descendants(of: "SIAK") == [])
        #expect(t.children(of: "KPG") == ["BKPSDM", "DUKCAPIL", "KEC"])
        #expect(t.count == 7)
    }

    @Test("a unit is within a scope when it is a scope unit, or below one and sub-units are included; an empty scope holds nothing")
    func scope() throws {
        let t = try tree()
        #expect(t.isWithin("SIAK", scope: ["DUKCAPIL"], includeSubunits: true))
        #expect(!t.isWithin("SIAK", scope: ["DUKCAPIL"], includeSubunits: false))
        #expect(t.isWithin("DUKCAPIL", scope: ["DUKCAPIL"], includeSubunits: false))
        #expect(t.isWithin("KEL", scope: ["KPG"], includeSubunits: true))
        #expect(!t.isWithin("KEL", scope: ["DUKCAPIL", "BKPSDM"], includeSubunits: true))
        #expect(!t.isWithin("KPG", scope: ["DUKCAPIL"], includeSubunits: true))
        #expect(!t.isWithin("SIAK", scope: [], includeSubunits: true))
        #expect(!t.isWithin("NOPE", scope: ["KPG"], includeSubunits: true))
    }

    @Test("the tree can be built from contract units, an empty parent marking the root")
    func fromUnits() throws {
        let t = try UnitTree(units: [
            Identity.Unit(unitID: "u1", code: "KPG", kind: .pemerintahDaerah, active: true),
            Identity.Unit(unitID: "u2", code: "KPG.BKPSDM", kind: .badan, parentUnitID: "u1", active: true),
        ])
        #expect(t.rootID == "u1" && t.children(of: "u1") == ["u2"])
    }

    @Test("every tree error has a distinct UPPER_SNAKE code and a message")
    func errorCodes() {
        let errors: [UnitRuleError] = [
            .duplicateUnit("a"), .unknownParent(unit: "a", parent: "b"), .unknownUnit("a"), .noRoot, .multipleRoots(["a"]),
            .rootKindNotPemerintahDaerah("a"), .pemerintahDaerahNotRoot("a"), .cycle(["a"]), .moveCreatesCycle(unit: "a", newParent: "b"),
            .cannotMoveRoot("a"), .kindNotAllowed(unit: "a", kind: .seksi, parentKind: .dinas), .tooDeep(unit: "a", depth: 11),
            .inactiveParent("a"), .activeSubunits(unit: "a", active: ["b"]),
        ]
        #expect(Set(errors.map(\.code)).count == errors.count)
        for error in errors {
            #expect(error.code.allSatisfy { $0.isUppercase || $0 == "_" } && !error.message.isEmpty)
        }
    }
}
