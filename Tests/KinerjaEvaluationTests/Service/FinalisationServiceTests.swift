import Foundation
import GRDB
import KinerjaCrypto
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Finalisation: the pimpinan above finalises in one transaction, snapshots with SHA-256, reporting told, reopening keeps the record", .serialized)
struct FinalisationServiceTests {
    @Test("a breach without an override is refused with an explanation naming the rule, the count and the limit; an override with a reason finalises, audited")
    func breachAndOverride() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
            let evaluations = try await fixture.evaluations(period.periodID)
            #expect(evaluations.count >= 10, "Dukcapil with its sub-units has enough employees")
            try await fixture.decide(period, .baik)
            // Everyone Baik: over 70% Baik, and nobody Butuh Perbaikan or Kurang.
            for evaluation in evaluations { try await fixture.rate(evaluation, .sesuaiEkspektasi, .sesuaiEkspektasi) }
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            let refusal = try await fixture.refused(.failedPrecondition, reason: "CURVE_BREACHED", "finalise over a breach without an override") {
                try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            }
            let info = refusal?.details.compactMap { detail -> RPC.CurveBreachInfo? in
                if case .curveBreach(let info) = detail.detail { return info }
                return nil
            }.first
            let breaches = try #require(info?.breaches)
            let n = evaluations.count
            #expect(breaches.count == 2)
            let cap = try #require(breaches.first { $0.bound?.predikat == .baik })
            #expect(cap.actualCount == UInt32(n) && cap.bound?.maxCount == UInt32(n * 70 / 100))
            #expect(cap.explanation.contains("\(n) of \(n) rated") && cap.explanation.contains("at most \(n * 70 / 100) of \(n)"))
            #expect(cap.bound?.ruleText.contains("SE MenPANRB 3/2023") == true)
            #expect(refusal?.message.contains("at most 70% Baik") == true, "the message names the rule")

