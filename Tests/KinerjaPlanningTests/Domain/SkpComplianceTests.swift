import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("SKP deadline compliance")
struct SkpComplianceTests {
    static func day(_ month: Int32, _ day: Int32) -> Common.Date { Common.Date(year: 2026, month: month, day: day) }

    @Test("the deadline is the policy's date (default 31 January) or 30 days after the TMT jabatan, whichever is later; an unknown TMT counts as 1 January")
    func deadline() {
        let policy = SkpDeadlinePolicy()
        #expect(policy.deadline(year: 2026, tmtJabatan: nil) == Self.day(1, 31))
        #expect(policy.deadline(year: 2026, tmtJabatan: Common.Date(year: 2015, month: 3, day: 1)) == Self.day(1, 31))
        #expect(policy.deadline(year: 2026, tmtJabatan: Self.day(7, 1)) == Self.day(7, 31))
        #expect(policy.deadline(year: 2026, tmtJabatan: Self.day(1, 10)) == Self.day(2, 9))
        let custom = SkpDeadlinePolicy(month: 2, day: 31, daysAfterTmt: 14)
        #expect(custom.deadline(year: 2026, tmtJabatan: nil) == Self.day(2, 28), "a day past the month's end is its last day")
        #expect(custom.deadline(year: 2026, tmtJabatan: Self.day(3, 1)) == Self.day(3, 15))
    }

    @Test("approved on or before the deadline is APPROVED, after it APPROVED_LATE with the days; the first approval counts")
    func approved() {
        let facts = { (day: Common.Date) in SkpCompliance.Facts(latestState: .draft, firstApproval: day, hasValidPenilai: true) }
        #expect(SkpCompliance.judge(facts(Self.day(1, 31)), deadline: Self.day(1, 31), asOf: Self.day(3, 1)) == .init(status: .approved, daysLate: 0))
        #expect(SkpCompliance.judge(facts(Self.day(2, 5)), deadline: Self.day(1, 31), asOf: Self.day(3, 1)) == .init(status: .approvedLate, daysLate: 5))
    }

    @Test("before the deadline nothing approved is NOT_DUE; after it the reason: NO_SKP, DRAFT, WAITING_FOR_PENILAI, RETURNED, with the days late")
    func reasons() {
        let deadline = Self.day(1, 31)
        func judge(_ state: Planning.SkpState?, on day: Common.Date) -> SkpCompliance.Judgement {
            SkpCompliance.judge(SkpCompliance.Facts(latestState: state, firstApproval: nil, hasValidPenilai: true), deadline: deadline, asOf: day)
        }
        #expect(judge(nil, on: Self.day(1, 31)) == .init(status: .notDue, daysLate: 0))
        #expect(judge(.diajukan, on: Self.day(1, 20)) == .init(status: .notDue, daysLate: 0))
        #expect(judge(nil, on: Self.day(2, 10)) == .init(status: .noSkp, daysLate: 10))
        #expect(judge(.draft, on: Self.day(2, 10)) == .init(status: .draft, daysLate: 10))
        #expect(judge(.diajukan, on: Self.day(2, 10)) == .init(status: .waitingForPenilai, daysLate: 10))
        #expect(judge(.dikembalikan, on: Self.day(2, 10)) == .init(status: .returned, daysLate: 10))
    }

    @Test("a submitted SKP whose owner has no valid pejabat penilai today is NO_VALID_PENILAI, even before the deadline")
    func noValidPenilai() {
        let facts = SkpCompliance.Facts(latestState: .diajukan, firstApproval: nil, hasValidPenilai: false)
        #expect(SkpCompliance.judge(facts, deadline: Self.day(1, 31), asOf: Self.day(1, 15)) == .init(status: .noValidPenilai, daysLate: 0))
        #expect(SkpCompliance.judge(facts, deadline: Self.day(1, 31), asOf: Self.day(2, 3)) == .init(status: .noValidPenilai, daysLate: 3))
        // A draft without a penilai is still the owner's to finish.
        let draft = SkpCompliance.Facts(latestState: .draft, firstApproval: nil, hasValidPenilai: false)
        #expect(SkpCompliance.judge(draft, deadline: Self.day(1, 31), asOf: Self.day(2, 3)).status == .draft)
    }

    @Test("counts: one per status that occurs, in the enum's order")
    func counts() {
        let counts = SkpCompliance.counts([.draft, .approved, .draft, .noValidPenilai])
        #expect(counts == [Planning.SkpComplianceCount(status: .approved, count: 1), Planning.SkpComplianceCount(status: .draft, count: 2),
                           Planning.SkpComplianceCount(status: .noValidPenilai, count: 1)])
    }

    @Test("who counts as a valid pejabat penilai: the atasan langsung, a Plt/Plh, the non-ASN Kepala Daerah; not NONE")
    func penilaiToday() {
        let ref = Common.EmployeeRef(nip: "198201012008011003")
        for kind in [Common.PenilaiKind.atasanLangsung, .plt, .plh, .external] {
            let answer = Identity.PejabatPenilai(nip: "X", kind: kind, penilai: ref)
            #expect(PenilaiToday.isValid(answer))
            #expect(PenilaiToday.isPenilai("198201012008011003", answer))
            #expect(!PenilaiToday.isPenilai("199001012015011001", answer))
        }
        #expect(!PenilaiToday.isValid(Identity.PejabatPenilai(nip: "X", kind: .none, reason: "the atasan is PENSIUN")))
        let plt = Identity.PejabatPenilai(nip: "X", kind: .plt, penilai: ref, penilaiIsAsn: true, penilaiGolongan: "IV/a", decreeNumber: "800/12/BKPSDM/2026")
        #expect(PenilaiToday.reference(plt) == Common.PenilaiRef(penilai: ref, kind: .plt, isAsn: true, golongan: "IV/a", decreeNumber: "800/12/BKPSDM/2026"))
    }
}
