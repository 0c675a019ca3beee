import KinerjaProto
import Testing
@testable import kinerjactl

/// How `skp show` and `skp matrix` read.
@Suite("SKP text")
struct SkpTextTests {
    static let owner = "197503152000031002"
    static let atasan = "196805101990031003"
    static let bawahan = "198503122010012003"

    static func stamp(_ seconds: Int64, _ principal: String) -> Common.AuditStamp {
        Common.AuditStamp(principal: principal, principalKind: .user, at: Common.Timestamp(seconds: seconds))
    }

    static func quarterly(_ values: [Double], cumulative: Bool = false) -> [Planning.PeriodicTarget] {
        let triwulans: [Common.Triwulan] = [.i, .ii, .iii, .iv]
        return values.enumerated().map { index, value in
            Planning.PeriodicTarget(period: Common.Period(year: 2026, kind: .quarterly, triwulan: triwulans[index]),
                                    value: value, cumulative: cumulative)
        }
    }

    /// A JPT SKP, submitted: one Utama RHK intervening the atasan's RHK with two IKIs, one
    /// Tambahan RHK flagged for review with cumulative targets, expectations on the SKP and an RHK.
    static var skp: Planning.Skp {
        let utama = Planning.Rhk(
            rhkID: "01JRHK00000000000000000001", kind: .utama,
            text: "Meningkatnya kualitas layanan administrasi kependudukan",
            parentRhkID: "01JRHK0000000000000000000P", parentOwnerNIP: atasan,
            parentRhkText: "Meningkatnya kualitas pelayanan publik Kota Kupang", perspektif: .penerimaLayanan,
            ikis: [
                Planning.Iki(ikiID: "01JIKI00000000000000000001", aspek: .kuantitas, indicator: "Jumlah KTP-el diterbitkan",
                             annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
                             periodicTargets: quarterly([300, 300, 300, 300]), position: 1, aggregation: .sum),
                Planning.Iki(ikiID: "01JIKI00000000000000000002", aspek: .waktu, indicator: "Rata-rata waktu layanan",
                             annualTarget: Planning.Target(value: 3, unit: "hari", direction: .lowerIsBetter),
                             position: 2, aggregation: .average),
            ],
            position: 1, cascadeType: .nonDirect, peran: "Koordinator layanan")
        let tambahan = Planning.Rhk(
            rhkID: "01JRHK00000000000000000002", kind: .tambahan, text: "Terlaksananya pendataan penduduk rentan",
            parentRhkID: "01JRHK0000000000000000000Q", parentOwnerNIP: atasan, parentRhkText: "Data sosial terpadu",
            perspektif: .prosesBisnis,
            ikis: [
                Planning.Iki(ikiID: "01JIKI00000000000000000003", aspek: .kualitas, indicator: "Persentase data valid",
                             annualTarget: Planning.Target(value: 90, upperValue: Common.DoubleValue(value: 100), unit: "persen",
                                                           direction: .withinRange),
                             periodicTargets: quarterly([25, 50, 75, 100], cumulative: true), position: 1, aggregation: .latest),
            ],
            position: 2, penugasan: "Surat Tugas No. 800/123/2026",
            reviewFlag: Planning.RhkReviewFlag(parentRhkID: "01JRHK0000000000000000000Q", parentRevisionSeen: 3,
                                               parentRevisionCurrent: 5, changeSummary: "RHK text changed",
                                               flaggedAt: Common.Timestamp(seconds: 1_770_000_000)))
        return Planning.Skp(
            skpID: "01JSKP00000000000000000001", version: 2, nip: owner,
            employee: Common.EmployeeRef(nip: owner, displayName: "Drs. Yohanes Fanggidae, M.Si.",
                                         jabatanName: "Kepala Dinas Kependudukan dan Pencatatan Sipil"),
            year: 2026, periodStart: Common.Date(year: 2026, month: 1, day: 1), periodEnd: Common.Date(year: 2026, month: 12, day: 31),
            approach: .kuantitatif, jenisJabatan: .jpt, unitID: "01JUNIT0000000000000000001", atasanNIP: atasan,
            rhks: [utama, tambahan],
            behaviourExpectations: [
                Planning.BehaviourExpectation(value: .kolaboratif, ekspektasiKhusus: "Berbagi data dengan Dinas Sosial",
                                              rhkID: "01JRHK00000000000000000002"),
                Planning.BehaviourExpectation(value: .berorientasiPelayanan,
                                              ekspektasiKhusus: "Merespons pengaduan warga dalam 1×24 jam"),
            ],
            state: .diajukan, revisionReason: "Perubahan target triwulan III",
            created: stamp(1_767_657_600, owner), submitted: stamp(1_768_262_400, owner), revision: 9,
            lampiran: Planning.SkpLampiran(dukunganSumberDaya: ["Anggaran DPA 2026", "Dua unit perekam KTP-el"],
                                           konsekuensi: ["Dibahas dalam dialog kinerja"]))
    }

