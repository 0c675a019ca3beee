public import KinerjaProto
public import KinerjaASN

/// The Kupang demo organisation, generated from a seed: the same seed always gives the same data.
///
/// Contents (DOMAIN.md "Demo data"): Pemerintah Kota Kupang with the Sekretariat Daerah (three
/// Bagian, two Subbagian), the Inspektorat (three Inspektur Pembantu), BKPSDM, Dinas
/// Pendidikan dan Kebudayaan (with five schools as UPT), Dinas Kesehatan (six Puskesmas as UPT),
/// Dukcapil, DPMPTSP and the six kecamatan with their seksi and real kelurahan (106 units);
/// about 730 employees (at least 600 for any seed) with valid NIPs, about 15 % PPPK; and six
/// named users.
///
/// Reproducibility: the output depends only on the seed and on the earlier of `today` and
/// ``referenceDate``, so for any `today` from 2026-01-01 on, seed 2026 gives exactly the NIPs
/// documented in the README.
///
/// Supervisor rules: staff report to the head of their unit, or, where the post is vacant (some
/// seksi), to the nearest head above; heads report to the head of the nearest unit above; heads
/// of units directly under the root (kepala dinas/badan, inspektur, camat) report to the
/// Sekretaris Daerah, whose atasan is the Wali Kota (a non-ASN official). The head position of
/// Dinkes's Bidang Pelayanan dan Sumber Daya Kesehatan is vacant, with a Plt.
///
/// Personas (``DemoOrganisation/users``), each the first suitable employee of their unit:
/// - `pegawai`: a PNS staff member of Seksi Identitas Penduduk, Dukcapil;
/// - `atasan`: their atasan, the Kepala Seksi Identitas Penduduk;
/// - `pimpinan`: the Kepala Dinas Dukcapil (pimpinan of Dukcapil and its sub-units by heading it);
/// - `pengelola`: a staff member of BKPSDM's Bidang Penilaian Kinerja (ROLE_PENGELOLA_KINERJA over
///   the whole Pemkot);
/// - `admin`: a Pranata Komputer of BKPSDM's Bidang Pengadaan, Pemberhentian dan Informasi
///   (ROLE_ADMIN, every unit);
/// - `auditor`: an auditor of the Inspektorat's Irban I (ROLE_AUDITOR over the whole Pemkot);
/// - `walikota`: the Wali Kota, a non-ASN official (`NONASN.WALIKOTA.KUPANG`), the Sekretaris
///   Daerah's pejabat penilai;
/// - `plt`: the Plt Kepala Bidang Pelayanan dan Sumber Daya Kesehatan (Dinkes), whose head
///   position is vacant; by decree for the year.
public struct KupangDemo: Sendable, Hashable {
    /// The day the generated data is anchored to (2026-01-01); see the type's documentation.
    public static let referenceDate = Common.Date(year: 2026, month: 1, day: 1)
    /// Unit code of the root.
    public static let rootCode = "KPG"
    /// Unit code of the Sekretariat Daerah, headed by the top of the supervisor tree.
    public static let sekretariatDaerahCode = "KPG.SETDA"
    /// NIP sequence numbers (digits 16–18) used by ``organisation(today:)``.
    public static let organisationSequences = 1...499
    /// NIP sequence numbers used by ``syntheticEmployees(count:unitCodes:today:)``; disjoint from the organisation's.
    public static let syntheticSequences = 500...999

