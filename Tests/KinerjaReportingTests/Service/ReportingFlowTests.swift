import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Reporting in-process over mutual TLS with real identity and planning services (demo SKPs).
@Suite("Reporting with real identity and planning", .serialized)
struct ReportingFlowTests {
    @Test("submit with uploaded evidence → the atasan's inbox, oldest first → verify → progress counts it as verified; pending ones only as provisional")
    func demoFlow() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let atasan = try await f.signIn("atasan")
            let skp = try await f.skp("pegawai")
            let file = pdf("Rekap loket 1")
            let uploaded = try await f.client.upload(file, name: "rekap-loket.pdf", callOptions: pegawai)
            let link = try #require(uploaded.evidence)
            #expect(link.uri == "urn:kinerja:evidence:sha256:" + SHA256.hash(file).map { String(format: "%02x", $0) }.joined())
            #expect(link.mediaType == "application/pdf" && link.sizeBytes == UInt64(file.count) && !uploaded.alreadyStored)
            let older = try await f.submit(f.draft(skp, date: day(-2), value: 4), pegawai)
            let newer = try await f.submit(f.draft(skp, date: day(0), value: 6, evidence: [link]), pegawai)
            #expect(older.state == .diajukan && older.provisional, "the pegawai's demo SKP is a draft: provisional")
            #expect(newer.verifierNIP == (try f.identity.nip("atasan")))
            #expect(newer.reviewDueDate != nil && !newer.reviewOverdue)

            // The inbox: the atasan's bawahan's reports awaiting verification, oldest first.
            let inbox = try await f.client.listDailyReports(Reporting.ListDailyReportsRequest(
                verifierNIP: try f.identity.nip("atasan"), states: [.diajukan]), options: atasan)
            #expect(inbox.reports.map(\.reportID) == [older.reportID, newer.reportID])

