import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Cascade builder")
struct CascadeBuilderTests {
    static func member(_ nip: String, _ name: String, atasan: String?) -> CascadeBuilder.Member {
        .init(ref: Common.EmployeeRef(nip: nip, displayName: name, jabatanName: "", unitID: "U"), atasanNIP: atasan)
    }

    static let members: [CascadeBuilder.Member] = [
        member("H", "Kepala Dinas", atasan: "SEKDA"),
        member("B1", "Agus", atasan: "H"),
        member("B2", "Benny", atasan: "H"),
        member("S1", "Yohana", atasan: "B1"),
        member("S2", "Maria", atasan: "B1"),
        member("S3", "Charles", atasan: "H"),
        member("U", "Umbu", atasan: "B2"),
        member("E", "Elsa", atasan: "B2"),
    ]

    static func row(_ id: String, _ owner: String, parent: String = "", kind: Common.RhkKind = .utama, position: UInt32 = 1,
                    flagged: Bool = false) -> CascadeBuilder.Row {
        .init(rhkID: id, skpID: "SKP-" + owner, ownerNIP: owner, parentRhkID: parent, text: "RHK " + id, kind: kind,
              indicators: ["IKI of " + id], flagged: flagged, skpState: .disetujui, position: position)
    }

    static let rows: [CascadeBuilder.Row] = [
        row("S2b", "S2", parent: "B1b", position: 2),
        row("H2", "H", parent: "SEKDA-1", position: 2),
        row("H1", "H", parent: "SEKDA-1", position: 1),
        row("H3", "H", position: 3),
        row("HT", "H", kind: .tambahan, position: 4),
        row("B1a", "B1", parent: "H1"),
        row("B1b", "B1", parent: "H2", position: 2, flagged: true),
        row("B2a", "B2", parent: "H1"),
        row("S1a", "S1", parent: "B1a"),
        row("S2a", "S2", parent: "B1a"),
        row("S3a", "S3", parent: "H2"),
        row("S3t", "S3", kind: .tambahan, position: 2),
        row("U2", "U", parent: "GONE", position: 2),
        row("U1", "U"),
        row("X1", "OUTSIDER", parent: "H1"),
    ]

    func ids(_ nodes: [Planning.CascadeNode]) -> [String] { nodes.map(\.rhkID) }

    @Test("the roots are the unit head's RHKs in SKP order; children intervene their parent, ordered by owner name")
    func tree() {
        let cascade = CascadeBuilder(members: Self.members, leaderNIP: "H").build(rows: Self.rows)
        #expect(cascade.leader?.nip == "H")
        #expect(ids(cascade.roots) == ["H1", "H2", "H3", "HT"])
        let h1 = cascade.roots[0]
        #expect(ids(h1.children) == ["B1a", "B2a"])
        #expect(ids(h1.children[0].children) == ["S2a", "S1a"])
        #expect(ids(cascade.roots[1].children) == ["B1b", "S3a"])
        #expect(ids(cascade.roots[1].children[0].children) == ["S2b"])
        #expect(cascade.roots[1].children[0].flaggedForReview)
        #expect(h1.owner?.displayName == "Kepala Dinas")
        #expect(h1.indicators == ["IKI of H1"])
        #expect(h1.skpState == .disetujui)
        #expect(h1.skpID == "SKP-H")
        // Rows of employees outside the unit are ignored.
        #expect(!cascade.roots.flatMap(\.children).map(\.rhkID).contains("X1"))
    }

    @Test("the matrix: one row per leader RHK with contributors; cells at any level below, level = distance, by level then name")
    func matrix() {
        let cascade = CascadeBuilder(members: Self.members, leaderNIP: "H").build(rows: Self.rows)
        #expect(cascade.matrix.map(\.parentRhkID) == ["H1", "H2"])
        let h1 = cascade.matrix[0]
        #expect(h1.parentRhkText == "RHK H1")
        #expect(h1.parentOwner?.nip == "H")
        #expect(h1.cells.map(\.rhkID) == ["B1a", "B2a", "S2a", "S1a"])
        #expect(h1.cells.map(\.level) == [1, 1, 2, 2])
        #expect(h1.cells.map { $0.contributor?.displayName ?? "" } == ["Agus", "Benny", "Maria", "Yohana"])
        #expect(cascade.matrix[1].cells.map(\.rhkID) == ["B1b", "S3a", "S2b"])
        #expect(cascade.matrix[1].cells.map(\.level) == [1, 1, 2])
    }

    @Test("unlinked: Utama RHKs that intervene no RHK of the cascade (no parent or a dangling one); Tambahan without parent are expected")
    func unlinked() {
        let cascade = CascadeBuilder(members: Self.members, leaderNIP: "H").build(rows: Self.rows)
        #expect(ids(cascade.unlinked) == ["U1", "U2"])
        #expect(!ids(cascade.unlinked).contains("S3t"))
    }

