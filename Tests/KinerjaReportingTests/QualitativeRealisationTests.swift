import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Kualitatif realisation")
struct QualitativeRealisationTests {
    static var kualitatif: SkpInForce {
        var skp = Fixtures.skp
        skp.approach = .kualitatif
        return SkpInForce(skp) ?? Fixtures.skpInForce
    }

    static func describe(_ existing: Reporting.QualitativeRealisation? = nil, text: String = "Seluruh KTP-el terbit tanpa revisi data",
                         period: Common.Period = Fixtures.q1, skp: SkpInForce? = kualitatif, locks: PeriodLockSet = PeriodLockSet(),
                         revision: UInt64 = 0) throws(ReportingError) -> Reporting.QualitativeRealisation {
        try QualitativeRealisationRules.describe(
            existing, request: Reporting.SetQualitativeRealisationRequest(ikiID: "iki-ktp", period: period, description: text, expectedRevision: revision),
            nip: Fixtures.nip, skp: skp, locks: locks, now: Fixtures.now)
    }

    static func rate(_ existing: Reporting.QualitativeRealisation?, _ rating: Common.Rating, note: String = "",
                     locks: PeriodLockSet = PeriodLockSet()) throws(ReportingError) -> Reporting.QualitativeRealisation {
        try QualitativeRealisationRules.rate(
            existing, request: Reporting.RateQualitativeRealisationRequest(nip: Fixtures.nip, ikiID: "iki-ktp", period: Fixtures.q1, rating: rating, note: note),
            locks: locks)
    }

    @Test("the employee describes a begun period of a Kualitatif SKP; the atasan rates it Di Atas, Sesuai or Di Bawah Ekspektasi")
    func flow() throws {
        let described = try Self.describe()
        #expect(described.revision == 1 && described.rating == .unspecified && described.skpID == "skp-2026")
        let rated = try Self.rate(described, .sesuaiEkspektasi)
        #expect(rated.rating == .sesuaiEkspektasi && rated.revision == 2)
        let rerated = try Self.rate(rated, .diAtasEkspektasi, note: "Melampaui ekspektasi")
        #expect(rerated.rating == .diAtasEkspektasi)
    }

    @Test("once rated the description is the atasan's: the employee's change is FAILED_PRECONDITION")
    func rated() throws {
        let rated = try Self.rate(try Self.describe(), .sesuaiEkspektasi)
        #expect(Fixtures.error { try Self.describe(rated, text: "ubah") }?.code == .alreadyRated)
    }

    @Test("a Kuantitatif SKP, a period not begun, outside the SKP, or locked is refused")
    func preconditions() {
        #expect(Fixtures.error { try Self.describe(skp: Fixtures.skpInForce) }?.code == .notKualitatif)
        #expect(Fixtures.error { try Self.describe(period: Fixtures.q2) }?.code == .periodNotBegun)
        #expect(Fixtures.error { try Self.describe(period: Common.Period(year: 2025, kind: .annual)) }?.code == .periodOutsideSkp)
        #expect(Fixtures.error { try Self.describe(skp: nil) }?.code == .noSkp)
        let locks = PeriodLockSet([Fixtures.lock(Fixtures.march)])
        #expect(Fixtures.error { try Self.describe(locks: locks) }?.code == .periodLocked, "March lies in triwulan I")
    }

    @Test("the description has 1-2000 characters; a Di Bawah rating needs a note; UNSPECIFIED is no rating; nothing to rate is NOT_FOUND")
    func inputs() throws {
        #expect(Fixtures.error { try Self.describe(text: " ") }?.code == .fieldRequired)
        #expect(Fixtures.error { try Self.describe(text: String(repeating: "x", count: 2001)) }?.code == .textTooLong)
        let described = try Self.describe()
        #expect(Fixtures.error { try Self.rate(described, .diBawahEkspektasi) }?.field == "note")
        #expect(Fixtures.error { try Self.rate(described, .unspecified) }?.code == .ratingRequired)
        #expect(Fixtures.error { try Self.rate(nil, .sesuaiEkspektasi) }?.code == .qualitativeNotFound)
        #expect(Fixtures.error { try Self.rate(described, .sesuaiEkspektasi, locks: PeriodLockSet([Fixtures.lock(Fixtures.q1)])) }?.code == .periodLocked)
        #expect(Fixtures.error { try Self.describe(described, revision: 7) }?.code == .revisionMismatch)
    }
}
