import KinerjaIdentity
import KinerjaASN
import KinerjaDemo
import KinerjaProto
import Testing

@Suite("Kupang demo organisation")
struct KupangDemoTests {
    static let today = Common.Date(year: 2026, month: 3, day: 2)
    static let organisation = KupangDemo().organisation(today: today)

    var org: DemoOrganisation { Self.organisation }

    @Test("the same seed gives identical output, on any day from the reference date on")
    func reproducible() {
        let again = KupangDemo(seed: 2026).organisation(today: Self.today)
        #expect(KupangDemo.csv(again.employees) == KupangDemo.csv(org.employees))
        #expect(again == org)
        let later = KupangDemo(seed: 2026).organisation(today: Common.Date(year: 2031, month: 12, day: 31))
        #expect(later == org)
    }

    @Test("a different seed gives different people")
    func seedMatters() {
        let other = KupangDemo(seed: 7).organisation(today: Self.today)
        #expect(KupangDemo.csv(other.employees) != KupangDemo.csv(org.employees))
        #expect(other.employees.map(\.employee.nip) != org.employees.map(\.employee.nip))
        #expect(other.units.map(\.code) == org.units.map(\.code))
    }

    @Test("at least 600 employees in the units DOMAIN.md names")
    func size() {
        #expect(org.employees.count >= 600)
        for seed in UInt64(1)...4 {
            #expect(KupangDemo(seed: seed).organisation(today: Self.today).employees.count >= 600)
        }
        let codes = Set(org.units.map(\.code))
        for code in ["KPG", "KPG.SETDA", "KPG.BKPSDM", "KPG.DIKBUD", "KPG.DINKES", "KPG.DUKCAPIL", "KPG.DPMPTSP", "KPG.INSPEKTORAT",
                     "KPG.KEC.ALAK", "KPG.KEC.KELAPALIMA", "KPG.KEC.KOTALAMA", "KPG.KEC.KOTARAJA", "KPG.KEC.MAULAFA", "KPG.KEC.OEBOBO",
                     "KPG.DUKCAPIL.PIAK", "KPG.DUKCAPIL.PDIP"] {
            #expect(codes.contains(code), "\(code)")
        }
        #expect(org.units.filter { $0.kind == .kecamatan }.count == 6)
        #expect(org.units.filter { $0.kind == .upt && $0.name.contains("Puskesmas") }.count >= 3)
        #expect(org.units.filter { $0.kind == .kelurahan }.count >= 18)
    }

    @Test("every NIP is valid and unique, and every employee passes EmployeeRules")
    func employeesValid() {
        var seen = Set<String>()
        for demo in org.employees {
            let violations = EmployeeRules.violations(demo.employee, today: Self.today)
            #expect(violations.isEmpty, "\(demo.employee.nip) \(violations.map(\.description))")
            #expect(seen.insert(demo.employee.nip).inserted, "duplicate \(demo.employee.nip)")
            guard demo.employee.asnType != .nonAsn else { continue }
            let sequence = Int(demo.employee.nip.suffix(3)) ?? 0
            #expect(KupangDemo.organisationSequences.contains(sequence))
        }
        // One non-ASN official: the Wali Kota.
        #expect(org.employees.filter { $0.employee.asnType == .nonAsn }.map(\.employee.nip) == [KupangDemo.waliKotaID])
    }