            let verified = try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(
                reportID: newer.reportID, note: "Sesuai rekap", expectedRevision: newer.revision), options: atasan)
            #expect(verified.report?.state == .diverifikasi && verified.report?.reviewNote == "Sesuai rekap")
            // The same atasan's second decision on it is refused by the lifecycle.
            let again = await failure { try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: newer.reportID), options: atasan) }
            #expect(again?.code == .failedPrecondition && again?.reason == "REPORT_NOT_DIAJUKAN")

            let period = Common.Period(year: witaToday.year, kind: .annual)
            let progress = try #require(try await f.client.getProgress(Reporting.GetProgressRequest(nip: try f.identity.nip("pegawai"), period: period),
                                                                        options: pegawai).progress)
            let iki = try #require(progress.ikis.first { $0.ikiID == newer.ikiID })
            #expect(iki.realisationVerified == 6 && iki.realisationWithPending == 10)
            #expect(iki.verifiedCount == 1 && iki.pendingCount == 1)
            #expect(progress.targetsAvailability == .provisional)
            if let target = iki.target?.value, target > 0 { #expect(iki.capaianPercent?.value == 6 / target * 100) }

            // The atasan and the pimpinan (in scope) read the evidence; the HR portal cannot.
            let (downloaded, bytes) = try await f.client.download(link.sha256, callOptions: atasan)
            #expect(bytes == file && downloaded?.title == "rekap-loket.pdf")
            _ = try await f.client.download(link.sha256, callOptions: try await f.signIn("pimpinan"))
            #expect(await failure { try await f.client(.client("hr-portal")).download(link.sha256) }?.code == .unauthenticated)
        }
    }

    @Test("a week at once: an employee's own rows in one bulk call; a row for someone else is refused on its own (PERMISSION_DENIED), audited")
    func weekEntry() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let skp = try await f.skp("pegawai")
            var rows = (0..<3).map { index in
                Reporting.DailyReportRow(rowNumber: UInt32(index + 2), report: f.draft(skp, iki: index, date: day(-index), value: Double(index + 1)))
            }
            rows.append(Reporting.DailyReportRow(rowNumber: 5, nip: try f.identity.nip("atasan"), report: f.draft(skp, date: day(0))))
            let response = try await f.client.bulkSubmit(rows, options: Reporting.BulkSubmitOptions(sourceName: "minggu-ini.csv"), callOptions: pegawai)
            #expect(response.totalRows == 4 && response.acceptedRows == 3 && response.rejectedRows == 1 && !response.nothingWritten)
            #expect(response.results.map(\.statusCode) == [0, 0, 0, 7])
            #expect(response.results.last?.reasons.first?.reason == "NOT_OWN_ROW")
            let denied = try await f.auditEvents(action: Reporting.ReportingService.Method.bulkSubmitDailyReports.path).filter { $0.outcome == .denied }
            #expect(denied.count == 1)
            // A dry run stores nothing; all-or-nothing with a bad row stores nothing either.
            let before = try await f.snapshot()
            let dry = try await f.client.bulkSubmit([Reporting.DailyReportRow(rowNumber: 1, report: f.draft(skp, date: day(-1)))],
                                                    options: Reporting.BulkSubmitOptions(dryRun: true), callOptions: pegawai)
            #expect(dry.acceptedRows == 1 && dry.nothingWritten && dry.results.first?.reportID == "")
            var bad = f.draft(skp, date: day(-1))
            bad.realisationValue = -1
            let whole = try await f.client.bulkSubmit([Reporting.DailyReportRow(rowNumber: 1, report: f.draft(skp, date: day(-1))),
                                                       Reporting.DailyReportRow(rowNumber: 2, report: bad)],
                                                      options: Reporting.BulkSubmitOptions(allOrNothing: true), callOptions: pegawai)
            #expect(whole.acceptedRows == 1 && whole.rejectedRows == 1 && whole.nothingWritten)
            #expect(whole.results[1].reasons.first?.field == "rows[1].report.realisation_value")
            let after = try await f.snapshot()
            #expect(before == after)
        }
    }

    @Test("the machine client siak-dukcapil bulk-submits for Dukcapil employees only; another client and an unconfigured one are refused")
    func machineClient() async throws {
        try await withReporting { f in
            let dukcapil = try await f.unit("KPG.DUKCAPIL")
            let period = Common.Period(year: witaToday.year, kind: .annual)
            let targets = try await f.planning.reportingService.streamTargets(Planning.StreamTargetsRequest(
                population: .unit(Common.UnitScope(unitID: dukcapil, includeSubunits: true)), period: period, allowProvisional: true)) { responses in
                var rows: [Planning.EmployeeTargets] = []
                for try await response in responses { if let t = response.targets, !t.targets.isEmpty { rows.append(t) } }
                return rows
            }
            #expect(targets.count >= 10)
            var rows: [Reporting.DailyReportRow] = []
            for (index, person) in targets.prefix(10).enumerated() {
                let target = try #require(person.targets.first)
                rows.append(Reporting.DailyReportRow(rowNumber: UInt32(index + 1), nip: person.employee?.nip ?? "", report: Reporting.DailyReportDraft(
                    reportDate: day(-1), rhkID: target.rhkID, ikiID: target.ikiID, realisationValue: 12,
                    description: "Rekap SIAK: KTP-el dicetak di loket", durationMinutes: 0)))
            }
            // A row for an employee outside Dukcapil (the auditor, Inspektorat).
            rows.append(Reporting.DailyReportRow(rowNumber: 11, nip: try f.identity.nip("auditor"), report: rows[0].report))
            let siak = f.client(.client("siak-dukcapil"))
            let response = try await siak.bulkSubmit(rows, options: Reporting.BulkSubmitOptions(sourceName: "siak-2026-12-05"))
            #expect(response.acceptedRows == 10 && response.rejectedRows == 1)
            #expect(response.results.last?.statusCode == 7 && response.results.last?.reasons.first?.reason == "OUTSIDE_CLIENT_UNIT")
            // The stored reports are the employees', DIAJUKAN; the machine client reads nothing back.
            let stored = try await f.client.getDailyReport(Reporting.GetDailyReportRequest(reportID: response.results[0].reportID),
                                                           options: try await f.signIn("pengelola"))
            #expect(stored.report?.nip == rows[0].nip && stored.report?.state == .diajukan)
            #expect(await failure { try await siak.getDailyReport(Reporting.GetDailyReportRequest(reportID: response.results[0].reportID)) }?.code == .unauthenticated)
            // Other machine clients may not bulk-submit at all.
            #expect(await failure { try await f.client(.client("hr-portal")).bulkSubmit(rows) }?.code == .unauthenticated)
        }
        // Named in the table but not configured: refused (audited).
        try await withReporting(section: ReportingConfiguration()) { f in
            let error = await failure { try await f.client(.client("siak-dukcapil")).bulkSubmit([]) }
            #expect(error?.code == .permissionDenied)
        }
    }

    @Test("correcting a rejected report resubmits it; only the author changes or withdraws; a verification is revoked with a reason")
    func lifecycle() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let atasan = try await f.signIn("atasan")
            let skp = try await f.skp("pegawai")
            let report = try await f.submit(f.draft(skp, date: day(-1), value: 3), pegawai)
            // Not the author: PERMISSION_DENIED, audited.
            let update = Reporting.UpdateDailyReportRequest(reportID: report.reportID, report: Reporting.DailyReportDraft(realisationValue: 4),
                                                            updateMask: Common.FieldMask(paths: ["realisation_value"]))
            #expect(await failure { try await f.client.updateDailyReport(update, options: atasan) }?.code == .permissionDenied)
            // Not the atasan: the pegawai cannot verify their own report, nor can the pimpinan (not the atasan langsung).
            #expect(await failure { try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID), options: pegawai) }?.code == .permissionDenied)
            #expect(await failure { try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID),
                                                                         options: try await f.signIn("pimpinan")) }?.code == .permissionDenied)
            let denied = try await f.auditEvents(action: Reporting.ReportingService.Method.verifyDailyReport.path).filter { $0.outcome == .denied }
            #expect(denied.count == 2)
            // Reject without a reason is INVALID_ARGUMENT; with one, DITOLAK.
            #expect(await failure { try await f.client.rejectDailyReport(Reporting.RejectDailyReportRequest(reportID: report.reportID, reason: " "), options: atasan) }?.code == .invalidArgument)
            let rejected = try #require(try await f.client.rejectDailyReport(Reporting.RejectDailyReportRequest(
                reportID: report.reportID, reason: "Mohon lampirkan rekap loket"), options: atasan).report)
            #expect(rejected.state == .ditolak && rejected.reviewNote == "Mohon lampirkan rekap loket")
            // A stale revision is ABORTED; the author corrects it: DIAJUKAN again, the review cleared.
            var stale = update
            stale.expectedRevision = report.revision
            #expect(await failure { try await f.client.updateDailyReport(stale, options: pegawai) }?.code == .aborted)
            let corrected = try #require(try await f.client.updateDailyReport(update, options: pegawai).report)
            #expect(corrected.state == .diajukan && corrected.realisationValue == 4 && corrected.reviewed == nil && corrected.reviewNote.isEmpty)
            let verified = try #require(try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID), options: atasan).report)
            #expect(verified.state == .diverifikasi)
            // A verified report is the atasan's: no update, no withdrawal.
            #expect(await failure { try await f.client.updateDailyReport(update, options: pegawai) }?.reason == "REPORT_NOT_CHANGEABLE")
            #expect(await failure { try await f.client.withdrawDailyReport(Reporting.WithdrawDailyReportRequest(reportID: report.reportID), options: pegawai) }?.code == .failedPrecondition)
            // Revoked with a reason: DICABUT, no longer counted; the author withdraws it.
            #expect(await failure { try await f.client.revokeVerification(Reporting.RevokeVerificationRequest(reportID: report.reportID), options: atasan) }?.code == .invalidArgument)
            let revoked = try #require(try await f.client.revokeVerification(Reporting.RevokeVerificationRequest(
                reportID: report.reportID, reason: "Ternyata dobel dengan laporan kemarin"), options: atasan).report)
            #expect(revoked.state == .dicabut && revoked.revoked != nil)
            let withdrawn = try #require(try await f.client.withdrawDailyReport(Reporting.WithdrawDailyReportRequest(
                reportID: report.reportID, reason: "dobel"), options: pegawai).report)
            #expect(withdrawn.state == .ditarik)
            // Unknown and invisible reports are NOT_FOUND alike.
            #expect(await failure { try await f.client.getDailyReport(Reporting.GetDailyReportRequest(reportID: "01JNOSUCHREPORT000000000000"), options: pegawai) }?.code == .notFound)
            #expect(await failure { try await f.client.getDailyReport(Reporting.GetDailyReportRequest(reportID: report.reportID),
                                                                      options: try await f.signIn("admin")) } == nil)
        }
    }

    @Test("batch review: each decision applied or refused on its own, in request order; duplicates and empty lists are INVALID_ARGUMENT")
    func batchReview() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let atasan = try await f.signIn("atasan")
            let skp = try await f.skp("pegawai")
            var ids: [String] = []
            for offset in 0..<3 { ids.append(try await f.submit(f.draft(skp, iki: offset, date: day(-offset)), pegawai).reportID) }
            let response = try await f.client.batchReviewDailyReports(Reporting.BatchReviewDailyReportsRequest(reviews: [
                Reporting.ReportReview(reportID: ids[0], decision: .verify),
                Reporting.ReportReview(reportID: ids[1], decision: .reject, note: "Uraian terlalu umum"),
                Reporting.ReportReview(reportID: ids[2], decision: .reject),
                Reporting.ReportReview(reportID: "01JNOSUCHREPORT000000000000", decision: .verify),
            ]), options: atasan)
            #expect(response.appliedCount == 2 && response.failedCount == 2)
            #expect(response.results.map(\.statusCode) == [0, 0, 3, 5])
            #expect(response.results.map(\.state) == [.diverifikasi, .ditolak, .diajukan, .unspecified])
            #expect(await failure { try await f.client.batchReviewDailyReports(Reporting.BatchReviewDailyReportsRequest(reviews: []), options: atasan) }?.code == .invalidArgument)
            #expect(await failure { try await f.client.batchReviewDailyReports(Reporting.BatchReviewDailyReportsRequest(reviews: [
                Reporting.ReportReview(reportID: ids[2], decision: .verify), Reporting.ReportReview(reportID: ids[2], decision: .verify)]),
                                                                               options: atasan) }?.code == .invalidArgument)
            // Someone who is not the atasan gets PERMISSION_DENIED per entry.
            let other = try await f.client.batchReviewDailyReports(Reporting.BatchReviewDailyReportsRequest(reviews: [
                Reporting.ReportReview(reportID: ids[2], decision: .verify)]), options: try await f.signIn("pimpinan"))
            #expect(other.results.first?.statusCode == 7 && other.appliedCount == 0)
        }
    }

    @Test("evaluation locks a period: every change dated in it is FAILED_PRECONDITION naming the period; only evaluation locks; unlocking reopens it")
    func periodLock() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let atasan = try await f.signIn("atasan")
            let skp = try await f.skp("pegawai")
            let nip = try f.identity.nip("pegawai")
            let pending = try await f.submit(f.draft(skp, date: day(-1)), pegawai)
            let verified = try await f.submit(f.draft(skp, iki: 1, date: day(-1)), pegawai)
            _ = try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: verified.reportID), options: atasan)
            let month = Common.Period(year: day(-1).year, kind: .monthly, month: day(-1).month)
            let lock = Reporting.PeriodLock(lockID: "eval-bulan-ini", period: month, nips: [nip, nip], reason: "evaluasi bulanan difinalisasi")
            // Not evaluation: refused.
            #expect(await failure { try await f.client.lockPeriod(Reporting.LockPeriodRequest(lock: lock), options: try await f.signIn("pengelola")) }?.code == .permissionDenied)
            let evaluation = f.client(.service("evaluation"))
            let locked = try await evaluation.lockPeriod(Reporting.LockPeriodRequest(lock: lock))
            #expect(locked.pendingFrozenCount == 1 && locked.lock?.nips == [nip])
            let before = try await f.snapshot()
            let refusals = [
                await failure { try await f.submit(f.draft(skp, date: day(-1)), pegawai) },
                await failure { try await f.client.withdrawDailyReport(Reporting.WithdrawDailyReportRequest(reportID: pending.reportID), options: pegawai) },
                await failure { try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: pending.reportID), options: atasan) },
                await failure { try await f.client.revokeVerification(Reporting.RevokeVerificationRequest(reportID: verified.reportID, reason: "dobel"), options: atasan) },
                await failure { try await f.client.updateDailyReport(Reporting.UpdateDailyReportRequest(
                    reportID: pending.reportID, report: Reporting.DailyReportDraft(realisationValue: 9), updateMask: Common.FieldMask(paths: ["realisation_value"])), options: pegawai) },
            ]
            for refusal in refusals {
                #expect(refusal?.code == .failedPrecondition && refusal?.reason == "PERIOD_LOCKED")
                #expect(refusal?.message.contains("lock eval-bulan-ini") == true, "\(refusal?.message ?? "")")
            }
            #expect(try await f.snapshot() == before)
            let listed = try await f.client.listPeriodLocks(Reporting.ListPeriodLocksRequest(), options: pegawai)
            #expect(listed.locks.map(\.lockID) == ["eval-bulan-ini"])
            #expect(await failure { try await evaluation.unlockPeriod(Reporting.UnlockPeriodRequest(lockID: "eval-bulan-ini")) }?.code == .invalidArgument)
            _ = try await evaluation.unlockPeriod(Reporting.UnlockPeriodRequest(lockID: "eval-bulan-ini", reason: "dibuka kembali"))
            _ = try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: pending.reportID), options: atasan)
        }
    }
}
