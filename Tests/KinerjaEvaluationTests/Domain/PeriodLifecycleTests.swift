import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Finalisation state machine: PERSIAPAN → PENILAIAN → FINALISED, reopening with a reason")
struct PeriodLifecycleTests {
    let basis = "Hasil evaluasi SAKIP 2026"
    let override = "Unit kecil; keputusan pimpinan tercatat dalam berita acara"
    let reopen = "Koreksi setelah keberatan pegawai diterima"

    func rated() throws -> PeriodLifecycle {
        var period = PeriodLifecycle()
        try period.apply(.setOrganisationRating(.baik, reason: basis, reference: "800/123/BKPSDM/2026"))
        return period
    }

    @Test("a new period is PERSIAPAN; deciding the organisation rating moves it to PENILAIAN")
    func open() throws {
        var period = PeriodLifecycle()
        #expect(period.state == .persiapan)
        let action = try period.apply(.setOrganisationRating(.baik, reason: basis))
        #expect(action == .organisationRatingSet(from: .unspecified, to: .baik, ratingOpened: true))
        #expect(period.state == .penilaian && period.organisationRating == .baik)
        #expect(try period.apply(.setOrganisationRating(.istimewa, reason: basis)) == .organisationRatingSet(from: .baik, to: .istimewa, ratingOpened: false))
    }

    @Test("proposals, adjustments and recommendations change an open period; a finalised one refuses them until reopened")
    func changes() throws {
        var period = PeriodLifecycle()
        #expect(try period.apply(.change(action: "adjusting the population")) == .changeAccepted)
        period = try rated()
        #expect(try period.apply(.change(action: "computing proposals")) == .changeAccepted)
        try period.apply(.finalise(unrated: 0, breaches: []))
        #expect(throws: EvaluationRuleError.periodFinalised(action: "adjusting the population")) {
            try period.apply(.change(action: "adjusting the population"))
        }
        try period.apply(.reopen(reason: reopen))
        #expect(try period.apply(.change(action: "adjusting the population")) == .changeAccepted)
    }

    @Test("ratings wait for the organisation rating: entering one in PERSIAPAN is refused")
    func ratingFirst() {
        var period = PeriodLifecycle()
        #expect(throws: EvaluationRuleError.organisationRatingFirst(action: "entering ratings")) { try period.apply(.enterRating) }
    }

    @Test("an organisation rating needs a rating and a basis")
    func organisationArguments() {
        var period = PeriodLifecycle()
        #expect(throws: EvaluationRuleError.organisationRatingRequired) { try period.apply(.setOrganisationRating(.unspecified, reason: basis)) }
        #expect(throws: EvaluationRuleError.self) { try period.apply(.setOrganisationRating(.baik, reason: "  ")) }
        #expect(throws: EvaluationRuleError.self) { try period.apply(.setOrganisationRating(.baik, reason: basis, reference: String(repeating: "x", count: 201))) }
        #expect(period.state == .persiapan)
    }

    @Test("finalisation with every evaluation rated and the curve holding")
    func finalise() throws {
        var period = try rated()
        #expect(try period.apply(.enterRating) == .ratingAccepted)
        #expect(try period.apply(.finalise(unrated: 0, breaches: [])) == .finalised(number: 1, acceptedBreaches: []))
        #expect(period.state == .finalised)
        #expect(period.finalisations.map(\.number) == [1])
    }

    @Test("a breach without an override is refused with the breaches (FAILED_PRECONDITION, CurveBreachInfo)")
    func breachRefused() throws {
        var period = try rated()
        let breach = try Fixtures.breach()
        let error = #expect(throws: EvaluationRuleError.self) { try period.apply(.finalise(unrated: 0, breaches: [breach])) }
        #expect(error == .curveBreached([breach]))
        #expect(error?.statusCode == .failedPrecondition)
        let details = error?.rpcStatus?.details ?? []
        #expect(details.contains { if case .curveBreach(let info) = $0.detail { info.breaches == [breach] } else { false } })
        #expect(details.contains { if case .errorInfo(let info) = $0.detail { info.reason == "CURVE_BREACHED" } else { false } })
        #expect(period.state == .penilaian)
    }

    @Test("a breach with an override reason of 20-2000 characters finalises and keeps the accepted breaches")
    func breachOverridden() throws {
        var period = try rated()
        let breach = try Fixtures.breach()
        #expect(throws: EvaluationRuleError.reasonRequired(field: "override_reason", why: "to accept curve breaches", count: 9, range: 20...2000)) {
            try period.apply(.finalise(unrated: 0, breaches: [breach], overrideReason: "unit kecil"[...].prefix(9).description))
        }
        #expect(try period.apply(.finalise(unrated: 0, breaches: [breach], overrideReason: override)) == .finalised(number: 1, acceptedBreaches: [breach]))
        #expect(period.finalisations[0].overrideReason == override)
    }

    @Test("unrated evaluations block finalisation")
    func unrated() throws {
        var period = try rated()
        #expect(throws: EvaluationRuleError.evaluationsUnrated(count: 2)) { try period.apply(.finalise(unrated: 2, breaches: [])) }
    }

    @Test("a rating after finalisation is refused; so is changing the organisation rating")
    func afterFinalisation() throws {
        var period = try rated()
        try period.apply(.finalise(unrated: 0, breaches: []))
        #expect(throws: EvaluationRuleError.periodFinalised(action: "entering or changing a rating")) { try period.apply(.enterRating) }
        #expect(throws: EvaluationRuleError.self) { try period.apply(.setOrganisationRating(.kurang, reason: basis)) }
        #expect(throws: EvaluationRuleError.periodFinalised(action: "finalising again")) { try period.apply(.finalise(unrated: 0, breaches: [])) }
    }

    @Test("reopening requires a reason and marks the earlier finalisation superseded; the next finalisation is number 2")
    func reopenAndRefinalise() throws {
        var period = try rated()
        try period.apply(.finalise(unrated: 0, breaches: []))
        #expect(throws: EvaluationRuleError.self) { try period.apply(.reopen(reason: "koreksi")) }
        #expect(period.state == .finalised)
        #expect(try period.apply(.reopen(reason: reopen)) == .reopened(superseded: 1))
        #expect(period.state == .penilaian && period.reopenCount == 1)
        #expect(period.finalisations[0].superseded && period.finalisations[0].reopenReason == reopen)
        #expect(try period.apply(.enterRating) == .ratingAccepted)
        #expect(try period.apply(.finalise(unrated: 0, breaches: [])) == .finalised(number: 2, acceptedBreaches: []))
        #expect(period.finalisations.map(\.superseded) == [true, false])
    }

    @Test("only a FINALISED period can be reopened")
    func reopenOpen() throws {
        var period = try rated()
        #expect(throws: EvaluationRuleError.periodNotFinalised(state: .penilaian)) { try period.apply(.reopen(reason: reopen)) }
    }

    @Test("finalising in PERSIAPAN is refused: the organisation rating comes first")
    func finaliseTooEarly() {
        var period = PeriodLifecycle()
        #expect(throws: EvaluationRuleError.organisationRatingFirst(action: "finalising")) { try period.apply(.finalise(unrated: 0, breaches: [])) }
    }

    @Test("an unknown stored state is refused, never guessed")
    func unknownState() {
        var period = PeriodLifecycle(state: .unrecognized(9), organisationRating: .baik)
        #expect(throws: EvaluationRuleError.periodStateUnknown(.unrecognized(9))) { try period.apply(.enterRating) }
    }
}
