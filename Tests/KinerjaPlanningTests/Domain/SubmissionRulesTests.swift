import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Submission rules")
struct SubmissionRulesTests {
    func reasons(_ skp: Planning.Skp, atasan: String? = Fixtures.atasanNIP, unitHead: Bool = false) -> [String] {
        SubmissionRules.violations(skp, atasanNIP: atasan, ownerIsUnitHead: unitHead).map(\.reason)
    }

    @Test("a complete DRAFT can be submitted")
    func valid() {
        #expect(reasons(Fixtures.skp()) == [])
    }

    @Test("SubmitSkp: at least one Utama RHK")
    func utamaRequired() {
        let skp = Fixtures.skp(rhks: [Fixtures.rhk(kind: .tambahan, parent: "")])
        #expect(reasons(skp) == ["SKP_NO_UTAMA_RHK"])
        #expect(reasons(Fixtures.skp(rhks: [])) == ["SKP_NO_UTAMA_RHK"])
    }

    @Test("Skp.rhks: at most 30")
    func tooManyRhks() {
        let rhks = (1...31).map { Fixtures.rhk(id: "RHK-\($0)") }
        let v = SubmissionRules.violations(Fixtures.skp(rhks: rhks), atasanNIP: Fixtures.atasanNIP, ownerIsUnitHead: false)
        #expect(v.map(\.reason) == ["SKP_TOO_MANY_RHKS"])
        #expect(v.first?.field == "rhks")
    }

    @Test("Rhk.ikis: 1-10 per RHK before submission")
    func ikiCount() {
        let none = SubmissionRules.violations(Fixtures.skp(rhks: [Fixtures.rhk(ikis: [])]), atasanNIP: Fixtures.atasanNIP, ownerIsUnitHead: false)
        #expect(none.map(\.reason) == ["RHK_NO_IKI"])
        #expect(none.first?.field == "rhks[0].ikis")
        let eleven = (1...11).map { Fixtures.countIki(id: "IKI-\($0)") }
        #expect(reasons(Fixtures.skp(rhks: [Fixtures.rhk(ikis: eleven)])) == ["RHK_TOO_MANY_IKIS"])
        let ten = (1...10).map { Fixtures.countIki(id: "IKI-\($0)") }
        #expect(reasons(Fixtures.skp(rhks: [Fixtures.rhk(ikis: ten)])) == [])
    }

    @Test("SubmitSkp: a Kuantitatif IKI needs a numeric target with its unit")
    func numericTarget() {
        var iki = Fixtures.countIki()
        iki.annualTarget?.unit = ""
        let v = SubmissionRules.violations(Fixtures.skp(rhks: [Fixtures.rhk(ikis: [iki])]), atasanNIP: Fixtures.atasanNIP, ownerIsUnitHead: false)
        #expect(v.map(\.reason) == ["IKI_TARGET_UNIT_REQUIRED"])
        #expect(v.first?.field == "rhks[0].ikis[0].annual_target.unit")
        iki.annualTarget = nil
        iki.periodicTargets = []
        #expect(reasons(Fixtures.skp(rhks: [Fixtures.rhk(ikis: [iki])])) == ["IKI_TARGET_REQUIRED"])
    }

    @Test("SubmitSkp: no unreviewed review flags")
    func reviewFlags() {
        var rhk = Fixtures.rhk()
        rhk.reviewFlag = Planning.RhkReviewFlag(parentRhkID: "PARENT-1", parentRevisionSeen: 3, parentRevisionCurrent: 5,
                                                changeSummary: "RHK text changed")
        let v = SubmissionRules.violations(Fixtures.skp(rhks: [rhk]), atasanNIP: Fixtures.atasanNIP, ownerIsUnitHead: false)
        #expect(v.map(\.reason) == ["RHK_REVIEW_PENDING"])
        #expect(v.first?.field == "rhks[0].review_flag")
        #expect(v.first?.description.contains("RHK text changed") == true)
    }

    @Test("SubmitSkp: an atasan exists to submit to")
    func atasanRequired() {
        // Without an atasan, no link is required either (Rhk.parent_rhk_id); only the missing atasan is reported.
        #expect(reasons(Fixtures.skp(rhks: [Fixtures.rhk(parent: "")]), atasan: nil) == ["SKP_NO_ATASAN"])
        #expect(reasons(Fixtures.skp(rhks: [Fixtures.rhk(parent: "")]), atasan: "") == ["SKP_NO_ATASAN"])
    }

    @Test("an Utama RHK below the unit head intervenes an RHK of the atasan; a unit head's and a Tambahan need not")
    func parentRequired() {
        let unlinked = Fixtures.skp(rhks: [Fixtures.rhk(parent: "")])
        let v = SubmissionRules.violations(unlinked, atasanNIP: Fixtures.atasanNIP, ownerIsUnitHead: false)
        #expect(v.map(\.reason) == ["RHK_PARENT_REQUIRED"])
        #expect(v.first?.field == "rhks[0].parent_rhk_id")
        #expect(reasons(unlinked, unitHead: true) == [])
        let tambahan = Fixtures.rhk(id: "RHK-2", kind: .tambahan, parent: "")
        #expect(reasons(Fixtures.skp(rhks: [Fixtures.rhk(), tambahan])) == [])
    }

    @Test("a link to an RHK of someone who is no longer the atasan is refused at submission")
    func staleParent() {
        #expect(reasons(Fixtures.skp(), atasan: "197001011995031001") == ["RHK_PARENT_NOT_ATASAN"])
    }

    @Test("the approach is required; field rules of RHKs, IKIs, periodic targets and expectations are rechecked")
    func fieldRules() {
        var skp = Fixtures.skp(approach: .unspecified)
        #expect(reasons(skp) == ["SKP_APPROACH_REQUIRED"])
        skp = Fixtures.skp(jenis: .jpt)
        #expect(reasons(skp) == ["RHK_PERSPEKTIF_REQUIRED"])
        // Covered days changed after the periodic targets were set: triwulan I is now outside.
        skp = Fixtures.skp()
        skp.periodStart = Common.Date(year: 2026, month: 4, day: 1)
        #expect(reasons(skp) == ["PERIODIC_TARGET_OUTSIDE_SKP_PERIOD"])
        skp = Fixtures.skp()
        skp.behaviourExpectations = [Planning.BehaviourExpectation(value: .akuntabel, ekspektasiKhusus: "", rhkID: "NOPE")]
        #expect(reasons(skp) == ["EXPECTATION_TEXT_REQUIRED", "EXPECTATION_RHK_UNKNOWN"])
    }

    @Test("every broken rule is reported at once")
    func all() {
        var rhk = Fixtures.rhk(parent: "", ikis: [])
        rhk.reviewFlag = Planning.RhkReviewFlag(parentRhkID: "X", changeSummary: "RHK removed", parentRemoved: true)
        let v = SubmissionRules.violations(Fixtures.skp(rhks: [rhk, Fixtures.rhk(id: "T", kind: .tambahan, parent: "")]),
                                           atasanNIP: nil, ownerIsUnitHead: false)
        #expect(Set(v.map(\.reason)) == ["SKP_NO_ATASAN", "RHK_NO_IKI", "RHK_REVIEW_PENDING"])
    }
}