    /// The seed.
    public let seed: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64 = 2026) {
        self.seed = seed
    }

    /// The organisation, valid on the WITA day `today`.
    public func organisation(today: Common.Date) -> DemoOrganisation {
        var factory = DemoPersonFactory(random: SeededRandom(seed: seed), anchor: Self.anchor(today),
                                        sequences: Self.organisationSequences, pppkPerMille: 200)
        var units: [DemoUnit] = []
        var staffByUnit: [String: [Identity.Employee]] = [:]
        var headByUnit: [String: Identity.Employee] = [:]
        let specs = KupangUnits.catalog()
        for spec in specs {
            var unit = DemoUnit(code: spec.code, name: spec.name, shortName: spec.shortName, kind: spec.kind,
                                parentCode: spec.parentCode, headNIP: nil, publicServicePoint: spec.publicServicePoint)
            if let head = spec.head {
                // The draw is made for every seksi, vacant or not, so one vacancy does not
                // shift everything generated after it.
                let vacant = factory.random.chance(perMille: 150)
                if !(spec.mayBeVacant && vacant) {
                    let employee = factory.head(head)
                    headByUnit[spec.code] = employee
                    unit.headNIP = employee.nip
                }
            }
            let count = factory.random.int(in: spec.staff)
            staffByUnit[spec.code] = (0..<count).map { _ in factory.staff(spec.mix.draw(&factory.random)) }
            units.append(unit)
        }

        // The head of this bidang was drawn like every other (so nothing after it shifts) but has
        // left: the position is vacant and a Plt acts in it (below).
        headByUnit.removeValue(forKey: Self.pltBidangCode)
        if let index = units.firstIndex(where: { $0.code == Self.pltBidangCode }) { units[index].headNIP = nil }

        let parents = Dictionary(uniqueKeysWithValues: specs.map { ($0.code, $0.parentCode) })
        let sekda = headByUnit[Self.sekretariatDaerahCode]?.nip
        /// The head of the nearest unit above `code`; the Sekretaris Daerah above the root's children.
        func headAbove(_ code: String) -> String? {
            var current = parents[code] ?? nil
            while let unit = current {
                if unit == Self.rootCode { return sekda }
                if let head = headByUnit[unit] { return head.nip }
                current = parents[unit] ?? nil
            }
            return nil
        }

        var employees: [DemoEmployee] = []
        for unit in units {
            if let head = headByUnit[unit.code] {
                // The Sekretaris Daerah tops the tree: their atasan (the Wali Kota) is outside Kinerja.
                let atasan = head.nip == sekda ? nil : headAbove(unit.code)
                employees.append(DemoEmployee(employee: head, unitCode: unit.code, atasanNIP: atasan))
            }
            let atasan = headByUnit[unit.code]?.nip ?? headAbove(unit.code)
            for staff in staffByUnit[unit.code] ?? [] {
                employees.append(DemoEmployee(employee: staff, unitCode: unit.code, atasanNIP: atasan))
            }
        }
        // The Wali Kota, a non-ASN official, rates the Sekretaris Daerah (issue 11). Drawn from a
        // stream of its own so everything above stays as it was.
        var mayor = SeededRandom(seed: seed, salt: "wali-kota")
        let waliKota = DemoEmployee(employee: Identity.Employee(
            nip: Self.waliKotaID, fullName: mayor.pick(DemoNames.male) + " " + mayor.pick(DemoNames.family), asnType: .nonAsn,
            jabatanName: "Wali Kota Kupang", birthDate: Common.Date(year: 1970 + Int32(mayor.below(15)), month: Int32(1 + mayor.below(12)), day: Int32(1 + mayor.below(28))),
            sex: .male, status: .aktif), unitCode: Self.rootCode, atasanNIP: nil)
        if let index = employees.firstIndex(where: { $0.employee.nip == sekda }) { employees[index].atasanNIP = Self.waliKotaID }
        employees.append(waliKota)

        // A Plt Kepala Bidang: the head position of Dinkes's Bidang Pelayanan dan Sumber Daya
        // Kesehatan is vacant (see above); the Kepala Seksi Pelayanan Kesehatan acts by decree for the year.
        var acting: [DemoActing] = []
        let seksiHeads = units.filter { $0.parentCode == Self.pltBidangCode }.compactMap { headByUnit[$0.code] }
        let bidangStaff = (staffByUnit[Self.pltBidangCode] ?? []).filter { $0.status == .aktif && $0.asnType == .pns }
        if let official = seksiHeads.first ?? bidangStaff.first {
            let year = Self.anchor(today).year
            acting.append(DemoActing(unitCode: Self.pltBidangCode, actingNIP: official.nip, kind: .plt,
                                     validFrom: Common.Date(year: year, month: 1, day: 2), validUntil: Common.Date(year: year, month: 12, day: 31),
                                     decreeNumber: "800.1.3/012/DINKES/\(year)", decreeDate: Common.Date(year: year, month: 1, day: 2)))
        }
        var users = Self.personas(employees: employees, heads: headByUnit)
        users.append(DemoUser(persona: "walikota", nip: waliKota.employee.nip, displayName: waliKota.displayName,
                              jabatanName: waliKota.employee.jabatanName, unitCode: Self.rootCode, roles: []))
        if let plt = acting.first, let official = employees.first(where: { $0.employee.nip == plt.actingNIP }) {
            users.append(DemoUser(persona: "plt", nip: official.employee.nip, displayName: official.displayName,
                                  jabatanName: "Plt. Kepala Bidang Pelayanan dan Sumber Daya Kesehatan", unitCode: official.unitCode, roles: []))
        }
        return DemoOrganisation(units: units, employees: employees, users: users, acting: acting)
    }

    /// The Wali Kota's identifier (a non-ASN official has no NIP).
    public static let waliKotaID = "NONASN.WALIKOTA.KUPANG"
    /// The bidang whose head position a Plt holds in the demo.
    public static let pltBidangCode = "KPG.DINKES.YANKES"

    /// `count` extra employees spread over `unitCodes`, valid on `today`, with NIPs unique
    /// among themselves and disjoint from ``organisation(today:)``'s (sequence numbers 500–999).
    ///
    /// For bulk-import tests. They are staff (pelaksana and fungsional, about 15 % PPPK);
    /// in each unit the first one has no atasan and the others report to it. Empty when
    /// `count` is not positive or `unitCodes` is empty.
    public func syntheticEmployees(count: Int, unitCodes: [String], today: Common.Date) -> [DemoEmployee] {
        guard count > 0, !unitCodes.isEmpty else { return [] }
        // A different stream from the organisation's, derived from the same seed.
        var factory = DemoPersonFactory(random: SeededRandom(seed: seed ^ 0x5EED_0F_5EED_0F_5E), anchor: Self.anchor(today),
                                        sequences: Self.syntheticSequences, pppkPerMille: 150)
        var leaders: [String: String] = [:]
        var result: [DemoEmployee] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let unitCode = factory.random.pick(unitCodes)
            let employee = factory.staff(StaffMix.synthetic.draw(&factory.random))
            let leader = leaders[unitCode]
            if leader == nil { leaders[unitCode] = employee.nip }
            result.append(DemoEmployee(employee: employee, unitCode: unitCode, atasanNIP: leader))
        }
        return result
    }

    /// The employees as an import CSV (see ``EmployeeCSV``).
    public static func csv(_ employees: [DemoEmployee]) -> String {
        EmployeeCSV.csv(employees.map(\.importRow))
    }

    /// Parses an import CSV (see ``EmployeeCSV/parse(_:)``).
    public static func parseCSV(_ text: String) throws(EmployeeCSVError) -> [(rowNumber: Int, row: Identity.EmployeeImportRow)] {
        try EmployeeCSV.parse(text)
    }

    private static func anchor(_ today: Common.Date) -> Common.Date {
        today < referenceDate ? today : referenceDate
    }

    private static func personas(employees: [DemoEmployee], heads: [String: Identity.Employee]) -> [DemoUser] {
        func firstStaff(in unit: String, jabatanPrefix: String = "") -> DemoEmployee? {
            let candidates = employees.filter {
                $0.unitCode == unit && heads[unit]?.nip != $0.employee.nip && $0.employee.status == .aktif
                    && $0.employee.asnType == .pns
            }
            return candidates.first { $0.employee.jabatanName.hasPrefix(jabatanPrefix) } ?? candidates.first
        }
        func user(_ persona: String, _ e: DemoEmployee?, _ roles: [DemoRoleGrant]) -> DemoUser? {
            guard let e else { return nil }
            return DemoUser(persona: persona, nip: e.employee.nip, displayName: e.displayName,
                            jabatanName: e.employee.jabatanName, unitCode: e.unitCode, roles: roles)
        }
        func byNIP(_ nip: String?) -> DemoEmployee? {
            guard let nip else { return nil }
            return employees.first { $0.employee.nip == nip }
        }
        let pegawai = firstStaff(in: "KPG.DUKCAPIL.DAFDUK.IDENTITAS")
        let atasan = byNIP(pegawai?.atasanNIP)
        let pimpinan = byNIP(heads["KPG.DUKCAPIL"]?.nip)
        let pengelola = firstStaff(in: "KPG.BKPSDM.PKA", jabatanPrefix: "Analis Sumber Daya Manusia")
        let admin = firstStaff(in: "KPG.BKPSDM.PPI", jabatanPrefix: "Pranata Komputer")
        let auditor = firstStaff(in: "KPG.INSPEKTORAT.IRBAN1", jabatanPrefix: "Auditor")
        return [
            user("pegawai", pegawai, []),
            user("atasan", atasan, []),
            // Pimpinan follows from heading Dukcapil: no grant (issue 11).
            user("pimpinan", pimpinan, []),
            user("pengelola", pengelola, [DemoRoleGrant(role: .pengelolaKinerja, scopeUnitCodes: [rootCode], includeSubunits: true,
                                                        reason: "SK Kepala BKPSDM: pengelola kinerja Pemkot Kupang (demo)")]),
            user("admin", admin, [DemoRoleGrant(role: .admin, scopeUnitCodes: [], includeSubunits: false,
                                                reason: "Administrator sistem Kinerja (demo)")]),
            user("auditor", auditor, [DemoRoleGrant(role: .auditor, scopeUnitCodes: [rootCode], includeSubunits: true,
                                                    reason: "Auditor Inspektorat Daerah (demo)")]),
        ].compactMap { $0 }
    }
}