    @Test("employees of the unit with no SKP for the year")
    func withoutSkp() {
        let builder = CascadeBuilder(members: Self.members, leaderNIP: "H")
        #expect(builder.build(rows: Self.rows).withoutSkp.map(\.nip) == ["E"])
        // An SKP with no RHK yet still counts as an SKP.
        #expect(builder.build(rows: Self.rows, skpOwners: ["H", "B1", "B2", "S1", "S2", "S3", "U", "E"]).withoutSkp.isEmpty)
    }

    @Test("without a unit head the roots are the RHKs of the highest-level employees (their atasan is outside the unit)")
    func noLeader() {
        let members = Self.members.filter { $0.ref.nip != "H" }
        let cascade = CascadeBuilder(members: members, leaderNIP: nil).build(rows: Self.rows)
        #expect(cascade.leader == nil)
        #expect(ids(cascade.roots) == ["B1a", "B1b", "B2a", "S3a", "S3t"])
        #expect(ids(cascade.roots[0].children) == ["S2a", "S1a"])
        // A leader NIP that is not a member is ignored.
        #expect(CascadeBuilder(members: members, leaderNIP: "H").build(rows: Self.rows).leader == nil)
    }

    @Test("a corrupt link cycle cannot loop: each RHK appears once")
    func cycle() {
        let rows = [Self.row("P", "B1", parent: "Q"), Self.row("Q", "B2", parent: "P"), Self.row("H1", "H")]
        let cascade = CascadeBuilder(members: Self.members, leaderNIP: "H").build(rows: rows)
        func all(_ nodes: [Planning.CascadeNode]) -> [String] { nodes.flatMap { [$0.rhkID] + all($0.children) } }
        let listed = all(cascade.roots) + all(cascade.unlinked)
        #expect(listed.sorted() == ["H1", "P", "Q"])
    }

    @Test("a unit of 2 000 employees with 5 RHKs each builds quickly", .timeLimit(.minutes(1)))
    func large() {
        var members = [Self.member("L", "Leader", atasan: nil)]
        var rows = (1...5).map { Self.row("L\($0)", "L", position: UInt32($0)) }
        for b in 0..<40 {
            let bid = "B\(b)"
            members.append(Self.member(bid, "Kabid \(b)", atasan: "L"))
            rows += (1...5).map { Self.row("\(bid)-\($0)", bid, parent: "L\(($0 + b) % 5 + 1)", position: UInt32($0)) }
            for s in 0..<49 {
                let sid = "\(bid)S\(s)"
                members.append(Self.member(sid, "Staf \(b)-\(s)", atasan: bid))
                rows += (1...5).map { Self.row("\(sid)-\($0)", sid, parent: "\(bid)-\(($0 + s) % 5 + 1)", position: UInt32($0)) }
            }
        }
        #expect(members.count == 2001)
        let cascade = CascadeBuilder(members: members, leaderNIP: "L").build(rows: rows)
        #expect(cascade.roots.count == 5)
        #expect(cascade.matrix.reduce(0) { $0 + $1.cells.count } == rows.count - 5)
        #expect(cascade.unlinked.isEmpty)
    }

    @Test("the role matrix by pair: one row per atasan → bawahan pair with every link (parent, child, cascade type, peran), by atasan then bawahan name")
    func peranRows() {
        var rows = Self.rows
        for index in rows.indices where !rows[index].parentRhkID.isEmpty {
            rows[index].cascadeType = rows[index].ownerNIP == "B1" ? .direct : .nonDirect
            rows[index].peran = "Peran " + rows[index].ownerNIP
        }
        let cascade = CascadeBuilder(members: Self.members, leaderNIP: "H").build(rows: rows)
        let pairs = cascade.peran.map { "\($0.atasan?.nip ?? "")>\($0.bawahan?.nip ?? "")" }
        #expect(Set(pairs).count == pairs.count, "one row per pair")
        for row in cascade.peran {
            #expect(!row.links.isEmpty)
            for link in row.links {
                let child = rows.first { $0.rhkID == link.rhkID }
                let parent = rows.first { $0.rhkID == link.parentRhkID }
                #expect(child?.ownerNIP == row.bawahan?.nip && parent?.ownerNIP == row.atasan?.nip)
                #expect(link.cascadeType == child?.cascadeType && link.peran == "Peran " + (child?.ownerNIP ?? ""))
                #expect(link.parentRhkText == parent?.text && link.rhkText == child?.text)
            }
        }
        // Ordered by atasan name, then bawahan name (Agus < Benny < Kepala Dinas).
        let names = cascade.peran.map { ($0.atasan?.displayName ?? "") + "|" + ($0.bawahan?.displayName ?? "") }
        #expect(names == names.sorted())
        #expect(names.first == "Agus|Maria")
        // A link to an RHK outside the unit (the Sekretaris Daerah's) makes no row.
        #expect(!pairs.contains { $0.hasPrefix("SEKDA>") })
    }
}