            // A reason under 20 characters is not an override.
            try await fixture.refused(.invalidArgument, "an override reason that is too short") {
                try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID, overrideReason: "terlalu pendek"),
                                                        options: pimpinan.options)
            }
            let reason = "Unit baru dibentuk; seluruh pegawai memenuhi target, dicatat dalam berita acara pimpinan"
            let finalised = try await fixture.client.finalisePeriod(
                Evaluation.FinalisePeriodRequest(periodID: period.periodID, overrideReason: reason), options: pimpinan.options)
            #expect(finalised.period?.state == .finalised && finalised.finalisedCount == UInt32(n))
            #expect(finalised.breaches.count == 2 && finalised.period?.curveOverride?.reason == reason)
            #expect(finalised.period?.curveOverride?.overridden?.principal == pimpinan.nip)
            let audit = try await fixture.auditEvents(action: "/kinerja.evaluation.v1.EvaluationService/FinalisePeriod")
            #expect(audit.contains { $0.outcome == .success && $0.detail.contains("2 breach(es) overridden") && $0.detail.contains(reason) })
        }
    }

    @Test("finalisation snapshots every evaluation with its SHA-256 and tells reporting to lock; a rating after it is refused")
    func snapshotsAndLocks() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL", subunits: true)
            let evaluations = try await fixture.evaluations(period.periodID)
            for evaluation in evaluations {
                try fixture.setProgress(evaluation.employee?.nip ?? "", [StandInIki(id: "iki-\(evaluation.employee?.nip ?? "")",
                                                                                   indicator: "Jumlah KTP-el diterbitkan", target: 300, realisation: 300)])
            }
            _ = try await fixture.client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID),
                                                            options: try await fixture.signIn("pengelola"))
            try await fixture.decide(period, .baik)
            let proposed = try await fixture.evaluations(period.periodID)
            try await fixture.rateCompliantBaik(proposed)
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            let response = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            #expect(response.breaches.isEmpty && response.period?.curveOverride == nil)
            let record = try #require(response.period?.finalisations.last)
            #expect(record.number == 1 && record.snapshotCount == UInt32(evaluations.count) && record.snapshotsSha256.count == 32)

            // Every evaluation FINALISED with the digest of its snapshot; the snapshot keeps the proposal's figures.
            let (snapshots, finalised) = try await fixture.service.store.pool.read { db in
                (try SnapshotRecords.snapshots(periodID: period.periodID, number: 1, in: db), try EvaluationRecords.forPeriod(period.periodID, in: db))
            }
            #expect(snapshots.count == evaluations.count && snapshots.allSatisfy(\.intact))
            #expect(finalised.allSatisfy { $0.state == .finalised && $0.snapshotSha256.count == 32 })
            for evaluation in finalised {
                let snapshot = try #require(snapshots.first { $0.evaluation.evaluationID == evaluation.evaluationID })
                #expect(snapshot.sha256 == evaluation.snapshotSha256)
                #expect(SHA256.hash(try SnapshotRecords.snapshotBytes(evaluation)) == evaluation.snapshotSha256, "the digest is of what it rests on")
                #expect(snapshot.evaluation.proposal?.inputs.first?.targetValue?.value == 300)
                #expect(snapshot.evaluation.proposal?.inputs.first?.realisationValue?.value == 300)
            }

            // Reporting is told to lock the period for exactly these employees.
            let locks = try #require(fixture.locks)
            try await waitUntil("reporting received the lock") { !locks.reportLocks.isEmpty }
            let lock = try #require(locks.reportLocks.first)
            #expect(lock.lockID == period.periodID && lock.period == currentTriwulan)
            #expect(Set(lock.nips) == Set(evaluations.compactMap { $0.employee?.nip }))
            #expect(locks.revisionLocks.isEmpty, "only an annual finalisation locks SKP revisions")

            // After finalisation nothing is rated.
            let first = try #require(finalised.first)
            let options = try await fixture.penilaiOptions(of: first.employee?.nip ?? "")
            try await fixture.refused(.failedPrecondition, reason: "PERIOD_FINALISED", "a rating after finalisation") {
                try await fixture.client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                    evaluationID: first.evaluationID, rating: .diAtasEkspektasi, reason: "Koreksi setelah finalisasi"), options: options)
            }
        }
    }

    @Test("reporting down: the lock waits with the failure recorded, and is delivered once reporting answers")
    func reportingDown() async throws {
        try await withEvaluation { fixture in
            let locks = try #require(fixture.locks)
            locks.setFailing(true)
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            try await fixture.decide(period, .baik)
            try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            let response = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            #expect(response.period?.state == .finalised, "finalisation never waits for reporting")
            try await waitUntil("the failed attempt is recorded") {
                let read = try await fixture.client.getPeriod(Evaluation.GetPeriodRequest(periodID: period.periodID), options: pimpinan.options)
                return read.period?.lockDeliveries.first.map { !$0.delivered && $0.attempts >= 1 && !$0.lastError.isEmpty } ?? false
            }
            #expect(locks.reportLocks.isEmpty)
            locks.setFailing(false)
            let retried = await (try fixture.handlers).deliverLocks()
            #expect(retried.delivered >= 1 && retried.pending == 0)
            let read = try await fixture.client.getPeriod(Evaluation.GetPeriodRequest(periodID: period.periodID), options: pimpinan.options)
            #expect(read.period?.lockDeliveries.allSatisfy(\.delivered) == true)
            #expect(locks.reportLocks.map(\.lockID) == [period.periodID])
        }
    }

    @Test("reopening needs a reason, keeps the finalisation and its snapshots marked superseded, and lifts the lock; the next finalisation is number 2")
    func reopen() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK", subunits: true)
            try await fixture.decide(period, .baik)
            let evaluations = try await fixture.evaluations(period.periodID)
            try await fixture.rateCompliantBaik(evaluations)
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            let locks = try #require(fixture.locks)
            try await waitUntil("reporting received the lock") { locks.reportLocks.count == 1 }
            try await fixture.settleDeliveries()
            try await fixture.refused(.invalidArgument, reason: "REASON_REQUIRED", "reopening without a reason") {
                try await fixture.client.reopenPeriod(Evaluation.ReopenPeriodRequest(periodID: period.periodID), options: pimpinan.options)
            }
            try await fixture.refused(.permissionDenied, "pengelola kinerja reopening") {
                try await fixture.client.reopenPeriod(Evaluation.ReopenPeriodRequest(
                    periodID: period.periodID, reason: "Koreksi atas keberatan pegawai yang diterima"), options: try await fixture.signIn("pengelola"))
            }
            let reason = "Koreksi atas keberatan pegawai yang diterima tim penilai kinerja"
            let reopened = try await fixture.client.reopenPeriod(Evaluation.ReopenPeriodRequest(periodID: period.periodID, reason: reason),
                                                                 options: pimpinan.options)
            #expect(reopened.period?.state == .penilaian && reopened.period?.reopenCount == 1)
            let first = try #require(reopened.period?.finalisations.first)
            #expect(first.superseded && first.reopenReason == reason && first.reopened?.principal == pimpinan.nip)
            let snapshots = try await fixture.service.store.pool.read { db in try SnapshotRecords.snapshots(periodID: period.periodID, number: 1, in: db) }
            #expect(snapshots.count == evaluations.count && snapshots.allSatisfy { $0.superseded && $0.intact }, "the earlier record is kept")
            let after = try await fixture.evaluations(period.periodID)
            #expect(after.allSatisfy { $0.state == .rated && $0.finalised == nil })
            try await waitUntil("reporting was told to lift the lock") { locks.reportUnlocks == [period.periodID] }

            // Corrected, then finalised again: finalisation 2, the first still superseded.
            try await fixture.rate(try #require(after.last), .diAtasEkspektasi, .diAtasEkspektasi)
            let again = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            #expect(again.period?.finalisations.map(\.number) == [1, 2])
            #expect(again.period?.finalisations.map(\.superseded) == [true, false])

            // The export reads the current finalisation; a resumed export of the first one is refused.
            let unit = try #require(period.unit)
            func export(after: String = "", number: UInt32 = 0) async throws -> [Evaluation.ExportEvaluationsResponse] {
                try await fixture.hrPortal.exportEvaluations(Evaluation.ExportEvaluationsRequest(
                    unit: unit, period: currentTriwulan, afterNIP: after, finalisationNumber: number)) { responses in
                    var rows: [Evaluation.ExportEvaluationsResponse] = []
                    for try await response in responses { rows.append(response) }
                    return rows
                }
            }
            let rows = try await export()
            #expect(rows.count == evaluations.count && rows.allSatisfy { $0.finalisationNumber == 2 })
            let resumed = try await export(after: rows[1].record?.nip ?? "", number: 2)
            #expect(resumed.map { $0.record?.nip ?? "" } == rows.dropFirst(2).map { $0.record?.nip ?? "" })
            try await fixture.refused(.failedPrecondition, reason: "FINALISATION_CHANGED", "resuming an export of a superseded finalisation") {
                try await export(after: rows[1].record?.nip ?? "", number: 1)
            }
        }
    }

    @Test("an annual finalisation also tells planning to refuse revisions of the year's SKPs")
    func annualLocksRevisions() async throws {
        try await withEvaluation { fixture in
            let period = try await fixture.open("KPG.DUKCAPIL.DAFDUK.IDENTITAS", period: Common.Period(year: witaToday.year, kind: .annual))
            try await fixture.decide(period, .baik)
            try await fixture.rateCompliantBaik(try await fixture.evaluations(period.periodID))
            let pimpinan = try await fixture.pimpinanAbove(period.unit?.unitID ?? "")
            _ = try await fixture.client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan.options)
            let locks = try #require(fixture.locks)
            try await waitUntil("planning received the lock") { !locks.revisionLocks.isEmpty }
            #expect(locks.revisionLocks.first?.year == witaToday.year && locks.revisionLocks.first?.lockID == period.periodID)
        }
    }
}
