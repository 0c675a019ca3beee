import KinerjaASN
import KinerjaDemo
import KinerjaIdentity
import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Kupang demo SKPs")
struct KupangSkpDemoTests {
    static let today = Common.Date(year: 2026, month: 3, day: 2)
    static let organisation = KupangDemo().organisation(today: today)
    static let skps = KupangSkpDemo().skps(for: organisation, year: 2026, today: today)

    var org: DemoOrganisation { Self.organisation }
    var skps: [DemoSkp] { Self.skps }

    var byOwner: [String: DemoSkp] {
        Dictionary(skps.map { ($0.ownerNIP, $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test("the same seed gives identical SKPs, ids included; another seed gives other ids")
    func deterministic() {
        let again = KupangSkpDemo(seed: 2026).skps(for: KupangDemo(seed: 2026).organisation(today: Self.today), year: 2026, today: Self.today)
        #expect(again == skps)
        let other = KupangSkpDemo(seed: 7).skps(for: org, year: 2026, today: Self.today)
        #expect(other.map(\.skp.skpID) != skps.map(\.skp.skpID))
        #expect(other.filter { !$0.previousPosition }.map(\.ownerNIP) == skps.filter { !$0.previousPosition }.map(\.ownerNIP))
    }

    @Test("one SKP for every AKTIF ASN and none for the others (nor the non-ASN Wali Kota), in the organisation's order")
    func population() {
        let aktif = org.employees.filter { $0.employee.status == .aktif && $0.employee.asnType != .nonAsn }.map(\.employee.nip)
        #expect(skps.filter { !$0.previousPosition }.map(\.ownerNIP) == aktif)
        #expect(skps.filter(\.previousPosition).count == 1, "one transfer")
        #expect(skps.allSatisfy { $0.skp.nip == $0.ownerNIP && $0.skp.year == 2026 && $0.skp.version == 1 })
        #expect(skps.allSatisfy { $0.state == $0.skp.state && $0.decisionNote == $0.skp.decisionNote })
    }

    @Test("ids are ULID-shaped (26 Crockford base32 characters) and unique across SKPs, RHKs and IKIs")
    func ids() {
        let alphabet = Set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var all: [String] = []
        for demo in skps {
            all.append(demo.skp.skpID)
            for rhk in demo.skp.rhks {
                all.append(rhk.rhkID)
                #expect(rhk.skpID == demo.skp.skpID)
                for iki in rhk.ikis {
                    all.append(iki.ikiID)
                    #expect(iki.rhkID == rhk.rhkID)
                }
            }
        }
        #expect(all.allSatisfy { $0.count == 26 && $0.allSatisfy(alphabet.contains) && $0.first.map { "01234567".contains($0) } == true })
        #expect(Set(all).count == all.count)
    }

    @Test("every RHK passes the RHK rules and every IKI the IKI and periodic-target rules (the consistency rule included)")
    func fieldRules() {
        for demo in skps {
            let period = SkpPeriod(demo.skp)
            for (i, rhk) in demo.skp.rhks.enumerated() {
                let rhkViolations = RhkRules.violations(rhk, jenisJabatan: demo.skp.jenisJabatan)
                #expect(rhkViolations.isEmpty, "\(demo.ownerNIP) rhks[\(i)] \(rhkViolations.map(\.description))")
                for iki in rhk.ikis {
                    let v = IkiRules.violations(iki, approach: demo.skp.approach, skp: period)
                    #expect(v.isEmpty, "\(demo.ownerNIP) \(iki.indicator): \(v.map { "\($0.reason) \($0.description)" })")
                }
            }
        }
        let periodic = skps.flatMap(\.skp.rhks).flatMap(\.ikis).filter { !$0.periodicTargets.isEmpty }
        #expect(periodic.count > 1000)
        #expect(periodic.contains { $0.periodicTargets.first?.cumulative == true })
        #expect(periodic.contains { $0.aspek == .biaya })
    }

    @Test("submitted SKPs (DIAJUKAN, DISETUJUI, DIKEMBALIKAN) pass the submission rules, with the contract's strict parent rule")
    func submission() {
        for demo in skps where demo.state != .draft {
            let v = SubmissionRules.violations(demo.skp, atasanNIP: demo.atasanNIP, ownerIsUnitHead: false)
            #expect(v.isEmpty, "\(demo.ownerNIP) \(demo.state.label): \(v.map(\.description))")
            #expect(demo.skp.atasanNIP == demo.atasanNIP)
            #expect(demo.skp.submitted != nil)
        }
    }

    @Test("every parent link resolves to an RHK of the atasan's demo SKP of the same year; every Utama below the top links")
    func parentLinks() {
        let owners = byOwner
        for demo in skps {
            for rhk in demo.skp.rhks {
                if rhk.parentRhkID.isEmpty {
                    // The top of the cascade: no atasan, or the Wali Kota (non-ASN, no SKP).
                    #expect(rhk.kind == .tambahan || demo.atasanNIP.map(PersonIdentifier.isNonASN) ?? true, "\(demo.ownerNIP): \(rhk.text)")
                    continue
                }
                guard let atasan = demo.atasanNIP, let parentSkp = owners[atasan] else {
                    Issue.record("\(demo.ownerNIP) links \(rhk.parentRhkID) without an atasan SKP")
                    continue
                }
                let parent = parentSkp.skp.rhks.first { $0.rhkID == rhk.parentRhkID }
                #expect(parent != nil, "\(demo.ownerNIP): parent \(rhk.parentRhkID) is not in the atasan's SKP")
                #expect(rhk.parentOwnerNIP == atasan)
                #expect(rhk.parentRhkText == parent?.text)
                let ref = RhkRules.ParentRef(ownerNIP: parentSkp.ownerNIP, year: parentSkp.skp.year)
                let v = RhkRules.parentViolations(kind: rhk.kind, parentRhkID: rhk.parentRhkID, parent: ref,
                                                  context: .init(atasanNIP: atasan, ownerIsUnitHead: false, year: 2026), requireParent: true)
                #expect(v.isEmpty)
            }
        }
    }

    @Test("organisation heads hold 3-5 Utama RHKs; JPT SKPs carry Perspektif on every RHK, others on none")
    func heads() {
        let orgHeads = org.units.filter { $0.parentCode == KupangDemo.rootCode }.compactMap(\.headNIP)
        #expect(orgHeads.count == 13)
        for nip in orgHeads {
            guard let demo = byOwner[nip] else { Issue.record("no SKP for head \(nip)"); continue }
            let utama = demo.skp.rhks.filter { $0.kind == .utama }.count
            #expect((3...5).contains(utama), "\(nip): \(utama) Utama RHKs")
        }
        let jpt = skps.filter { $0.skp.jenisJabatan == .jpt }
        #expect(jpt.count >= 7)
        #expect(jpt.allSatisfy { $0.skp.rhks.allSatisfy { $0.perspektif != .unspecified } })
        #expect(skps.filter { $0.skp.jenisJabatan != .jpt }.allSatisfy { $0.skp.rhks.allSatisfy { $0.perspektif == .unspecified } })
    }

    @Test("Dukcapil's head: \"Terlayaninya penerbitan KTP-el tepat waktu\" with \"Jumlah KTP-el diterbitkan\", 1 200 dokumen")
    func dukcapil() throws {
        let head = try #require(org.unit(code: "KPG.DUKCAPIL")?.headNIP)
        let skp = try #require(byOwner[head]).skp
        let rhk = try #require(skp.rhks.first { $0.text == "Terlayaninya penerbitan KTP-el tepat waktu" })
        let iki = try #require(rhk.ikis.first { $0.indicator == "Jumlah KTP-el diterbitkan" })
        #expect(iki.annualTarget?.value == 1200)
        #expect(iki.annualTarget?.unit == "dokumen")
        #expect(rhk.ikis.contains { $0.indicator == "Persentase dokumen kependudukan terbit ≤ 3 hari" && $0.aspek == .kualitas })
        #expect(rhk.ikis.contains { $0.aspek == .waktu && $0.annualTarget?.unit == "hari" })
    }

    @Test("a mix of states: most DISETUJUI, some DIAJUKAN, DRAFT and DIKEMBALIKAN (with a return note); stamps match the state")
    func states() {
        var counts: [Int32: Int] = [:]
        for demo in skps { counts[demo.state.rawValue, default: 0] += 1 }
        let approved = counts[Planning.SkpState.disetujui.rawValue] ?? 0
        #expect(approved * 2 > skps.count)
        for state in [Planning.SkpState.diajukan, .draft, .dikembalikan] {
            #expect((counts[state.rawValue] ?? 0) > 0, "\(state.label)")
        }
        #expect(Set(skps.map(\.state.rawValue)).isSubset(of: [1, 2, 3, 4]))
        for demo in skps {
            switch demo.state {
            case .dikembalikan:
                #expect(DemoExpectations.returnNotes.contains(demo.decisionNote))
                #expect(demo.skp.decided?.principal == demo.atasanNIP)
            case .disetujui:
                #expect(demo.skp.decided != nil)
            case .draft:
                #expect(demo.skp.submitted == nil && demo.skp.decided == nil && demo.skp.atasanNIP.isEmpty)
            default:
                #expect(demo.skp.submitted != nil && demo.skp.decided == nil)
            }
        }
        // The Sekretaris Daerah's penilai is the Wali Kota, a non-ASN official: their SKP is approved by them.
        let sekda = org.unit(code: KupangDemo.sekretariatDaerahCode)?.headNIP
        #expect(byOwner[sekda ?? ""]?.state == .disetujui)
        #expect(byOwner[sekda ?? ""]?.skp.decided?.principal == KupangDemo.waliKotaID)
    }

    @Test("personas: the pegawai's SKP is a DRAFT ready to submit; the atasan's is DISETUJUI")
    func personas() throws {
        let pegawai = try #require(org.user(persona: "pegawai"))
        let atasan = try #require(org.user(persona: "atasan"))
        let draft = try #require(byOwner[pegawai.nip])
        #expect(draft.state == .draft)
        #expect(draft.atasanNIP == atasan.nip)
        #expect(SubmissionRules.violations(draft.skp, atasanNIP: draft.atasanNIP, ownerIsUnitHead: false).isEmpty)
        #expect(byOwner[atasan.nip]?.state == .disetujui)
        // The flow can be walked on it.
        var versions = [draft.skp]
        versions = try SkpVersioning.apply(.submit(), to: versions, stamp: nil).versions
        versions = try SkpVersioning.apply(.return(version: 1, note: DemoExpectations.returnNotes[0]), to: versions, stamp: nil).versions
        versions = try SkpVersioning.apply(.revise(reason: "menyesuaikan target IKI 2"), to: versions, stamp: nil).versions
        versions = try SkpVersioning.apply(.submit(), to: versions, stamp: nil).versions
        versions = try SkpVersioning.apply(.approve(version: 2), to: versions, stamp: nil).versions
        #expect(versions.map(\.state) == [.dikembalikan, .disetujui])
    }

    @Test("some Tambahan RHKs with their assignment letter, some ekspektasi khusus set by the atasan, a few Kualitatif SKPs")
    func extras() {
        let tambahan = skps.flatMap(\.skp.rhks).filter { $0.kind == .tambahan }
        #expect(tambahan.count > 50)
        #expect(tambahan.allSatisfy { $0.penugasan.hasSuffix("/2026") && $0.parentRhkID.isEmpty })
        let withExpectations = skps.filter { !$0.skp.behaviourExpectations.isEmpty }
        #expect(withExpectations.count > 100)
        for demo in withExpectations {
            #expect(demo.skp.behaviourExpectations.allSatisfy { $0.setBy?.principal == demo.atasanNIP })
            let v = BehaviourExpectationRules.violations(demo.skp.behaviourExpectations, rhkIDs: Set(demo.skp.rhks.map(\.rhkID)))
            #expect(v.isEmpty)
        }
        #expect(skps.contains { $0.skp.approach == .kualitatif })
    }

    @Test("stamps fall in the year's first weeks and never after today")
    func stamps() {
        let early = Common.Date(year: 2026, month: 1, day: 8)
        let demo = KupangSkpDemo().skps(for: org, year: 2026, today: early)
        let endOfDay = Int64((early.daysSinceEpoch ?? 0) + 1) * 86_400 - 8 * 3600
        for skp in demo.map(\.skp) {
            for stamp in [skp.created, skp.submitted, skp.decided].compactMap({ $0 }) {
                #expect((stamp.at?.seconds ?? .max) < endOfDay)
            }
        }
    }

    @Test("the cascade of each unit with its sub-units: roots are the head's RHKs, matrix rows the head's RHKs with contributors, nothing unlinked")
    func cascade() {
        let employees = org.employees.filter { $0.employee.status == .aktif }
        // The cascade reads each member's current SKP (the last in period order).
        let rows = skps.filter { !$0.previousPosition }.flatMap { demo in
            demo.skp.rhks.map { rhk in
                CascadeBuilder.Row(rhkID: rhk.rhkID, skpID: demo.skp.skpID, ownerNIP: demo.ownerNIP, parentRhkID: rhk.parentRhkID,
                                   text: rhk.text, kind: rhk.kind, indicators: rhk.ikis.map(\.indicator), flagged: rhk.reviewFlag != nil,
                                   skpState: demo.state, position: rhk.position)
            }
        }
        for unit in org.units where unit.headNIP != nil {
            let members = employees.filter { $0.unitCode == unit.code || $0.unitCode.hasPrefix(unit.code + ".") }.map {
                CascadeBuilder.Member(ref: Common.EmployeeRef(nip: $0.employee.nip, displayName: $0.displayName), atasanNIP: $0.atasanNIP)
            }
            let cascade = CascadeBuilder(members: members, leaderNIP: unit.headNIP).build(rows: rows)
            let head = byOwner[unit.headNIP ?? ""]?.skp.rhks ?? []
            #expect(cascade.roots.map(\.rhkID) == head.map(\.rhkID), "\(unit.code)")
            #expect(Set(cascade.matrix.map(\.parentRhkID)).isSubset(of: Set(head.map(\.rhkID))), "\(unit.code)")
            #expect(cascade.unlinked.isEmpty, "\(unit.code): \(cascade.unlinked.map(\.text))")
            #expect(cascade.withoutSkp.isEmpty)
            if members.count > 1 {
                #expect(!cascade.matrix.isEmpty, "\(unit.code)")
            }
        }
        // Organisations large enough have a contributor for every Utama RHK of the head.
        for code in ["KPG.DUKCAPIL", "KPG.DINKES", "KPG.DIKBUD", "KPG.BKPSDM", "KPG.DPMPTSP", "KPG.INSPEKTORAT", "KPG.KEC.OEBOBO"] {
            let unit = org.unit(code: code)
            let members = employees.filter { $0.unitCode == code || $0.unitCode.hasPrefix(code + ".") }.map {
                CascadeBuilder.Member(ref: Common.EmployeeRef(nip: $0.employee.nip, displayName: $0.displayName), atasanNIP: $0.atasanNIP)
            }
            let cascade = CascadeBuilder(members: members, leaderNIP: unit?.headNIP).build(rows: rows)
            let utama = (byOwner[unit?.headNIP ?? ""]?.skp.rhks ?? []).filter { $0.kind == .utama }.map(\.rhkID)
            #expect(cascade.matrix.map(\.parentRhkID) == utama, "\(code)")
            #expect(cascade.matrix.allSatisfy { row in zip(row.cells, row.cells.dropFirst()).allSatisfy { $0.level <= $1.level } })
        }
    }

    @Test("summary of the demo (printed for the README)")
    func summary() {
        var counts: [String: Int] = [:]
        for demo in skps { counts[demo.state.label, default: 0] += 1 }
        let rhks = skps.flatMap(\.skp.rhks)
        let ikis = rhks.flatMap(\.ikis)
        print("demo SKPs: \(skps.count) \(counts.sorted { $0.key < $1.key }); RHKs \(rhks.count) (Tambahan \(rhks.filter { $0.kind == .tambahan }.count)); IKIs \(ikis.count)")
        #expect(skps.count > 500)
    }
}

/// Return notes the demo uses, as the tests read them.
enum DemoExpectations {
    static let returnNotes = [
        "Target IKI 2 terlalu rendah dibanding realisasi tahun lalu; mohon disesuaikan.",
        "RHK belum selaras dengan RHK atasan yang diintervensi; mohon perbaiki rumusan hasil kerja.",
        "Target triwulan belum mencerminkan beban kerja musim pendaftaran sekolah; mohon ditinjau kembali.",
        "Indikator kualitas belum terukur; gunakan persentase dokumen yang selesai tanpa kesalahan.",
        "Satuan target IKI 1 belum tepat; gunakan satuan dokumen, bukan kegiatan.",
    ]
}
