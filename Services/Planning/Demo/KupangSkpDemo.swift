public import KinerjaDemo
public import KinerjaASN
public import KinerjaProto

/// One generated SKP of the demo with what a loader needs beside it.
public struct DemoSkp: Sendable, Hashable {
    /// Owner NIP.
    public var ownerNIP: String
    /// Code of the owner's unit (the SKP's `unit_id` is left for the loader to fill).
    public var unitCode: String
    /// The owner's atasan langsung in the organisation; nil for the Sekretaris Daerah.
    public var atasanNIP: String?
    /// State of the version (the same as `skp.state`).
    public var state: Planning.SkpState
    /// The decision note (the same as `skp.decision_note`): the return note for DIKEMBALIKAN.
    public var decisionNote: String
    /// The SKP, version 1, with ids, RHKs, IKIs, periodic targets, expectations and stamps.
    public var skp: Planning.Skp
    /// Amendments of the ekspektasi khusus after approval (stored beside the version).
    public var amendments: [Planning.ExpectationAmendment]
    /// True for the SKP of a position the owner held before a transfer: its unit (`unitCode`)
    /// and jabatan are not the owner's current ones.
    public var previousPosition: Bool

    /// A demo SKP.
    public init(ownerNIP: String, unitCode: String, atasanNIP: String?, state: Planning.SkpState, decisionNote: String, skp: Planning.Skp,
                amendments: [Planning.ExpectationAmendment] = [], previousPosition: Bool = false) {
        self.ownerNIP = ownerNIP
        self.unitCode = unitCode
        self.atasanNIP = atasanNIP
        self.state = state
        self.decisionNote = decisionNote
        self.skp = skp
        self.amendments = amendments
        self.previousPosition = previousPosition
    }
}

/// The demo's transfer: one staff member moved to a sibling unit on the first day of a month,
/// with two SKPs of the year (the old position's closed the day before).
public struct DemoTransfer: Sendable, Hashable {
    /// The employee.
    public var nip: String
    /// Code of the unit they left.
    public var fromUnitCode: String
    /// Code of their unit now.
    public var toUnitCode: String
    /// Their first day in the new position (the TMT jabatan identity should carry).
    public var day: Common.Date
}

/// The SKPs of the Kupang demo organisation for one year, generated from a seed: the same seed,
/// organisation, year and day always give the same SKPs, ids included.
///
/// Contents: an SKP for every AKTIF employee, cascading from the Sekretaris Daerah (the top of
/// the supervisor tree) and from each organisation head down:
/// - the Sekretaris Daerah holds four city-wide RHKs (public service, accountability, human
///   development, local law); each head of an organisation under the city (kepala dinas or
///   badan, inspektur, camat) holds 3–5 Utama RHKs from the organisation's real business
///   (Dukcapil: "Terlayaninya penerbitan KTP-el tepat waktu" with "Jumlah KTP-el diterbitkan",
///   1 200 dokumen; Puskesmas: imunisasi and patient care; schools: pembelajaran; …), each
///   intervening the Sekretaris Daerah's RHK it serves; JPT heads add a budget RHK and carry a
///   Perspektif on every RHK;
/// - every other employee's Utama RHKs intervene RHKs of their atasan's demo SKP, with
///   narrower text (bidang → seksi → staff) and IKIs (Kuantitas counts split among the
///   contributors, Kualitas in persen, Waktu in hari); every Utama RHK of an atasan with
///   bawahan has at least one contributor where there are enough bawahan;
/// - quarterly periodic targets on most IKIs, consistent with ``PeriodicTargetRules`` (amounts
///   sum to the annual target, or end at it when cumulative; levels end at it);
/// - a Tambahan RHK (with its assignment letter) for about one in five employees, and the
///   atasan's ekspektasi khusus on about two in five SKPs;
/// - states: heads mostly DISETUJUI (some DIAJUKAN); staff mostly DISETUJUI, some DIAJUKAN,
///   DRAFT and DIKEMBALIKAN (with a return note); a few staff use the Kualitatif approach.
///   The `pegawai` persona's SKP is DRAFT (ready to submit, so the flow draft → submit → return
///   → revise → approve can be walked) and the `atasan` persona's is DISETUJUI;
/// - issue 11: every linked RHK says direct (about one head in five carries the atasan's result
///   itself, with its text) or non-direct, with a peran; every SKP has a Lampiran; about one in
///   seven approved SKPs with ekspektasi khusus has an amendment after approval; one staff member
///   (``transfer(for:year:today:)``) moved to a sibling unit on the first day of a month and has
///   two SKPs of the year, the first closed the day before (no periodic targets on either, so
///   both cover their days whatever the month). These draws use streams of their own, so the
///   rest of the demo is what it was.
///
/// Stamps fall in the first weeks of the year, never after `today`.
public struct KupangSkpDemo: Sendable, Hashable {
    /// The seed.
    public let seed: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64 = 2026) {
        self.seed = seed
    }

    /// The SKPs of `organisation`'s AKTIF employees for `year`, in the organisation's employee order.
    public func skps(for organisation: DemoOrganisation, year: Int32, today: Common.Date) -> [DemoSkp] {
        var generator = Generator(seed: seed, organisation: organisation, year: year, today: today)
        return generator.run()
    }

    /// The demo's transfer for `year` on `today`, if there is one (none before February, nor
    /// for a year after today's).
    public func transfer(for organisation: DemoOrganisation, year: Int32, today: Common.Date) -> DemoTransfer? {
        let all = skps(for: organisation, year: year, today: today)
        guard let old = all.first(where: \.previousPosition), let new = all.first(where: { $0.ownerNIP == old.ownerNIP && !$0.previousPosition }),
              let day = new.skp.periodStart else { return nil }
        return DemoTransfer(nip: old.ownerNIP, fromUnitCode: old.unitCode, toUnitCode: new.unitCode, day: day)
    }
}

