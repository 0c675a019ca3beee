import Foundation
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Nested units: a sub-unit with its own organisation rating has its own curve, checked at finalisation", .serialized)
struct NestedCurveServiceTests {
    static let dafduk = ["KPG.DUKCAPIL.DAFDUK", "KPG.DUKCAPIL.DAFDUK.IDENTITAS", "KPG.DUKCAPIL.DAFDUK.PINDAH"]

    /// Dukcapil opened with its sub-units and rated Baik; the ids of Bidang Dafduk's subtree.
    func dukcapil(_ fixture: EvaluationFixture) async throws -> (period: Evaluation.EvaluationPeriod, dafduk: String, subtree: Set<String>) {
        let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
        try await fixture.decide(period, .baik)
        var subtree: Set<String> = []
        for code in Self.dafduk { subtree.insert(try await fixture.unitID(code)) }
        return (period, try await fixture.unitID("KPG.DUKCAPIL.DAFDUK"), subtree)
    }

    /// Decides a sub-unit's own organisation rating as the pimpinan above it.
    @discardableResult
    func decide(_ fixture: EvaluationFixture, _ period: Evaluation.EvaluationPeriod, unit: String,
                _ rating: Common.OrganisationRating) async throws -> Evaluation.SetOrganisationRatingResponse {
        let pimpinan = try await fixture.pimpinanAbove(unit)
        return try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
            periodID: period.periodID, rating: rating, reason: "Hasil evaluasi SAKIP bidang", unitID: unit), options: pimpinan.options)
    }

    @Test("without sub-unit ratings a period has one curve: GetCurve of a sub-unit answers the period's curve and says so")
    func oneCurve() async throws {
        try await withEvaluation { fixture in
            let (period, dafduk, _) = try await dukcapil(fixture)
            let all = try await fixture.evaluations(period.periodID).count
            let options = try await fixture.signIn("pengelola")
            let own = try #require(try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: options).curve)
            #expect(own.unitID == period.unit?.unitID && own.population == UInt32(all) && own.requestedUnitID.isEmpty)
            #expect(!own.note.contains("own curve"), "the old note, unchanged")
            let asked = try #require(try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID, unitID: dafduk),
                                                                        options: options).curve)
            #expect(asked.unitID == period.unit?.unitID && asked.population == UInt32(all) && asked.requestedUnitID == dafduk)
            #expect(asked.note.contains("no organisation rating of its own"))
        }
    }

    @Test("a Bidang rated within its Dinas gets its own curve of its subtree's employees with quotas before any rating; the Dinas's curve keeps the rest")
    func ownCurve() async throws {
        try await withEvaluation { fixture in
            let (period, dafduk, subtree) = try await dukcapil(fixture)
            let evaluations = try await fixture.evaluations(period.periodID)
            let inBidang = evaluations.filter { subtree.contains($0.employee?.unitID ?? "") }.count
            #expect(inBidang >= 5 && inBidang < evaluations.count)
            let response = try await decide(fixture, period, unit: dafduk, .butuhPerbaikan)
            #expect(response.period?.state == .penilaian && response.period?.organisationRating?.rating == .baik, "the period's own rating stays")
            #expect(response.period?.unitRatings.map(\.unitID) == [dafduk] && response.period?.unitRatings.first?.rating == .butuhPerbaikan)
            let curve = try #require(response.curve)
            #expect(curve.unitID == dafduk && curve.organisationRating == .butuhPerbaikan && curve.population == UInt32(inBidang))
            #expect(curve.quotas.contains { $0.predikat == .butuhPerbaikan && $0.minCount == UInt32((60 * inBidang + 99) / 100) })

            let options = try await fixture.signIn("pengelola")
            let own = try #require(try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: options).curve)
            #expect(own.unitID == period.unit?.unitID && own.organisationRating == .baik && own.population == UInt32(evaluations.count - inBidang))
            #expect(own.note.contains("1 sub-unit has its own curve"))
            // A Seksi of the Bidang counts in the Bidang's curve.
            let seksi = try await fixture.unitID("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let ofSeksi = try #require(try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID, unitID: seksi),
                                                                          options: options).curve)
            #expect(ofSeksi.unitID == dafduk && ofSeksi.requestedUnitID == seksi && ofSeksi.population == UInt32(inBidang))
            // The sub-unit's rating is GetOrganisationRating's answer for that unit and span.
            let rating = try await fixture.client.getOrganisationRating(Evaluation.GetOrganisationRatingRequest(unitID: dafduk, span: period.span),
                                                                       options: options)
            #expect(rating.rating?.rating == .butuhPerbaikan && rating.rating?.unitID == dafduk)
            let audit = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/SetOrganisationRating")
            #expect(audit.contains { $0.outcome == .success && $0.detail.contains("sub-unit \(dafduk) Butuh Perbaikan") })
        }
    }

    @Test("the head of a Bidang rated on its own leads it: their Hasil Kerja proposal follows the Bidang's rating, the Kepala Dinas's the Dinas's, also when proposals are recomputed")
    func subunitLeader() async throws {
        try await withEvaluation { fixture in
            let (period, dafduk, _) = try await dukcapil(fixture)
            let tree = try await (try fixture.handlers).directory.unitTree()
            let kabid = try #require(tree.unit(dafduk)?.headNIP)
            try await decide(fixture, period, unit: dafduk, .butuhPerbaikan)
            func leaders() async throws -> [String: Evaluation.EmployeeEvaluation] {
                Dictionary(uniqueKeysWithValues: try await fixture.evaluations(period.periodID).filter(\.unitLeader).map { ($0.employee?.nip ?? "", $0) })
            }
            var found = try await leaders()
            #expect(found.count == 2)
            #expect(found[kabid]?.proposal?.fromOrganisationRating == true && found[kabid]?.proposal?.rating == .diBawahEkspektasi)
            let kadis = try #require(found.keys.first { $0 != kabid })
            #expect(found[kadis]?.proposal?.rating == .sesuaiEkspektasi, "the Kepala Dinas follows the Dinas's Baik")
            // Changing the Dinas's rating leaves the Kepala Bidang's; recomputing keeps both.
            try await fixture.decide(period, .istimewa)
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID, recompute: true),
                                                            options: try await fixture.signIn("pengelola"))
            found = try await leaders()
            #expect(found[kadis]?.proposal?.rating == .diAtasEkspektasi && found[kabid]?.proposal?.rating == .diBawahEkspektasi)
        }
    }

    @Test("finalisation checks the Bidang's curve too: the breach names the unit, the rule, the count and the limit; the override with a reason finalises, audited")
    func finaliseNested() async throws {
        try await withEvaluation { fixture in
            let (period, dafduk, subtree) = try await dukcapil(fixture)
            try await decide(fixture, period, unit: dafduk, .butuhPerbaikan)
            let evaluations = try await fixture.evaluations(period.periodID)
            let bidang = evaluations.filter { subtree.contains($0.employee?.unitID ?? "") }
            let rest = evaluations.filter { !subtree.contains($0.employee?.unitID ?? "") }
            // The Dinas's own curve holds; the Bidang, rated Butuh Perbaikan, has everyone Baik.
            try await fixture.rateCompliantBaik(rest)
            for evaluation in bidang { try await fixture.rate(evaluation, .sesuaiEkspektasi, .sesuaiEkspektasi) }
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            let refusal = try await fixture.refused(.failedPrecondition, reason: "CURVE_BREACHED", "finalise over the Bidang's breach") {
                try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            }
            let breaches = refusal?.details.compactMap { detail -> RPC.CurveBreachInfo? in
                if case .curveBreach(let info) = detail.detail { return info }
                return nil
            }.first?.breaches ?? []
            let minimum = (60 * bidang.count + 99) / 100
            #expect(breaches.count == 1)
            let breach = try #require(breaches.first)
            #expect(breach.unitID == dafduk && breach.organisationRating == .butuhPerbaikan && breach.bound?.predikat == .butuhPerbaikan)
            #expect(breach.explanation.hasPrefix("Bidang Pelayanan Pendaftaran Penduduk (KPG.DUKCAPIL.DAFDUK): 0 of \(bidang.count) rated"))
            #expect(breach.explanation.contains("at least \(minimum) of \(bidang.count) required"))
            #expect(breach.explanationID.hasPrefix("Bidang Pelayanan Pendaftaran Penduduk (KPG.DUKCAPIL.DAFDUK): "))

            let reason = "Bidang Dafduk dinilai ulang oleh Inspektorat; predikat pegawai dipertahankan sesuai berita acara"
            let finalised = try await fixture.client.finalisePeriod(
                Evaluation.FinalisePeriodRequest(periodID: period.periodID, overrideReason: reason), options: pimpinan.options)
            #expect(finalised.period?.state == .finalised && finalised.breaches.map(\.unitID) == [dafduk])
            #expect(finalised.period?.curveOverride?.breaches.first?.unitID == dafduk)
            let audit = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/FinalisePeriod")
            #expect(audit.contains { $0.outcome == .success && $0.detail.contains("1 breach(es) overridden") && $0.detail.contains(reason) })

            // After finalisation the Bidang's rating is refused and nothing changes.
            try await fixture.settleDeliveries()
            let above = try await fixture.pimpinanAbove(dafduk)
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_FINALISED", "a sub-unit's rating after finalisation") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: .baik, reason: "Hasil evaluasi SAKIP bidang", unitID: dafduk), options: above.options)
            }
        }
    }

    @Test("a sub-unit's rating or curve with a bad unit, rating or caller is refused with a clear status and changes nothing")
    func badInput() async throws {
        try await withEvaluation { fixture in
            let (period, dafduk, _) = try await dukcapil(fixture)
            let above = try await fixture.pimpinanAbove(dafduk)
            let options = try await fixture.signIn("pengelola")
            func set(_ unit: String, _ rating: Common.OrganisationRating = .baik, as caller: CallOptions? = nil) async throws {
                _ = try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: rating, reason: "Hasil evaluasi SAKIP bidang", unitID: unit), options: caller ?? above.options)
            }
            try await fixture.refused(.notFound, reason: "UNIT_NOT_FOUND", "an unknown unit") { try await set("01UNKNOWNUNIT000000000000") }
            let outside = try await fixture.unitID("KPG.DPMPTSP.PERIZINAN")
            try await fixture.refused(.invalidArgument, reason: "UNIT_OUTSIDE_PERIOD", "a unit outside the period's scope") { try await set(outside) }
            try await fixture.refused(.notFound, reason: "UNIT_NOT_FOUND", "GetCurve of an unknown unit") {
                try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID, unitID: "01UNKNOWNUNIT000000000000"), options: options)
            }
            try await fixture.refused(.invalidArgument, reason: "UNIT_OUTSIDE_PERIOD", "GetCurve of a unit outside the scope") {
                try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID, unitID: outside), options: options)
            }
            try await fixture.refused(.invalidArgument, "an unspecified rating") { try await set(dafduk, .unspecified) }
            try await fixture.refused(.invalidArgument, "an unknown rating value") { try await set(dafduk, Common.OrganisationRating(rawValue: 42)) }
            // Pengelola kinerja never decide a unit's rating: refused and audited.
            try await fixture.refused(.permissionDenied, "pengelola kinerja deciding a sub-unit's rating") { try await set(dafduk, as: options) }
            let pengelola = try fixture.nip("pengelola")
            #expect(try await fixture.auditEvents().contains { $0.outcome == .denied && $0.principal == pengelola && $0.target == "period/\(period.periodID)" })
            // A period opened without its sub-units has no sub-unit inside it.
            let alone = try await fixture.open("KPG.DPMPTSP")
            let pimpinan = try await fixture.pimpinanAbove(outside)
            try await fixture.refused(.invalidArgument, reason: "UNIT_OUTSIDE_PERIOD", "a sub-unit of a period without sub-units") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: alone.periodID, rating: .baik, reason: "Hasil evaluasi SAKIP bidang", unitID: outside), options: pimpinan.options)
            }
        }
    }
}
