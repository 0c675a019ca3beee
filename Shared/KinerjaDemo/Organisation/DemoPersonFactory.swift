import KinerjaProto
import KinerjaASN

/// Draws demo employees: names, valid unique NIPs, dates, grades and contacts.
///
/// Everything is relative to `anchor` (the earlier of today and ``KupangDemo/referenceDate``),
/// so the same seed gives the same people on every day from the reference date on, and every
/// person is valid on any such day: appointments end at the latest in December of the year
/// before the anchor.
struct DemoPersonFactory {
    /// Age range of staff, in years at the anchor.
    static let staffAge = 26...56

    var random: SeededRandom
    let anchor: Common.Date
    /// NIP sequence numbers this factory draws from; the organisation and the synthetic
    /// employees use disjoint ranges, so their NIPs can never clash.
    let sequences: ClosedRange<Int>
    /// Chance, per mille, that a staff member in a position open to PPPK is PPPK.
    let pppkPerMille: Int
    private(set) var usedNIPs: Set<String> = []
    private var usedMailNames: [String: Int] = [:]

    init(random: SeededRandom, anchor: Common.Date, sequences: ClosedRange<Int>, pppkPerMille: Int) {
        self.random = random
        self.anchor = anchor
        self.sequences = sequences
        self.pppkPerMille = pppkPerMille
    }

    /// A unit head: always PNS and AKTIF, with a career long enough for the post.
    mutating func head(_ spec: HeadSpec) -> Identity.Employee {
        person(jabatan: spec.jabatan, jenis: spec.jenis, golongan: spec.golongan, pppkGolongan: nil, gelar: spec.gelar,
               femaleOnly: false, age: spec.age, serviceStartAge: 21...28, statusVaries: false)
    }

    /// A staff member in `position`.
    mutating func staff(_ position: DemoPosition) -> Identity.Employee {
        person(jabatan: position.name, jenis: position.jenis, golongan: position.golongan, pppkGolongan: position.pppkGolongan,
               gelar: position.gelar, femaleOnly: position.femaleOnly, age: Self.staffAge, serviceStartAge: 19...35, statusVaries: true)
    }

    private mutating func person(
        jabatan: String, jenis: Common.JenisJabatan, golongan: [String], pppkGolongan: String?, gelar: [Gelar],
        femaleOnly: Bool, age: ClosedRange<Int>, serviceStartAge: ClosedRange<Int>, statusVaries: Bool
    ) -> Identity.Employee {
        let sex: Identity.Sex = femaleOnly || random.below(2) == 1 ? .female : .male
        let given = random.pick(sex == .male ? DemoNames.male : DemoNames.female)
        var fullName = given
        if random.chance(perMille: 250) {
            let second = random.pick(sex == .male ? DemoNames.male : DemoNames.female)
            if second != given { fullName += " " + second }
        }
        let family = random.pick(DemoNames.family)
        fullName += " " + family
        var title = random.pick(gelar)
        // The old doctorandus title has a feminine form.
        if sex == .female, title.depan == "Drs." { title.depan = "Dra." }
        if sex == .male, title.depan == "Dra." { title.depan = "Drs." }
        let isPPPK = pppkGolongan != nil && random.chance(perMille: pppkPerMille)

        let birthYear = Int(anchor.year) - random.int(in: age)
        let birthMonth = random.int(in: 1...12)
        let birth = Common.Date(
            year: Int32(birthYear), month: Int32(birthMonth),
            day: Int32(random.int(in: 1...Int(Common.Date.daysIn(month: Int32(birthMonth), year: Int32(birthYear))))))
        let lastServiceYear = Int(anchor.year) - 1
        let tmtYear: Int
        if isPPPK {
            // PPPK appointments began in 2019; mostly 2021 onwards.
            let low = max(birthYear + 20, 2019)
            tmtYear = random.int(in: min(low, lastServiceYear)...lastServiceYear)
        } else {
            let high = min(birthYear + serviceStartAge.upperBound, lastServiceYear)
            let low = min(birthYear + serviceStartAge.lowerBound, high)
            tmtYear = random.int(in: low...high)
        }
        let tmt = Common.Date(year: Int32(tmtYear), month: Int32(random.int(in: 1...12)), day: 1)

        let sexDigit = sex == .male ? "1" : "2"
        let prefix = digits(birthYear, 4) + digits(birthMonth, 2) + digits(Int(birth.day), 2)
            + (isPPPK ? digits(tmtYear, 4) + "21" : digits(tmtYear, 4) + digits(Int(tmt.month), 2)) + sexDigit
        let nip = uniqueNIP(prefix: prefix)

        let status: Identity.EmploymentStatus
        if statusVaries {
            let roll = random.below(1000)
            status = roll < 20 ? .cuti : roll < 35 ? .tugasBelajar : .aktif
        } else {
            status = .aktif
        }
        var email = ""
        if random.chance(perMille: 750) {
            let base = DemoNames.mailPart(given) + "." + DemoNames.mailPart(family)
            let count = usedMailNames[base, default: 0] + 1
            usedMailNames[base] = count
            email = (count == 1 ? base : base + String(count)) + "@kupangkota.go.id"
        }
        var phone = ""
        if random.chance(perMille: 850) {
            // Telkomsel, Indosat and XL mobile prefixes, as dialled from abroad.
            let operatorPrefix = random.pick(["812", "813", "821", "822", "852", "853", "815", "857", "817", "878"])
            phone = "+62" + operatorPrefix + digits(random.int(in: 0...99_999_999), 8)
        }

        return Identity.Employee(
            nip: nip, fullName: fullName, gelarDepan: title.depan, gelarBelakang: title.belakang,
            asnType: isPPPK ? .pppk : .pns, jenisJabatan: jenis, jabatanName: jabatan,
            golongan: isPPPK ? (pppkGolongan ?? "") : random.pick(golongan),
            birthDate: birth, sex: sex, tmt: tmt, status: status, email: email, phone: phone)
    }

    /// The prefix plus a sequence number not used with it before.
    private mutating func uniqueNIP(prefix: String) -> String {
        // Start at a random sequence and walk the range, so the draw stays uniform while a
        // collision (very rare: same birth day, appointment month and sex) costs one step.
        let start = random.int(in: sequences)
        for offset in 0..<sequences.count {
            let sequence = sequences.lowerBound + (start - sequences.lowerBound + offset) % sequences.count
            let nip = prefix + digits(sequence, 3)
            if usedNIPs.insert(nip).inserted { return nip }
        }
        // Unreachable in practice (hundreds of people sharing one birth day and appointment
        // month); reuse the last candidate rather than trap, and let the tests catch it.
        return prefix + digits(sequences.upperBound, 3)
    }

    private func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