// MARK: - Generation

/// The owner's place in the cascade, which decides how their RHKs are written.
private enum DemoRole {
    /// The Sekretaris Daerah: no atasan in Kinerja.
    case sekda
    /// Head of an organisation directly under the city.
    case orgHead
    /// Head of a unit one level below an organisation (bidang, bagian, Irban, UPT, kelurahan, kecamatan seksi).
    case middle
    /// Head of a unit further down (seksi, subbagian).
    case seksi
    /// Not a head.
    case staff
}

/// A generated Utama RHK with what its bawahan need.
private struct PlannedRhk {
    var rhk: Planning.Rhk
    var theme: DemoTheme
    /// IKI target values by indicator, for scaling the bawahan's amounts.
    var values: [String: Double]
}

/// Which RHKs of one atasan each bawahan intervenes.
private struct Plan {
    /// Bawahan NIP → indices into the atasan's Utama RHKs.
    var parents: [String: [Int]] = [:]
    /// Per atasan RHK, the contributing bawahan in order.
    var contributors: [[String]] = []
}

private struct Generator {
    let seed: UInt64
    let organisation: DemoOrganisation
    let year: Int32
    let today: Common.Date
    let units: [String: DemoUnit]
    let aktif: [DemoEmployee]
    let byNIP: [String: DemoEmployee]
    let headOf: [String: String]
    let bawahan: [String: [DemoEmployee]]
    let pegawaiNIP: String?
    let atasanPersonaNIP: String?
    var generated: [String: (skp: Planning.Skp, utama: [PlannedRhk])] = [:]
    var plans: [String: Plan] = [:]
    var amendments: [String: [Planning.ExpectationAmendment]] = [:]

    init(seed: UInt64, organisation: DemoOrganisation, year: Int32, today: Common.Date) {
        self.seed = seed
        self.organisation = organisation
        self.year = year
        self.today = today
        var units: [String: DemoUnit] = [:]
        var headOf: [String: String] = [:]
        for unit in organisation.units {
            units[unit.code] = unit
            if let head = unit.headNIP { headOf[head] = unit.code }
        }
        self.units = units
        self.headOf = headOf
        // Only ASN have an SKP (the Wali Kota, a non-ASN official, rates the Sekretaris Daerah).
        aktif = organisation.employees.filter { $0.employee.status == .aktif && $0.employee.asnType != .nonAsn }
        var byNIP: [String: DemoEmployee] = [:]
        var bawahan: [String: [DemoEmployee]] = [:]
        for employee in aktif {
            byNIP[employee.employee.nip] = employee
        }
        for employee in aktif {
            if let atasan = employee.atasanNIP, byNIP[atasan] != nil { bawahan[atasan, default: []].append(employee) }
        }
        self.byNIP = byNIP
        self.bawahan = bawahan
        pegawaiNIP = organisation.user(persona: "pegawai")?.nip
        atasanPersonaNIP = organisation.user(persona: "atasan")?.nip
    }

