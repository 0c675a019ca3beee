import Foundation
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The current WITA day.
let witaToday = Wita.today(now: Date())
/// The triwulan we are in (it has begun, so a period of it may be opened).
let currentTriwulan = Common.Period(year: witaToday.year, kind: .quarterly,
                                    triwulan: Common.Triwulan(rawValue: (witaToday.month - 1) / 3 + 1))

/// What a refused call answered.
struct Refusal {
    var code: RPCError.Code
    var message: String
    var reason: String?
    var details: [RPC.StatusDetail]
}

/// One IKI of a stand-in progress row.
struct StandInIki {
    var id: String
    var kind: Common.RhkKind = .utama
    var aspek: Common.IkiAspek = .kuantitas
    var indicator: String
    var target: Double
    var unit: String = "dokumen"
    var direction: Common.TargetDirection = .higherIsBetter
    var realisation: Double
    var verified: UInt32 = 1
}

extension EvaluationFixture {
    /// Runs `body`, which must fail; checks it answered `code` with a message and changed no table.
    @discardableResult
    func refused<T>(_ code: RPCError.Code, reason expected: String? = nil, _ what: Comment,
                    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async throws -> Refusal? {
        let before = try await snapshot()
        var refusal: Refusal?
        do {
            _ = try await body()
            Issue.record("\(what): expected \(code), the call succeeded", sourceLocation: sourceLocation)
        } catch let error as RPCError {
            refusal = Refusal(code: error.code, message: error.message, reason: error.reason, details: error.details)
            #expect(error.code == code, "\(what): \(error)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, "\(what): the refusal says why", sourceLocation: sourceLocation)
            if let expected { #expect(error.reason == expected, "\(what): reason \(error.reason ?? "none")", sourceLocation: sourceLocation) }
        }
        let after = try await snapshot()
        #expect(before == after, "\(what): a refused call changes nothing", sourceLocation: sourceLocation)
        return refusal
    }

    /// Waits until no notification to a peer is waiting (the delivery after a finalisation runs on its own).
    func settleDeliveries() async throws {
        try await waitUntil("the peers were told") {
            _ = await (try handlers).deliverLocks()
            return try await service.store.pool.read { db in try NotificationRecords.pendingCount(in: db) } == 0
        }
    }

    /// Opens a period of the unit with `code` as pengelola kinerja.
    func open(_ code: String, subunits: Bool = false, period: Common.Period = currentTriwulan,
              span: Evaluation.EvaluationSpan? = nil) async throws -> Evaluation.EvaluationPeriod {
        let unit = try await unitID(code)
        let response = try await client.openPeriod(Evaluation.OpenPeriodRequest(
            unit: Common.UnitScope(unitID: unit, includeSubunits: subunits), period: span == nil ? period : nil, span: span),
            options: try await signIn("pengelola"))
        return try #require(response.period)
    }

    /// The evaluations of a period, by NIP.
    func evaluations(_ periodID: String) async throws -> [Evaluation.EmployeeEvaluation] {
        try await service.store.pool.read { db in try EvaluationRecords.forPeriod(periodID, in: db) }
    }

    /// The pimpinan above a unit (identity's answer, as the service decides it), signed in.
    func pimpinanAbove(_ unitID: String) async throws -> (nip: String, options: CallOptions) {
        let ref = try #require(try await handlers.pimpinanAbove(unitID))
        return (ref.nip, try await signIn(nip: ref.nip))
    }

    /// Decides the organisation rating of a period as the pimpinan above its unit.
    @discardableResult
    func decide(_ period: Evaluation.EvaluationPeriod, _ rating: Common.OrganisationRating) async throws -> Evaluation.SetOrganisationRatingResponse {
        let pimpinan = try await pimpinanAbove(period.unit?.unitID ?? "")
        return try await client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
            periodID: period.periodID, rating: rating, reason: "Hasil evaluasi SAKIP unit \(rating)"), options: pimpinan.options)
    }

    /// The employee's pejabat penilai today, signed in.
    func penilaiOptions(of nip: String) async throws -> CallOptions {
        let answer = try #require(try await penilai(of: [nip])[nip])
        let penilai = try #require(answer.penilai?.nip, "\(nip) has a penilai")
        return try await signIn(nip: penilai)
    }

    /// Rates an evaluation as its penilai (reasons given so any departure is allowed).
    @discardableResult
    func rate(_ evaluation: Evaluation.EmployeeEvaluation, _ hasilKerja: Common.Rating, _ perilaku: Common.Rating) async throws -> Evaluation.EmployeeEvaluation {
        let options = try await penilaiOptions(of: evaluation.employee?.nip ?? "")
        _ = try await client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
            evaluationID: evaluation.evaluationID, rating: hasilKerja, reason: "Dinilai dari hasil kerja triwulan ini"), options: options)
        let response = try await client.setPerilakuRating(Evaluation.SetPerilakuRatingRequest(
            evaluationID: evaluation.evaluationID, rating: perilaku, reason: "Dinilai dari perilaku kerja triwulan ini"), options: options)
        return try #require(response.evaluation)
    }

    /// Rates everyone of a period into a curve-compliant distribution for a Baik unit: one Butuh
    /// Perbaikan, about a third Sangat Baik, the rest Baik.
    func rateCompliantBaik(_ evaluations: [Evaluation.EmployeeEvaluation]) async throws {
        for (index, evaluation) in evaluations.enumerated() where !evaluation.excluded {
            if index == 0 {
                try await rate(evaluation, .diBawahEkspektasi, .sesuaiEkspektasi)
            } else if index % 3 == 0 {
                try await rate(evaluation, .diAtasEkspektasi, .diAtasEkspektasi)
            } else {
                try await rate(evaluation, .sesuaiEkspektasi, .sesuaiEkspektasi)
            }
        }
    }

    /// Sets stand-in progress for `nip` and `period`: the IKIs with targets and verified realisations.
    func setProgress(_ nip: String, period: Common.Period = currentTriwulan, _ ikis: [StandInIki]) throws {
        let evidence = try #require(self.evidence, "stand-in peers")
        var progress = Reporting.EmployeeProgress()
        progress.employee = Common.EmployeeRef(nip: nip)
        progress.period = period
        progress.targetsAvailability = .approved
        progress.skpID = "skp-\(nip)"
        progress.skpVersion = 1
        progress.ikis = ikis.map { iki in
            var row = Reporting.IkiProgress()
            row.rhkID = "rhk-\(iki.id)"
            row.rhkKind = iki.kind
            row.ikiID = iki.id
            row.aspek = iki.aspek
            row.indicator = iki.indicator
            row.target = Planning.Target(value: iki.target, unit: iki.unit, direction: iki.direction)
            row.aggregation = .sum
            row.realisationVerified = iki.realisation
            row.verifiedCount = iki.verified
            row.reportCount = iki.verified
            return row
        }
        evidence.setProgress(progress, for: nip, period: period)
    }
}
