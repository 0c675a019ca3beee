import Foundation
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Bad input and faults: each a status with a message, and nothing changed", .serialized)
struct BadInputServiceTests {
    @Test("rating by anyone but the penilai, the unit rating by HR, finalising over a breach, a rating after finalisation, reopening without a reason")
    func refusals() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            let evaluations = try await fixture.evaluations(period.periodID)
            let evaluation = try #require(evaluations.first { !$0.unitLeader })
            let hr = try await fixture.signIn("pengelola")
            try await fixture.refused(.failedPrecondition, reason: "ORGANISATION_RATING_FIRST", "a rating before the organisation rating") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: evaluation.evaluationID, rating: .sesuaiEkspektasi), options: try await fixture.penilaiOptions(of: evaluation.employee?.nip ?? ""))
            }
            try await fixture.refused(.permissionDenied, reason: "RELATION_NOT_HELD", "the unit rating set by HR") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: .istimewa, reason: "Rekomendasi BKPSDM"), options: hr)
            }
            try await fixture.decide(period, .baik)
            try await fixture.refused(.permissionDenied, reason: "RELATION_NOT_HELD", "rating by someone who is not the penilai") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: evaluation.evaluationID, rating: .sesuaiEkspektasi), options: try await fixture.signIn("auditor"))
            }
            for item in evaluations { try await fixture.rate(item, .sesuaiEkspektasi, .sesuaiEkspektasi) }
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            let breach = try await fixture.refused(.failedPrecondition, reason: "CURVE_BREACHED", "finalising over a breach without an override") {
                try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            }
            #expect(breach?.message.contains("at least one Butuh Perbaikan or Kurang") == true)
            try await fixture.rateCompliantBaik(evaluations)
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            try await fixture.settleDeliveries()
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_FINALISED", "a rating after finalisation") {
                try await fixture.client.setPerilakuRating(Evaluation.SetPerilakuRatingRequest(
                    evaluationID: evaluation.evaluationID, rating: .diAtasEkspektasi, reason: "Perilaku sangat baik"),
                    options: try await fixture.penilaiOptions(of: evaluation.employee?.nip ?? ""))
            }
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_FINALISED", "a new organisation rating after finalisation") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: .istimewa, reason: "Revisi"), options: pimpinan.options)
            }
            try await fixture.refused(.invalidArgument, reason: "REASON_REQUIRED", "reopening without a reason") {
                try await fixture.client.reopenPeriod(Evaluation.ReopenPeriodRequest(periodID: period.periodID, reason: "   "), options: pimpinan.options)
            }
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_FINALISED", "adjusting the population of a finalised period") {
                try await fixture.client.adjustPopulation(Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: Evaluation.PopulationAdjustment(
                    nip: evaluation.employee?.nip ?? "", reason: .pensiun, effectiveDate: witaToday, note: "SK pensiun")), options: hr)
            }
        }
    }

    @Test("unknown enum values are INVALID_ARGUMENT: a rating, an organisation rating, a period kind, an adjustment reason, a rating aspect")
    func unknownEnums() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let hr = try await fixture.signIn("pengelola")
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            try await fixture.refused(.invalidArgument, reason: "ORGANISATION_RATING_REQUIRED", "organisation rating 9") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: .unrecognized(9), reason: "SAKIP"), options: pimpinan.options)
            }
            try await fixture.refused(.invalidArgument, reason: "ORGANISATION_RATING_REQUIRED", "organisation rating UNSPECIFIED") {
                try await fixture.client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
                    periodID: period.periodID, rating: .unspecified, reason: "SAKIP"), options: pimpinan.options)
            }
            try await fixture.decide(period, .baik)
            let evaluation = try #require(try await fixture.evaluations(period.periodID).first)
            let options = try await fixture.penilaiOptions(of: evaluation.employee?.nip ?? "")
            try await fixture.refused(.invalidArgument, reason: "RATING_REQUIRED", "Hasil Kerja rating 7") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: evaluation.evaluationID, rating: .unrecognized(7), reason: "Dinilai dari hasil kerja"), options: options)
            }
            try await fixture.refused(.invalidArgument, reason: "PERILAKU_NOTE_VALUE_REQUIRED", "a note on BerAKHLAK value 12") {
                try await fixture.client.setPerilakuRating(Evaluation.SetPerilakuRatingRequest(
                    evaluationID: evaluation.evaluationID, rating: .sesuaiEkspektasi,
                    notes: [Evaluation.PerilakuValueNote(value: .unrecognized(12), note: "Catatan")]), options: options)
            }
            let unit = try #require(period.unit)
            try await fixture.refused(.invalidArgument, reason: "PERIOD_INVALID", "a span of kind 9") {
                try await fixture.client.openPeriod(Evaluation.OpenPeriodRequest(
                    unit: unit, span: Evaluation.EvaluationSpan(year: witaToday.year, kind: .unrecognized(9), number: 1)), options: hr)
            }
            try await fixture.refused(.invalidArgument, reason: "POPULATION_ADJUSTMENT_INVALID", "an adjustment reason 42") {
                try await fixture.client.adjustPopulation(Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: Evaluation.PopulationAdjustment(
                    nip: evaluation.employee?.nip ?? "", reason: .unrecognized(42), effectiveDate: witaToday, note: "SK")), options: hr)
            }
            try await fixture.refused(.invalidArgument, "a rating aspect 5") {
                try await fixture.client.listRatingOverrides(Evaluation.ListRatingOverridesRequest(periodID: period.periodID, aspect: .unrecognized(5)), options: hr)
            }
        }
    }

    @Test("a period overlapping another of the same kind is ALREADY_EXISTS (the same unit, or through a subtree); another kind coexists")
    func overlap() async throws {
        try await withEvaluation { fixture in
            _ = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            let hr = try await fixture.signIn("pengelola")
            for (code, subunits) in [("KPG.DUKCAPIL.DAFDUK", false), ("KPG.DUKCAPIL.DAFDUK.IDENTITAS", false), ("KPG.DUKCAPIL", true)] {
                let unit = try await fixture.unitID(code)
                try await fixture.refused(.alreadyExists, reason: "PERIOD_OVERLAPS", "\(code) overlapping the open period") {
                    try await fixture.client.openPeriod(Evaluation.OpenPeriodRequest(unit: Common.UnitScope(unitID: unit, includeSubunits: subunits),
                                                                                     period: currentTriwulan), options: hr)
                }
            }
            // The same unit's annual period and a sibling's triwulan are not overlaps.
            _ = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true, period: Common.Period(year: witaToday.year, kind: .annual))
            _ = try await fixture.open("KPG.DUKCAPIL.CAPIL", subunits: true)
        }
    }

    @Test("malformed periods, spans and requests: a future period, a period and span that disagree, an unknown unit or period, a bad revision")
    func malformed() async throws {
        try await withEvaluation { fixture in
            let hr = try await fixture.signIn("pengelola")
            let unit = try await fixture.unitID("KPG.DUKCAPIL")
            try await fixture.refused(.invalidArgument, reason: "PERIOD_IN_FUTURE", "next year's annual period") {
                try await fixture.client.openPeriod(Evaluation.OpenPeriodRequest(unit: Common.UnitScope(unitID: unit),
                                                                                 period: Common.Period(year: witaToday.year + 1, kind: .annual)), options: hr)
            }
            try await fixture.refused(.invalidArgument, reason: "PERIOD_SPAN_MISMATCH", "a period and a span that disagree") {
                try await fixture.client.openPeriod(Evaluation.OpenPeriodRequest(unit: Common.UnitScope(unitID: unit), period: currentTriwulan,
                                                                                 span: .annual(witaToday.year)), options: hr)
            }
            try await fixture.refused(.notFound, "an unknown unit") {
                try await fixture.client.openPeriod(Evaluation.OpenPeriodRequest(unit: Common.UnitScope(unitID: "01NOSUCHUNIT"), period: currentTriwulan), options: hr)
            }
            try await fixture.refused(.notFound, "an unknown period") {
                try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: "01NOSUCHPERIOD"), options: hr)
            }
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            try await fixture.refused(.aborted, reason: "REVISION_MISMATCH", "a recommendation on a stale revision") {
                try await fixture.client.recommendOrganisationRating(Evaluation.RecommendOrganisationRatingRequest(
                    periodID: period.periodID, rating: .baik, reason: "SAKIP", expectedRevision: period.revision + 5), options: hr)
            }
            try await fixture.refused(.invalidArgument, "an invalid proposal rule") {
                var rule = ProposalRuleConfiguration.default.proto
                rule.ikiAbovePercent = 250
                return try await fixture.client.setProposalRule(Evaluation.SetProposalRuleRequest(rule: rule, reason: "uji"), options: hr)
            }
        }
    }

    @Test("population adjustments: a transfer out leaves the curve's denominator and its quotas, with the explanation; CLTN over most of the period does too; a NIP outside the population is refused")
    func population() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
            let hr = try await fixture.signIn("pengelola")
            let evaluations = try await fixture.evaluations(period.periodID).filter { !$0.unitLeader }
            let leaving = try #require(evaluations.first?.employee?.nip)
            let n = Int(period.curveDenominator)
            let response = try await fixture.client.adjustPopulation(Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: Evaluation.PopulationAdjustment(
                nip: leaving, reason: .pindahKeluar, effectiveDate: currentTriwulanFirstDay, note: "SK mutasi 800/12/BKPSDM")), options: hr)
            #expect(response.adjustment?.excluded == true && response.adjustment?.explanation.contains("not counted") == true)
            #expect(response.period?.curveDenominator == UInt32(n - 1) && response.curve?.excludedCount == 1)
            let cltn = try #require(evaluations.dropFirst().first?.employee?.nip)
            let leave = Common.DateRange(startDate: currentTriwulanFirstDay, endDate: currentTriwulanLastDay)
            let second = try await fixture.client.adjustPopulation(Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: Evaluation.PopulationAdjustment(
                nip: cltn, reason: .cltn, leave: leave, note: "SK CLTN")), options: hr)
            #expect(second.period?.curveDenominator == UInt32(n - 2) && second.period?.populationAdjustments.count == 2)
            try await fixture.refused(.invalidArgument, "a NIP outside the population (not a transfer in)") {
                try await fixture.client.adjustPopulation(Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: Evaluation.PopulationAdjustment(
                    nip: "199001012015031001", reason: .pensiun, effectiveDate: witaToday, note: "SK pensiun")), options: hr)
            }
            try await fixture.refused(.invalidArgument, reason: "TEXT_LENGTH_INVALID", "an adjustment without a note") {
                try await fixture.client.adjustPopulation(Evaluation.AdjustPopulationRequest(periodID: period.periodID, adjustment: Evaluation.PopulationAdjustment(
                    nip: leaving, reason: .meninggal, effectiveDate: witaToday, note: "")), options: hr)
            }
            // The excluded employee is not rated here.
            try await fixture.decide(period, .baik)
            let excluded = try #require(try await fixture.evaluations(period.periodID).first { $0.employee?.nip == leaving })
            #expect(excluded.excluded)
            try await fixture.refused(.failedPrecondition, reason: "EMPLOYEE_EXCLUDED", "rating someone transferred out") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: excluded.evaluationID, rating: .sesuaiEkspektasi, reason: "Dinilai"), options: try await fixture.penilaiOptions(of: leaving))
            }
        }
    }
}

/// The first and last day of the current triwulan.
let currentTriwulanFirstDay = Common.Date(year: witaToday.year, month: ((witaToday.month - 1) / 3) * 3 + 1, day: 1)
let currentTriwulanLastDay = Evaluation.EvaluationSpan(currentTriwulan)?.lastDay ?? witaToday