    mutating func run() -> [DemoSkp] {
        // Atasan before bawahan: by depth in the supervisor tree, then organisation order.
        var depth: [String: Int] = [:]
        func depthOf(_ nip: String) -> Int {
            var chain: [String] = []
            var current: String? = nip
            while let c = current, depth[c] == nil, !chain.contains(c), chain.count < 64 {
                chain.append(c)
                current = byNIP[c]?.atasanNIP.flatMap { byNIP[$0] == nil ? nil : $0 }
            }
            var value = current.flatMap { depth[$0] } ?? -1
            for c in chain.reversed() {
                value += 1
                depth[c] = value
            }
            return depth[nip] ?? 0
        }
        let order = aktif.enumerated().map { ($0.offset, depthOf($0.element.employee.nip)) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { aktif[$0.0] }
        for employee in order { generate(employee) }
        var result: [DemoSkp] = aktif.compactMap { employee in
            guard let skp = generated[employee.employee.nip]?.skp else { return nil }
            return DemoSkp(ownerNIP: employee.employee.nip, unitCode: employee.unitCode,
                           atasanNIP: employee.atasanNIP.flatMap { byNIP[$0] != nil || PersonIdentifier.isNonASN($0) ? $0 : nil },
                           state: skp.state, decisionNote: skp.decisionNote, skp: skp,
                           amendments: amendments[employee.employee.nip] ?? [])
        }
        addTransfer(to: &result)
        return result
    }

    // MARK: The transfer

    /// The first day of the demo's transfer: the first of today's month (at most July, at least
    /// February) in the current year, 1 July in an earlier one; nil when that is after today.
    func transferDay() -> Common.Date? {
        guard year <= today.year else { return nil }
        let month: Int32 = year < today.year ? 7 : min(today.month, 7)
        let day = Common.Date(year: year, month: month, day: 1)
        guard month >= 2, day <= today else { return nil }
        return day
    }

    /// Gives one staff member (Dukcapil first, not a persona) a second SKP: the one of the
    /// position they held in a sibling unit until the day before ``transferDay()``, cloned from
    /// a colleague's there (new ids, the same links to that unit head's RHKs), approved in
    /// January; their own SKP starts on the transfer day.
    mutating func addTransfer(to result: inout [DemoSkp]) {
        guard let day = transferDay(), let dayBefore = day.adding(days: -1) else { return }
        let personas = Set(organisation.users.map(\.nip))
        let candidates = aktif.filter { orgCode($0.unitCode) == "KPG.DUKCAPIL" } + aktif.filter { orgCode($0.unitCode) != "KPG.DUKCAPIL" }
        for member in candidates where role(member) == .staff && !personas.contains(member.employee.nip) {
            guard let index = result.firstIndex(where: { $0.ownerNIP == member.employee.nip && !$0.previousPosition }),
                  result[index].state == .disetujui, let parent = units[member.unitCode]?.parentCode, parent != KupangDemo.rootCode
            else { continue }
            // A colleague in a sibling unit under another head, with an approved SKP that links.
            let sibling = aktif.first { other in
                other.unitCode != member.unitCode && units[other.unitCode]?.parentCode == parent && role(other) == .staff
                    && other.atasanNIP != nil && other.atasanNIP != member.atasanNIP && !personas.contains(other.employee.nip)
                    && generated[other.employee.nip].map { $0.skp.state == .disetujui && $0.skp.rhks.contains { !$0.parentRhkID.isEmpty } } == true
            }
            guard let sibling, let template = generated[sibling.employee.nip]?.skp else { continue }
            var random = SeededRandom(seed: seed, salt: "transfer|\(year)|\(member.employee.nip)")
            let milliseconds = UInt64(max(0, template.created?.at?.seconds ?? 0)) * 1000
            var old = template
            old.skpID = random.ulid(milliseconds: milliseconds)
            old.nip = member.employee.nip
            old.employee = Common.EmployeeRef(nip: member.employee.nip, displayName: member.displayName,
                                              jabatanName: sibling.employee.jabatanName)
            old.jenisJabatan = sibling.employee.jenisJabatan
            old.periodEnd = dayBefore
            old.behaviourExpectations = []
            old.rhks = template.rhks.map { rhk in
                var copy = rhk
                copy.rhkID = random.ulid(milliseconds: milliseconds)
                copy.skpID = old.skpID
                copy.ikis = rhk.ikis.map { iki in
                    var ikiCopy = iki
                    ikiCopy.ikiID = random.ulid(milliseconds: milliseconds)
                    ikiCopy.rhkID = copy.rhkID
                    ikiCopy.periodicTargets = []
                    return ikiCopy
                }
                return copy
            }
            old.created?.principal = member.employee.nip
            old.submitted?.principal = member.employee.nip
            // The new position's SKP starts on the transfer day; its dates follow it.
            var new = result[index].skp
            new.periodStart = day
            for r in new.rhks.indices { for i in new.rhks[r].ikis.indices { new.rhks[r].ikis[i].periodicTargets = [] } }
            let created = stamp(member.employee.nip, day, minute: 30)
            let submitted = stamp(member.employee.nip, self.day(offset: dayNumber(day) + 2, absolute: true), minute: 200)
            let decided = stamp(new.atasanNIP.isEmpty ? member.employee.nip : new.atasanNIP,
                                self.day(offset: dayNumber(day) + 4, absolute: true), minute: 400)
            new.created = created
            new.submitted = submitted
            new.decided = decided
            for r in new.rhks.indices { new.rhks[r].created = created; new.rhks[r].updated = created }
            new.behaviourExpectations = new.behaviourExpectations.map { var e = $0; e.setBy = stamp(new.atasanNIP, day, minute: 140); return e }
            result[index].skp = new
            result[index].amendments = []
            result.insert(DemoSkp(ownerNIP: member.employee.nip, unitCode: sibling.unitCode, atasanNIP: sibling.atasanNIP,
                                  state: old.state, decisionNote: old.decisionNote, skp: old, previousPosition: true), at: index + 1)
            return
        }
    }

    // MARK: Structure

    func depth(ofUnit code: String) -> Int {
        var count = 0
        var current = units[code]?.parentCode
        while let parent = current, count < 32 {
            count += 1
            current = units[parent]?.parentCode
        }
        return count
    }

    func role(_ employee: DemoEmployee) -> DemoRole {
        guard let unit = headOf[employee.employee.nip], unit == employee.unitCode else { return .staff }
        if unit == KupangDemo.sekretariatDaerahCode { return .sekda }
        switch depth(ofUnit: unit) {
        case ...1: return .orgHead
        case 2: return .middle
        default: return .seksi
        }
    }

    /// Code of the organisation (the unit directly under the root) the unit belongs to.
    func orgCode(_ unitCode: String) -> String {
        var code = unitCode
        while let parent = units[code]?.parentCode, parent != KupangDemo.rootCode { code = parent }
        return code
    }

    func inUPT(_ unitCode: String) -> Bool {
        var current: String? = unitCode
        while let code = current, let unit = units[code] {
            if unit.kind == .upt { return true }
            current = unit.parentCode
        }
        return false
    }

    /// The themes an organisation head takes: the organisation's, plus the budget theme for JPT.
    func orgHeadThemes(_ employee: DemoEmployee) -> [DemoTheme] {
        DemoSkpCatalog.agencyThemes(orgCode: employee.unitCode)
            + (employee.employee.jenisJabatan == .jpt ? [DemoSkpCatalog.anggaran] : [])
    }

    /// The Sekretaris Daerah's RHK each theme of an organisation head intervenes.
    func orgHeadParents(_ themes: [DemoTheme], atasan: [PlannedRhk]) -> [Int] {
        themes.map { theme in atasan.firstIndex { $0.theme.key == theme.sekdaParent } ?? 0 }
    }

    // MARK: Planning the bawahan's links

    mutating func plan(for atasanNIP: String) -> Plan {
        if let plan = plans[atasanNIP] { return plan }
        let rhks = generated[atasanNIP]?.utama ?? []
        var plan = Plan(contributors: Array(repeating: [], count: rhks.count))
        guard !rhks.isEmpty else { plans[atasanNIP] = plan; return plan }
        var random = SeededRandom(seed: seed, salt: "plan|\(year)|\(atasanNIP)")
        let team = bawahan[atasanNIP] ?? []
        var unmatched = 0
        var flexible: [String] = []
        for member in team {
            let nip = member.employee.nip
            var picks: [Int]
            switch role(member) {
            case .orgHead, .sekda:
                picks = orgHeadParents(orgHeadThemes(member), atasan: rhks)
            case .middle, .seksi:
                let unit = units[member.unitCode]
                let levels = rhks.map { rhk in unit.flatMap { rhk.theme.match($0) } ?? 0 }
                let best = levels.max() ?? 0
                if best > 0 {
                    picks = Array(levels.indices.filter { levels[$0] == best }.prefix(3))
                } else {
                    picks = [unmatched % rhks.count]
                    unmatched += 1
                }
                flexible.append(nip)
            case .staff:
                picks = random.distinct(random.chance(perMille: 350) ? 1 : 2, of: rhks.count)
                flexible.append(nip)
            }
            plan.parents[nip] = picks
        }
        // Every RHK of the atasan gets a contributor: the flexible bawahan with the fewest
        // links takes it (staff before heads, then team order).
        for index in rhks.indices {
            let covered = plan.parents.values.contains { $0.contains(index) }
            guard !covered else { continue }
            let candidates = flexible.filter { (plan.parents[$0]?.count ?? 0) < 4 }
            let chosen = candidates.min { a, b in
                let ka = (plan.parents[a]?.count ?? 0, byNIP[a].map(role) == .staff ? 0 : 1)
                let kb = (plan.parents[b]?.count ?? 0, byNIP[b].map(role) == .staff ? 0 : 1)
                return ka < kb
            }
            if let chosen { plan.parents[chosen, default: []].append(index) }
        }
        for member in team {
            let nip = member.employee.nip
            let sorted = Array(Set(plan.parents[nip] ?? [])).sorted()
            plan.parents[nip] = sorted
            for index in sorted { plan.contributors[index].append(nip) }
        }
        plans[atasanNIP] = plan
        return plan
    }

    // MARK: One SKP

    mutating func generate(_ member: DemoEmployee) {
        let employee = member.employee
        let nip = employee.nip
        var random = SeededRandom(seed: seed, salt: "skp|\(year)|\(nip)")
        // Issue 11's draws (cascade type, peran, Lampiran, amendments) come from a stream of
        // their own, so everything drawn before them stays as it was.
        var annex = SeededRandom(seed: seed, salt: "annex|\(year)|\(nip)")
        let ownerRole = role(member)
        // The Wali Kota (non-ASN, no SKP) counts as the Sekretaris Daerah's atasan.
        let atasanNIP = member.atasanNIP.flatMap { generated[$0] != nil || PersonIdentifier.isNonASN($0) ? $0 : nil }
        let atasanRhks = atasanNIP.flatMap { generated[$0]?.utama } ?? []
        let unit = units[member.unitCode]
        let org = units[orgCode(member.unitCode)]
        let upt = inUPT(member.unitCode)
        let isJPT = employee.jenisJabatan == .jpt

        // State and stamps first, so every SKP draws them in the same order.
        // Without an atasan in Kinerja (the Sekretaris Daerah) an SKP cannot be submitted
        // (SubmissionRules), so it stays DRAFT.
        let state: Planning.SkpState
        let roll = random.below(1000)
        if ownerRole == .sekda && atasanNIP != nil {
            // The Sekretaris Daerah's SKP, approved by the Wali Kota (a non-ASN penilai).
            state = .disetujui
        } else if nip == pegawaiNIP || atasanNIP == nil {
            state = .draft
        } else if nip == atasanPersonaNIP {
            state = .disetujui
        } else if ownerRole != .staff {
            state = roll < 900 ? .disetujui : .diajukan
        } else {
            state = roll < 680 ? .disetujui : roll < 800 ? .diajukan : roll < 920 ? .draft : .dikembalikan
        }
        let createdDay = day(offset: random.below(10))
        let submittedDay = day(offset: dayNumber(createdDay) + 1 + random.below(10), absolute: true)
        let decidedDay = day(offset: dayNumber(submittedDay) + 1 + random.below(7), absolute: true)
        let created = stamp(nip, createdDay, minute: random.below(120))
        let submitted = stamp(nip, submittedDay, minute: 150 + random.below(150))
        let decided = stamp(atasanNIP ?? nip, decidedDay, minute: 330 + random.below(150))
        let milliseconds = UInt64(max(0, created.at?.seconds ?? 0)) * 1000
        let skpID = random.ulid(milliseconds: milliseconds)
        let approach: Planning.SkpApproach =
            ownerRole == .staff && nip != pegawaiNIP && random.chance(perMille: 40) ? .kualitatif : .kuantitatif

        // Which themes, each with its parent.
        var items: [(theme: DemoTheme, parent: PlannedRhk?, share: Int, variant: Int)] = []
        switch ownerRole {
        case .sekda:
            items = DemoSkpCatalog.sekda.map { ($0, nil, 1, 0) }
        case .orgHead:
            let themes = orgHeadThemes(member)
            let parents = orgHeadParents(themes, atasan: atasanRhks)
            items = zip(themes, parents).map { theme, index in
                (theme, atasanRhks.indices.contains(index) ? atasanRhks[index] : nil, 1, 0)
            }
        case .middle, .seksi, .staff:
            if let atasanNIP, !atasanRhks.isEmpty {
                let plan = plan(for: atasanNIP)
                for index in plan.parents[nip] ?? [] {
                    let contributors = plan.contributors[index]
                    let variant = contributors.firstIndex(of: nip) ?? 0
                    items.append((atasanRhks[index].theme, atasanRhks[index], max(1, contributors.count), variant))
                }
            }
            if items.isEmpty {
                // No atasan SKP to intervene: the organisation's first theme, unlinked.
                let theme = DemoSkpCatalog.agencyThemes(orgCode: orgCode(member.unitCode)).first ?? DemoSkpCatalog.anggaran
                items = [(theme, nil, 1, 0)]
            }
        }

        var rhks: [Planning.Rhk] = []
        var utama: [PlannedRhk] = []
        for item in items {
            let theme = item.theme
            var text: String
            switch ownerRole {
            case .sekda, .orgHead: text = theme.head
            case .middle: text = upt ? (theme.upt ?? theme.middle) : theme.middle
            case .seksi: text = theme.seksi ?? theme.middle
            case .staff:
                let texts = upt ? (theme.uptStaff ?? theme.staff) : theme.staff
                text = texts[(item.variant + random.below(2)) % texts.count]
            }
            let place = ownerRole == .orgHead || ownerRole == .sekda ? org?.name : unit?.name
            text = text.replacingPlaceholder(with: place ?? "")
            // A bidang or seksi head sometimes carries the atasan's result itself (direct, its text).
            var cascadeType: Planning.CascadeType = .unspecified
            var peran = ""
            if let parent = item.parent {
                let isHead = ownerRole == .middle || ownerRole == .seksi
                cascadeType = isHead && annex.chance(perMille: 200) ? .direct : .nonDirect
                if cascadeType == .direct { text = parent.rhk.text }
                peran = ownerRole == .orgHead ? "Penanggung jawab program"
                    : isHead ? annex.pick(DemoSkpAnnex.headPeran) : annex.pick(DemoSkpAnnex.staffPeran)
            }

            let rhkID = random.ulid(milliseconds: milliseconds)
            var specs = upt ? (theme.uptIkis ?? theme.ikis) : theme.ikis
            if ownerRole == .staff { specs = Array(specs.prefix(random.chance(perMille: 600) ? 2 : 1)) }
            var ikis: [Planning.Iki] = []
            var values: [String: Double] = [:]
            for spec in specs {
                let value = targetValue(spec, role: ownerRole, upt: upt, parent: item.parent, share: item.share)
                values[spec.indicator] = value
                ikis.append(iki(spec, value: value, approach: approach, rhkID: rhkID, position: UInt32(ikis.count + 1),
                                milliseconds: milliseconds, random: &random))
            }
            let rhk = Planning.Rhk(
                rhkID: rhkID, skpID: skpID, kind: .utama, text: text,
                parentRhkID: item.parent?.rhk.rhkID ?? "", parentOwnerNIP: item.parent == nil ? "" : (atasanNIP ?? ""),
                parentRhkText: item.parent?.rhk.text ?? "", perspektif: isJPT ? theme.perspektif : .unspecified,
                ikis: ikis, position: UInt32(rhks.count + 1), created: created, updated: created, cascadeType: cascadeType, peran: peran)
            rhks.append(rhk)
            utama.append(PlannedRhk(rhk: rhk, theme: theme, values: values))
        }

        if random.chance(perMille: ownerRole == .staff ? 220 : 100) {
            let extra = DemoSkpCatalog.tambahan[random.below(DemoSkpCatalog.tambahan.count)]
            let rhkID = random.ulid(milliseconds: milliseconds)
            let iki = iki(extra.iki, value: extra.iki.value, approach: approach, rhkID: rhkID, position: 1,
                          milliseconds: milliseconds, random: &random, periodic: false)
            rhks.append(Planning.Rhk(
                rhkID: rhkID, skpID: skpID, kind: .tambahan, text: extra.text, perspektif: isJPT ? .penguatanInternal : .unspecified,
                ikis: [iki], position: UInt32(rhks.count + 1),
                penugasan: "\(extra.letter)/\(100 + random.below(900))/\(year)", created: created, updated: created))
        }

        var expectations: [Planning.BehaviourExpectation] = []
        if let atasanNIP, random.chance(perMille: 400) {
            let picks = random.distinct(1 + random.below(2), of: DemoSkpCatalog.expectations.count)
            var usedValues = Set<Int32>()
            for (n, index) in picks.enumerated() {
                let (value, text) = DemoSkpCatalog.expectations[index]
                guard usedValues.insert(value.rawValue).inserted else { continue }
                let onRhk = n == 0 && random.chance(perMille: 500) ? rhks.first?.rhkID ?? "" : ""
                expectations.append(Planning.BehaviourExpectation(
                    value: value, ekspektasiKhusus: text, rhkID: onRhk,
                    setBy: stamp(atasanNIP, createdDay, minute: 140)))
            }
        }

        let decisionNote: String
        switch state {
        case .dikembalikan: decisionNote = DemoSkpCatalog.returnNotes[random.below(DemoSkpCatalog.returnNotes.count)]
        case .disetujui: decisionNote = DemoSkpCatalog.approvalNotes[random.below(DemoSkpCatalog.approvalNotes.count)]
        default: decisionNote = ""
        }
        let wasSubmitted = state != .draft
        let wasDecided = state == .disetujui || state == .dikembalikan
        let changes = rhks.count + rhks.reduce(0) { $0 + $1.ikis.count } + (expectations.isEmpty ? 0 : 1)
        let lampiran = DemoSkpAnnex.lampiran(org: org?.name ?? "", unit: unit?.name ?? "", year: year, random: &annex)
        if state == .disetujui, let atasanNIP, !expectations.isEmpty, annex.chance(perMille: 150) {
            // The penilai clarifies an expectation a few weeks after approval; the owner has read about half of them.
            var amended = expectations
            amended[0].ekspektasiKhusus += " Ditegaskan: menindaklanjuti setiap pengaduan dalam 1×24 jam."
            let amendedDay = day(offset: dayNumber(decidedDay) + 20 + annex.below(30), absolute: true)
            let at = stamp(atasanNIP, amendedDay, minute: 60)
            amended = amended.map { var e = $0; e.setBy = at; return e }
            let read = annex.chance(perMille: 500) && amendedDay < today
            amendments[nip] = [Planning.ExpectationAmendment(
                amendmentID: annex.ulid(milliseconds: UInt64(max(0, at.at?.seconds ?? 0)) * 1000), version: 1, expectations: amended,
                reason: annex.pick(DemoSkpAnnex.amendmentReasons), amended: at,
                seenByOwner: read ? Common.Timestamp(seconds: (at.at?.seconds ?? 0) + 86_400, nanos: 0) : nil)]
        }
        let skp = Planning.Skp(
            skpID: skpID, version: 1, nip: nip,
            employee: Common.EmployeeRef(nip: nip, displayName: member.displayName, jabatanName: employee.jabatanName),
            year: year, periodStart: Common.Date(year: year, month: 1, day: 1), periodEnd: Common.Date(year: year, month: 12, day: 31),
            approach: approach, jenisJabatan: employee.jenisJabatan, atasanNIP: wasSubmitted ? (atasanNIP ?? "") : "",
            rhks: rhks, behaviourExpectations: expectations, state: state, decisionNote: decisionNote,
            created: created, submitted: wasSubmitted ? submitted : nil, decided: wasDecided ? decided : nil,
            revision: UInt64(1 + changes + (wasSubmitted ? 1 : 0) + (wasDecided ? 1 : 0)), lampiran: lampiran)
        generated[nip] = (skp, utama)
    }

    // MARK: Targets

    /// The annual target of an IKI written from `spec` at `role`, under `parent`.
    func targetValue(_ spec: DemoIkiSpec, role: DemoRole, upt: Bool, parent: PlannedRhk?, share: Int) -> Double {
        guard spec.isAmount else { return spec.value }
        let fraction: Double
        switch role {
        case .sekda, .orgHead: return spec.value
        case .middle: if upt { return spec.value } else { fraction = 0.5 }
        case .seksi: fraction = 0.6
        case .staff: fraction = 1 / Double(share)
        }
        let base = parent?.values[spec.indicator] ?? spec.value * 0.3
        let raw = base * fraction
        if spec.unit == "rupiah" { return max(1_000_000, (raw / 1_000_000).rounded() * 1_000_000) }
        return max(1, raw.rounded())
    }

    func iki(
        _ spec: DemoIkiSpec, value: Double, approach: Planning.SkpApproach, rhkID: String, position: UInt32,
        milliseconds: UInt64, random: inout SeededRandom, periodic: Bool = true
    ) -> Planning.Iki {
        let ikiID = random.ulid(milliseconds: milliseconds)
        var target = Planning.Target(value: value, upperValue: spec.upper.map { Common.DoubleValue(value: $0) }, unit: spec.unit,
                                     direction: spec.direction)
        var periodicTargets: [Planning.PeriodicTarget] = []
        if approach == .kualitatif {
            target = Planning.Target(value: 0, unit: "", qualitativeText: "\(spec.indicator) tercapai sesuai rencana kerja dan diterima atasan tanpa revisi",
                                     direction: .higherIsBetter)
        } else if periodic, random.chance(perMille: 850) {
            periodicTargets = quarters(spec, annual: value, random: &random)
        }
        return Planning.Iki(ikiID: ikiID, rhkID: rhkID, aspek: spec.aspek, indicator: spec.indicator, annualTarget: target,
                            periodicTargets: periodicTargets, position: position, aggregation: spec.aggregation)
    }

    /// Four triwulan targets consistent with the annual target (``PeriodicTargetRules``).
    func quarters(_ spec: DemoIkiSpec, annual: Double, random: inout SeededRandom) -> [Planning.PeriodicTarget] {
        var values: [Double]
        var cumulative = false
        if spec.isAmount {
            let weights = [[0.2, 0.25, 0.25], [0.25, 0.25, 0.25], [0.15, 0.25, 0.3]][random.below(3)]
            let step = spec.unit == "rupiah" ? 1_000_000.0 : 1
            values = weights.map { ((annual * $0) / step).rounded() * step }
            if values.reduce(0, +) > annual {
                values = weights.map { ((annual * $0) / step).rounded(.down) * step }
            }
            values.append(annual - values.reduce(0, +))
            if random.chance(perMille: 300) {
                cumulative = true
                var running = 0.0
                values = values.map { running += $0; return running }
                values[3] = annual
            }
        } else if spec.direction == .lowerIsBetter {
            values = [annual + 2, annual + 1, annual + 1, annual]
        } else {
            values = [0.9, 0.94, 0.97].map { (annual * $0).rounded(.down) } + [annual]
        }
        let notes = ["", "", "", "Termasuk penyesuaian beban kerja akhir tahun"]
        return values.enumerated().map { index, value in
            Planning.PeriodicTarget(period: Common.Period.triwulan(Int32(index + 1), of: year), value: value,
                                    cumulative: cumulative, note: index == 3 && random.chance(perMille: 200) ? notes[3] : "")
        }
    }

    // MARK: Days and stamps

    /// The first working days of the year start on 5 January.
    var firstDay: Common.Date { Common.Date(year: year, month: 1, day: 5) }

    /// The day `offset` days after the year's first working day (or the absolute day number), never after today.
    func day(offset: Int, absolute: Bool = false) -> Common.Date {
        let base = firstDay.daysSinceEpoch ?? 0
        let number = absolute ? offset : base + offset
        let candidate = Common.Date(daysSinceEpoch: number) ?? firstDay
        return today < candidate ? today : candidate
    }

    func dayNumber(_ date: Common.Date) -> Int {
        date.daysSinceEpoch ?? 0
    }

    /// A stamp by `principal` at 08:00 WITA + `minute` on `date`.
    func stamp(_ principal: String, _ date: Common.Date, minute: Int) -> Common.AuditStamp {
        let seconds = Int64(dayNumber(date)) * 86_400 - Int64(Wita.utcOffsetSeconds) + Int64(8 * 3600 + minute * 60)
        return Common.AuditStamp(principal: principal, principalKind: .user, at: Common.Timestamp(seconds: seconds))
    }
}

extension String {
    /// The text with `{unit}` replaced.
    fileprivate func replacingPlaceholder(with value: String) -> String {
        replacing("{unit}", with: value)
    }
}