    @Test("units are a valid tree with allowed kinds and valid fields, every code referenced exists")
    func unitTree() throws {
        let tree = try UnitTree(org.units.map { UnitTree.Node(id: $0.code, parentID: $0.parentCode, kind: $0.kind) })
        #expect(tree.rootID == "KPG")
        #expect(tree.kindViolations().isEmpty)
        for unit in org.units {
            var proto = unit.unit
            proto.parentUnitID = unit.parentCode ?? ""
            #expect(UnitRules.violations(proto).isEmpty, "\(unit.code)")
            if let parent = unit.parentCode { #expect(unit.code.hasPrefix(parent + "."), "\(unit.code)") }
        }
        let codes = Set(org.units.map(\.code))
        #expect(codes.count == org.units.count)
        #expect(org.employees.allSatisfy { codes.contains($0.unitCode) })
        for user in org.users {
            #expect(codes.contains(user.unitCode))
            #expect(user.roles.allSatisfy { $0.scopeUnitCodes.allSatisfy(codes.contains) })
        }
    }

    @Test("every unit has a head who works in it, except the root (the Wali Kota is not an ASN), some seksi and the bidang a Plt acts for")
    func heads() {
        let byNIP = Dictionary(uniqueKeysWithValues: org.employees.map { ($0.employee.nip, $0) })
        for unit in org.units {
            guard let head = unit.headNIP else {
                #expect(unit.kind == .pemerintahDaerah || unit.kind == .seksi || unit.code == KupangDemo.pltBidangCode, "\(unit.code) has no head")
                continue
            }
            #expect(byNIP[head]?.unitCode == unit.code, "\(unit.code)")
            #expect(byNIP[head]?.employee.status == .aktif)
            let expected: Common.JenisJabatan = switch unit.kind {
            case .sekretariat, .dinas, .badan, .inspektorat: .jpt
            case .bidang, .bagian, .kecamatan: .administrator
            default: .pengawas
            }
            #expect(byNIP[head]?.employee.jenisJabatan == expected, "\(unit.code)")
        }
        let headNIPs = Set(org.units.compactMap(\.headNIP))
        for staff in org.employees where !headNIPs.contains(staff.employee.nip) && staff.employee.asnType != .nonAsn {
            #expect([.pelaksana, .fungsional].contains(staff.employee.jenisJabatan))
        }
    }

    @Test("every atasan exists, the supervisor graph has no cycle, and every chain reaches the Sekretaris Daerah and the Wali Kota above")
    func supervisors() throws {
        let byNIP = Dictionary(uniqueKeysWithValues: org.employees.map { ($0.employee.nip, $0) })
        let tops = org.employees.filter { $0.atasanNIP == nil }
        #expect(tops.map(\.employee.nip) == [KupangDemo.waliKotaID])
        let sekda = try #require(org.employees.first { $0.atasanNIP == KupangDemo.waliKotaID })
        #expect(sekda.employee.jabatanName == "Sekretaris Daerah" && sekda.employee.jenisJabatan == .jpt)
        #expect(org.unit(code: "KPG.SETDA")?.headNIP == sekda.employee.nip)
        for demo in org.employees {
            var current = demo
            var steps = 0
            while let atasan = current.atasanNIP {
                guard let next = byNIP[atasan] else {
                    Issue.record("\(current.employee.nip) names unknown atasan \(atasan)")
                    break
                }
                #expect(atasan != current.employee.nip)
                #expect(next.employee.status == .aktif)
                current = next
                steps += 1
                if steps > 20 { Issue.record("cycle or over-long chain from \(demo.employee.nip)"); break }
            }
            #expect(current.employee.nip == KupangDemo.waliKotaID)
        }
    }

    @Test("the atasan chain follows the tree: staff → kepala seksi → kepala bidang → kepala dinas → Sekda; lurah → camat")
    func chainShape() throws {
        let byNIP = Dictionary(uniqueKeysWithValues: org.employees.map { ($0.employee.nip, $0) })
        let pegawai = try #require(org.user(persona: "pegawai"))
        var chain: [String] = []
        var current = byNIP[pegawai.nip]
        while let atasan = current?.atasanNIP, chain.count < 20 { current = byNIP[atasan]; chain.append(current?.employee.jabatanName ?? "?") }
        #expect(chain == ["Kepala Seksi Identitas Penduduk", "Kepala Bidang Pelayanan Pendaftaran Penduduk",
                          "Kepala Dinas Kependudukan dan Pencatatan Sipil", "Sekretaris Daerah", "Wali Kota Kupang"])
        let lurah = try #require(org.employees.first { $0.employee.jabatanName == "Lurah Oesapa" })
        #expect(lurah.atasanNIP.flatMap { byNIP[$0] }?.employee.jabatanName == "Camat Kelapa Lima")
        // Where a seksi head post is vacant, its staff report to the kepala bidang (and where that
        // is vacant too, to the head above).
        for unit in org.units where unit.kind == .seksi && unit.headNIP == nil {
            var parentHead = unit.parentCode.flatMap { org.unit(code: $0)?.headNIP }
            if parentHead == nil { parentHead = unit.parentCode.flatMap { org.unit(code: $0)?.parentCode }.flatMap { org.unit(code: $0)?.headNIP } }
            #expect(org.employees.filter { $0.unitCode == unit.code }.allSatisfy { $0.atasanNIP == parentHead })
        }
    }

    @Test("about 15% are PPPK, with PPPK golongan; PNS golongan is golongan/ruang; a few are on leave")
    func composition() {
        let pppk = org.employees.filter { $0.employee.asnType == .pppk }
        let share = Double(pppk.count) / Double(org.employees.count)
        #expect(share > 0.10 && share < 0.22, "\(share)")
        #expect(pppk.allSatisfy { ["V", "VII", "IX", "X"].contains($0.employee.golongan) })
        let ruang = Set(["II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"])
        #expect(org.employees.filter { $0.employee.asnType == .pns }.allSatisfy { ruang.contains($0.employee.golongan) })
        let statuses = Set(org.employees.map(\.employee.status))
        #expect(statuses.contains(.cuti) && statuses.contains(.tugasBelajar))
        #expect(org.employees.filter { $0.employee.status == .aktif }.count > org.employees.count * 9 / 10)
        #expect(org.employees.allSatisfy { (1965...2000).contains($0.employee.birthDate?.year ?? 0) })
        #expect(!org.employees.contains { $0.employee.sex == .female && $0.employee.gelarDepan == "Drs." })
        #expect(!org.employees.contains { $0.employee.sex == .male && $0.employee.gelarDepan == "Dra." })
    }

    @Test("the personas exist with their roles: pegawai and atasan at Dukcapil, pimpinan, pengelola, admin, auditor, the Wali Kota and a Plt")
    func personas() throws {
        #expect(org.users.map(\.persona) == ["pegawai", "atasan", "pimpinan", "pengelola", "admin", "auditor", "walikota", "plt"])
        let pegawai = try #require(org.user(persona: "pegawai"))
        let atasan = try #require(org.user(persona: "atasan"))
        #expect(pegawai.unitCode == "KPG.DUKCAPIL.DAFDUK.IDENTITAS" && pegawai.roles.isEmpty)
        #expect(org.employee(nip: pegawai.nip)?.atasanNIP == atasan.nip)
        let pimpinan = try #require(org.user(persona: "pimpinan"))
        #expect(org.unit(code: "KPG.DUKCAPIL")?.headNIP == pimpinan.nip)
        // Pimpinan by heading the unit: no grant.
        #expect(pimpinan.roles.isEmpty)
        let pengelola = try #require(org.user(persona: "pengelola"))
        #expect(pengelola.unitCode.hasPrefix("KPG.BKPSDM") && pengelola.roles.map(\.role) == [.pengelolaKinerja])
        #expect(pengelola.roles.first?.scopeUnitCodes == ["KPG"] && pengelola.roles.first?.includeSubunits == true)
        let admin = try #require(org.user(persona: "admin"))
        #expect(admin.unitCode.hasPrefix("KPG.BKPSDM") && admin.roles.map(\.role) == [.admin])
        let auditor = try #require(org.user(persona: "auditor"))
        #expect(auditor.unitCode.hasPrefix("KPG.INSPEKTORAT") && auditor.roles.map(\.role) == [.auditor])
        #expect(Set(org.users.map(\.nip)).count == 8)
        #expect(org.user(persona: "walikota")?.nip == KupangDemo.waliKotaID)
        let plt = try #require(org.acting.first)
        #expect(org.user(persona: "plt")?.nip == plt.actingNIP && plt.unitCode == KupangDemo.pltBidangCode && plt.kind == .plt)
        for user in org.users {
            #expect(org.employee(nip: user.nip)?.employee.status == .aktif)
        }
    }

    @Test("10 000 synthetic employees are valid, unique, disjoint from the organisation and reproducible")
    func synthetic() {
        let units = org.units.filter { $0.kind != .pemerintahDaerah }.map(\.code)
        let extra = KupangDemo().syntheticEmployees(count: 10_000, unitCodes: units, today: Self.today)
        #expect(extra.count == 10_000)
        let nips = extra.map(\.employee.nip)
        #expect(Set(nips).count == 10_000)
        #expect(Set(nips).isDisjoint(with: org.employees.map(\.employee.nip)))
        var invalid = 0
        for demo in extra where !EmployeeRules.violations(demo.employee, today: Self.today).isEmpty { invalid += 1 }
        #expect(invalid == 0)
        #expect(extra.allSatisfy { units.contains($0.unitCode) })
        let nipSet = Set(nips)
        #expect(extra.allSatisfy { $0.atasanNIP.map(nipSet.contains) ?? true })
        let again = KupangDemo().syntheticEmployees(count: 50, unitCodes: units, today: Self.today)
        #expect(again == Array(extra.prefix(50)))
        #expect(KupangDemo().syntheticEmployees(count: 0, unitCodes: units, today: Self.today).isEmpty)
        #expect(KupangDemo().syntheticEmployees(count: 5, unitCodes: [], today: Self.today).isEmpty)
    }
}