    static let names = SkpNames(employees: [atasan: "Jefri Riwu Kore"], unitName: "Dinas Kependudukan dan Pencatatan Sipil")

    @Test("skp show: header, RHKs with cascade link (type and peran), perspektif, review flag, IKI table, expectations, Lampiran")
    func show() {
        let text = SkpText.render(Self.skp, approvedVersion: 1, names: Self.names)
        #expect(text == """
        SKP:             01JSKP00000000000000000001
        Pegawai:         Drs. Yohanes Fanggidae, M.Si. (197503152000031002)
        Jabatan:         Kepala Dinas Kependudukan dan Pencatatan Sipil (JPT)
        Year:            2026 (2026-01-01 – 2026-12-31)
        Version:         2 — Diajukan, revision 9 (approved version in force: 1)
        Approach:        Kuantitatif
        Pejabat penilai: Jefri Riwu Kore (196805101990031003)
        Unit:            Dinas Kependudukan dan Pencatatan Sipil (01JUNIT0000000000000000001)
        Decision note:   —
        Revision reason: Perubahan target triwulan III
        Created:         2026-01-06 08:00 WITA by 197503152000031002
        Submitted:       2026-01-13 08:00 WITA by 197503152000031002
        Decided:         —

        RHK 1 · Utama · 01JRHK00000000000000000001
          Meningkatnya kualitas layanan administrasi kependudukan
          Intervenes: "Meningkatnya kualitas pelayanan publik Kota Kupang" — RHK of Jefri Riwu Kore (196805101990031003)
          Cascade: Non Direct · peran: Koordinator layanan
          Perspektif: Penerima Layanan
          #  ASPEK      INDICATOR                  TARGET        TW I  TW II  TW III  TW IV  IKI ID
          1  Kuantitas  Jumlah KTP-el diterbitkan  1200 dokumen   300    300     300    300  01JIKI00000000000000000001
          2  Waktu      Rata-rata waktu layanan    ≤ 3 hari         —      —       —      —  01JIKI00000000000000000002

        RHK 2 · Tambahan · 01JRHK00000000000000000002
          Terlaksananya pendataan penduduk rentan
          Intervenes: "Data sosial terpadu" — RHK of Jefri Riwu Kore (196805101990031003)
          Cascade: — (say direct or non-direct before submitting)
          Perspektif: Proses Bisnis
          Penugasan: Surat Tugas No. 800/123/2026
          ⚠ Review needed: the parent RHK changed (RHK text changed), revision 3 → 5, flagged 2026-02-02 10:40 WITA; check the link, then `kinerjactl skp acknowledge 01JRHK00000000000000000002 --note …`
          #  ASPEK     INDICATOR              TARGET            TW I    TW II   TW III     TW IV  IKI ID
          1  Kualitas  Persentase data valid  90–100 persen  s.d. 25  s.d. 50  s.d. 75  s.d. 100  01JIKI00000000000000000003

        Ekspektasi khusus (BerAKHLAK)
          Berorientasi Pelayanan: Merespons pengaduan warga dalam 1×24 jam
          Akuntabel:              —
          Kompeten:               —
          Harmonis:               —
          Loyal:                  —
          Adaptif:                —
          Kolaboratif (RHK 2):    Berbagi data dengan Dinas Sosial

        Lampiran
          Dukungan sumber daya:
            1. Anggaran DPA 2026
            2. Dua unit perekam KTP-el
          Skema pertanggungjawaban: —
          Konsekuensi:
            1. Dibahas dalam dialog kinerja
        """)
    }

    @Test("a draft shows that the pejabat penilai is recorded at submission, and an RHK without IKI says how to add one")
    func draft() {
        var skp = Planning.Skp(skpID: "S1", version: 1, nip: Self.bawahan, year: 2026, approach: .kualitatif,
                               unitID: "U1", state: .draft, revision: 1)
        skp.rhks = [Planning.Rhk(rhkID: "R1", kind: .utama, text: "Hasil", position: 1)]
        let names = SkpNames(currentAtasan: Common.EmployeeRef(nip: Self.owner, displayName: "Drs. Yohanes Fanggidae, M.Si."))
        let lines = SkpText.render(skp, names: names).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Pejabat penilai: — (recorded at submission; atasan now: Drs. Yohanes Fanggidae, M.Si. (197503152000031002))"))
        #expect(lines.contains("Approach:        Kualitatif"))
        #expect(lines.contains("  Intervenes: — (no parent RHK)"))
        #expect(lines.contains("  No IKI yet: add one with `kinerjactl skp add-iki S1 R1 …`."))
        #expect(!lines.contains { $0.hasPrefix("Revision reason") })
    }

    @Test("targets read as on the form: value and unit, range, at most, qualitative text; periodic cells and months")
    func targets() {
        #expect(SkpText.target(Planning.Target(value: 12.5, unit: "persen"), approach: .kuantitatif) == "12.5 persen")
        #expect(SkpText.target(Planning.Target(value: 80, upperValue: Common.DoubleValue(value: 100), unit: "persen",
                                               direction: .withinRange), approach: .kuantitatif) == "80–100 persen")
        #expect(SkpText.target(Planning.Target(value: 2, unit: "hari", direction: .lowerIsBetter), approach: .kuantitatif) == "≤ 2 hari")
        #expect(SkpText.target(Planning.Target(qualitativeText: "Laporan diterima tanpa revisi"), approach: .kualitatif)
            == "Laporan diterima tanpa revisi")
        #expect(SkpText.target(nil, approach: .kuantitatif) == "—")
        var iki = Planning.Iki(periodicTargets: Self.quarterly([0, 10]))
        #expect(SkpText.quarterCells(iki) == ["0", "10", "—", "—"])
        iki.periodicTargets = [1, 2, 12].map { month in
            Planning.PeriodicTarget(period: Common.Period(year: 2026, kind: .monthly, month: Int32(month)), value: 100)
        }
        #expect(SkpText.monthly(iki) == "Jan 100, Feb 100, Dec 100")
        #expect(SkpText.quarterCells(iki) == ["—", "—", "—", "—"])
    }

    static var cascade: Planning.GetCascadeResponse {
        let kadis = Common.EmployeeRef(nip: owner, displayName: "Drs. Yohanes Fanggidae, M.Si.")
        let kabid = Common.EmployeeRef(nip: bawahan, displayName: "Maria Ndun, S.Kom.")
        let staf = Common.EmployeeRef(nip: "199001012015031001", displayName: "Ani Lado")
        let leaf = Planning.CascadeNode(owner: staf, skpState: .draft, rhkID: "R3", text: "Terverifikasinya berkas KTP-el",
                                        kind: .utama, flaggedForReview: true)
        let middle = Planning.CascadeNode(owner: kabid, skpState: .disetujui, rhkID: "R2", text: "Terlayaninya penerbitan KTP-el",
                                          kind: .utama, children: [leaf])
        let extra = Planning.CascadeNode(owner: kabid, skpState: .disetujui, rhkID: "R4", text: "Terlaksananya jemput bola",
                                         kind: .tambahan)
        let root = Planning.CascadeNode(owner: kadis, skpState: .disetujui, rhkID: "R1",
                                        text: "Meningkatnya kualitas layanan adminduk", kind: .utama, children: [middle, extra])
        let other = Planning.CascadeNode(owner: kadis, skpState: .disetujui, rhkID: "R5", text: "Meningkatnya akurasi data",
                                         kind: .utama)
        return Planning.GetCascadeResponse(
            unitID: "U1", year: 2026, leader: kadis, roots: [root, other],
            matrix: [
                Planning.RoleMatrixRow(parentRhkID: "R1", parentRhkText: "Meningkatnya kualitas layanan adminduk", parentOwner: kadis,
                                       cells: [
                                           Planning.RoleMatrixCell(contributor: kabid, rhkID: "R2", rhkText: "Terlayaninya penerbitan KTP-el", level: 1),
                                           Planning.RoleMatrixCell(contributor: kabid, rhkID: "R4", rhkText: "Terlaksananya jemput bola", level: 1),
                                           Planning.RoleMatrixCell(contributor: staf, rhkID: "R3", rhkText: "Terverifikasinya berkas KTP-el", level: 2),
                                       ]),
                Planning.RoleMatrixRow(parentRhkID: "R5", parentRhkText: "Meningkatnya akurasi data", parentOwner: kadis,
                                       cells: [Planning.RoleMatrixCell(contributor: staf, rhkID: "R6", rhkText: "Termutakhirnya data", level: 2)]),
            ],
            withoutSkp: [Common.EmployeeRef(nip: "199205052019022001", displayName: "Yuliana Bani")],
            unlinked: [Planning.CascadeNode(owner: staf, skpState: .draft, rhkID: "R7", text: "Tersusunnya laporan", kind: .utama)])
    }

    @Test("skp matrix: leader RHKs as rows, contributors indented by level, then the gaps")
    func matrix() {
        #expect(SkpCascadeText.matrix(Self.cascade, unitLabel: "Dinas Dukcapil (KPG.DUKCAPIL)") == """
        Matriks Pembagian Peran dan Hasil — Dinas Dukcapil (KPG.DUKCAPIL), 2026
        Pimpinan: Drs. Yohanes Fanggidae, M.Si. (197503152000031002)

        HASIL (RHK)                             PEGAWAI                        NIP
        Meningkatnya kualitas layanan adminduk  Drs. Yohanes Fanggidae, M.Si.  197503152000031002
          Terlayaninya penerbitan KTP-el        Maria Ndun, S.Kom.             198503122010012003
          Terlaksananya jemput bola             Maria Ndun, S.Kom.             198503122010012003
            Terverifikasinya berkas KTP-el      Ani Lado                       199001012015031001

        Meningkatnya akurasi data               Drs. Yohanes Fanggidae, M.Si.  197503152000031002
            Termutakhirnya data                 Ani Lado                       199001012015031001

        Without an SKP for 2026 (1):
          Yuliana Bani (199205052019022001)

        Utama RHKs that intervene no RHK (1):
          Tersusunnya laporan — Ani Lado (199001012015031001) [Draft]
        """)
    }

    @Test("skp matrix --tree: the pohon kinerja with box characters, Tambahan and review marks")
    func tree() {
        let lines = SkpCascadeText.tree(Self.cascade, unitLabel: "KPG.DUKCAPIL").split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(8)) == [
            "Pohon kinerja — KPG.DUKCAPIL, 2026",
            "Pimpinan: Drs. Yohanes Fanggidae, M.Si. (197503152000031002)",
            "Meningkatnya kualitas layanan adminduk — Drs. Yohanes Fanggidae, M.Si. (197503152000031002) [Disetujui]",
            "├── Terlayaninya penerbitan KTP-el — Maria Ndun, S.Kom. (198503122010012003) [Disetujui]",
            "│   └── Terverifikasinya berkas KTP-el — Ani Lado (199001012015031001) [Draft] ⚠ review",
            "└── Terlaksananya jemput bola — Maria Ndun, S.Kom. (198503122010012003) (Tambahan) [Disetujui]",
            "Meningkatnya akurasi data — Drs. Yohanes Fanggidae, M.Si. (197503152000031002) [Disetujui]",
            "Without an SKP for 2026 (1):",
        ])
    }

    @Test("server text cannot move the cursor")
    func sanitized() {
        var skp = Self.skp
        skp.rhks[0].text = "Evil\u{1B}[2J\ntext"
        #expect(SkpText.render(skp, names: Self.names).contains("  Evil\u{FFFD}[2J text\n"))
    }

    @Test("skp show: an approved SKP shows its stamp (who, as which penilai, when, version, SHA-256) and its amendments, the new ones marked")
    func stampAndAmendments() {
        var skp = Self.skp
        skp.state = .disetujui
        let plt = Common.PenilaiRef(penilai: Common.EmployeeRef(nip: Self.atasan, displayName: "Jefri Riwu Kore"), kind: .plt, isAsn: true,
                                    decreeNumber: "800.1.3/012/DINKES/2026")
        skp.approval = Planning.SkpApproval(penilai: plt, at: Common.Timestamp(seconds: 1_768_262_400), version: 2,
                                            bodySha256: String(repeating: "ab", count: 32))
        let old = Planning.ExpectationAmendment(amendmentID: "A1", version: 2, expectations: [
            Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "Laporan tepat waktu")],
            reason: "ditegaskan", amended: Self.stamp(1_770_000_000, Self.atasan), seenByOwner: Common.Timestamp(seconds: 1_770_100_000))
        var fresh = old
        fresh.amendmentID = "A2"
        fresh.reason = "dipercepat"
        fresh.seenByOwner = nil
        skp.amendments = [old, fresh]
        let lines = SkpText.render(skp, names: Self.names, newAmendments: [fresh]).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("Approval stamp:  version 2, 2026-01-13 08:00 WITA, Jefri Riwu Kore (196805101990031003), PLT (800.1.3/012/DINKES/2026)"))
        #expect(lines.contains("SHA-256:         " + String(repeating: "ab", count: 32)))
        #expect(lines.contains("★ 1 new amendment of your ekspektasi khusus since you last read this SKP (below)."))
        #expect(lines.contains("  2026-02-02 10:40 WITA by 196805101990031003 — ditegaskan"))
        #expect(lines.contains("  ★ 2026-02-02 10:40 WITA by 196805101990031003 — dipercepat"))
        #expect(lines.contains("    Akuntabel: Laporan tepat waktu"))
    }
}
