import Foundation
import GRDB
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaStore
import KinerjaTestSupport
import KinerjaTLS
import Testing

/// `kinerja-evaluation` with identity, planning, reporting and feedback as real processes over real TLS.
@Suite("kinerja-evaluation with the other four services as real processes", .serialized)
struct EvaluationEndToEndTests {
    /// The triwulan to evaluate: the last that has ended this year (the current one in January–March).
    static var triwulan: Common.Period {
        let today = Wita.today(now: Date())
        let current = (today.month - 1) / 3 + 1
        return Common.Period(year: today.year, kind: .quarterly, triwulan: Common.Triwulan(rawValue: max(1, current - 1)))
    }

    @Test("a triwulan from the demo reports to a finalised unit: opened by HR, proposed from reporting's verified realisations, decided by the pimpinan above, rated by each penilai within the curve, finalised and locked in reporting; the HR portal's certificate reads it and fails to write")
    func triwulanToFinalised() async throws {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-evaluation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let identity = try await IdentityProcess.start(directory: dir)
        var processes: [RunningProcess] = [identity.running]
        defer {
            for process in processes.reversed() { process.stop() }
            try? FileManager.default.removeItem(atPath: dir)
        }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: true)
        processes.append(planning.running)
        let reporting = try await ReportingProcess.start(directory: dir, identity: identity, planning: planning, demo: true)
        processes.append(reporting.running)
        let feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: false)
        processes.append(feedback.running)
        let evaluation = try await EvaluationProcess.start(directory: dir, identity: identity.port, planning: planning.port,
                                                           reporting: reporting.port, feedback: feedback.port)
        processes.append(evaluation.running)

        let sessions = try Sessions(identity: identity, directory: dir)
        let (client, transport) = try evaluation.client(.client("operator"))
        let (portal, portalTransport) = try evaluation.client(.client("hr-portal"))
        let reportsTransport = RPCClient(configuration: ClientConfiguration(
            host: "127.0.0.1", port: reporting.port, serverIdentity: try PeerIdentity(kind: .service, name: "reporting"),
            tls: try TestPKI.context(client: "operator")))
        let reports = Reporting.ReportingService.Client(transport: reportsTransport)
        defer { Task { await transport.close(); await portalTransport.close(); await reportsTransport.close(); await sessions.close() } }

        let hr = try await sessions.persona("pengelola")
        let unit = try #require(try identity.readStore { db in try String.fetchOne(db, sql: "SELECT unit_id FROM unit WHERE code = 'KPG.DUKCAPIL.DAFDUK'") })
        let scope = Common.UnitScope(unitID: unit, includeSubunits: true)
        let period = try #require(try await client.openPeriod(Evaluation.OpenPeriodRequest(unit: scope, period: Self.triwulan), options: hr).period)
        #expect(period.state == .persiapan && period.population >= 5)

        // Proposals from reporting's verified realisations of the demo year.
        let proposed = try await client.proposeEvaluations(Evaluation.ProposeEvaluationsRequest(periodID: period.periodID), options: hr)
        #expect(proposed.proposedCount == period.population)
        var listed = try await client.listEvaluations(Evaluation.ListEvaluationsRequest(unit: scope, period: Self.triwulan), options: hr).evaluations
        #expect(listed.contains { ($0.proposal?.inputs ?? []).contains { ($0.realisationValue?.value ?? 0) > 0 && $0.basis == .capaian } },
                "verified demo reports reach the proposals")

        // The pimpinan above the bidang (the Kepala Dinas, its head's penilai) decides the unit.
        let pimpinan = try await sessions.persona("pimpinan")
        let decided = try await client.setOrganisationRating(Evaluation.SetOrganisationRatingRequest(
            periodID: period.periodID, rating: .baik, reason: "Hasil evaluasi kinerja bidang triwulan ini"), options: pimpinan)
        #expect(decided.period?.state == .penilaian && decided.curve?.quotas.isEmpty == false)

        // Each evaluation rated by its pejabat penilai of the day, within a Baik unit's curve.
        listed = try await client.listEvaluations(Evaluation.ListEvaluationsRequest(unit: scope, period: Self.triwulan), options: hr).evaluations
        let today = Wita.today(now: Date())
        let penilai = try await sessions.identity.getPejabatPenilai(Identity.GetPejabatPenilaiRequest(
            nips: listed.compactMap { $0.employee?.nip }, onDate: today), options: hr).penilai
        var signedIn: [String: CallOptions] = [:]
        for (index, evaluation) in listed.enumerated() {
            let rater = try #require(penilai.first { $0.nip == evaluation.employee?.nip }?.penilai?.nip)
            if signedIn[rater] == nil { signedIn[rater] = try await sessions.nip(rater, hr: hr) }
            let options = try #require(signedIn[rater])
            let (hk, pk): (Common.Rating, Common.Rating) = index == 0 ? (.diBawahEkspektasi, .sesuaiEkspektasi)
                : index % 3 == 0 ? (.diAtasEkspektasi, .diAtasEkspektasi) : (.sesuaiEkspektasi, .sesuaiEkspektasi)
            _ = try await client.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
                evaluationID: evaluation.evaluationID, rating: hk, reason: "Dinilai dari capaian dan pengamatan triwulan"), options: options)
            _ = try await client.setPerilakuRating(Evaluation.SetPerilakuRatingRequest(
                evaluationID: evaluation.evaluationID, rating: pk, reason: "Dinilai dari perilaku kerja triwulan"), options: options)
        }
        let curve = try #require(try await client.getCurve(Evaluation.GetCurveRequest(periodID: period.periodID), options: hr).curve)
        #expect(curve.compliant, "\(curve.note)")
        let finalised = try await client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: period.periodID), options: pimpinan)
        #expect(finalised.period?.state == .finalised && finalised.finalisedCount == period.population)

        // Reporting was told: the lock covers the evaluated employees.
        let someone = try #require(listed.first?.employee?.nip)
        let deadline = Date().addingTimeInterval(60)
        var locked = false
        while !locked && Date() < deadline {
            locked = try await reports.listPeriodLocks(Reporting.ListPeriodLocksRequest(nip: someone), options: hr).locks.contains { $0.lockID == period.periodID }
            if !locked { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(locked, "reporting locked the finalised triwulan")

        // The HR portal reads — periods, evaluations with totals, the export — and writes nothing.
        let read = try await portal.getPeriod(Evaluation.GetPeriodRequest(periodID: period.periodID))
        #expect(read.period?.state == .finalised && read.period?.lockDeliveries.allSatisfy(\.delivered) == true)
        let totals = try await portal.listEvaluations(Evaluation.ListEvaluationsRequest(unit: scope, period: Self.triwulan, states: [.finalised]))
        #expect(totals.evaluations.count == Int(period.population) && totals.totals.first { $0.predikat == .butuhPerbaikan }?.count == 1)
        let exported = try await portal.exportEvaluations(Evaluation.ExportEvaluationsRequest(unit: scope, period: Self.triwulan)) { responses in
            var rows: [Evaluation.SiasnRecord] = []
            for try await response in responses { if let record = response.record { rows.append(record) } }
            return rows
        }
        #expect(exported.count == Int(period.population) && exported.allSatisfy { $0.recordSha256.count == 32 && !$0.evaluatorNIP.isEmpty })
        let first = try #require(listed.first)
        #expect(await statusCode { try await portal.setHasilKerjaRating(Evaluation.SetHasilKerjaRatingRequest(
            evaluationID: first.evaluationID, rating: .diAtasEkspektasi, reason: "Diubah dari portal")) } == .unauthenticated)
        #expect(await statusCode { try await portal.reopenPeriod(Evaluation.ReopenPeriodRequest(
            periodID: period.periodID, reason: "Dibuka kembali dari portal kepegawaian")) } == .unauthenticated)
        #expect(await statusCode { try await portal.openPeriod(Evaluation.OpenPeriodRequest(
            unit: scope, period: Common.Period(year: today.year, kind: .annual))) } == .unauthenticated)
        let audit = try await evaluation.tool(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.stdout)")
    }

    @Test("make run's five services with their demo data: evaluation seeds the demo year on its first start and reuses it on the next")
    func demoYear() async throws {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-evaluation-demo-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let identity = try await IdentityProcess.start(directory: dir)
        var processes: [RunningProcess] = [identity.running]
        defer {
            for process in processes.reversed() { process.stop() }
            try? FileManager.default.removeItem(atPath: dir)
        }
        let planning = try await PlanningProcess.start(directory: dir, identity: identity, demo: true)
        processes.append(planning.running)
        let reporting = try await ReportingProcess.start(directory: dir, identity: identity, planning: planning, demo: true)
        processes.append(reporting.running)
        let feedback = try await FeedbackProcess.start(directory: dir, identity: identity, planning: planning, demo: true)
        processes.append(feedback.running)
        let started = ContinuousClock.now
        var evaluation = try await EvaluationProcess.start(directory: dir, identity: identity.port, planning: planning.port,
                                                           reporting: reporting.port, feedback: feedback.port, demo: true)
        let firstStart = ContinuousClock.now - started
        processes.append(evaluation.running)
        let today = Wita.today(now: Date())
        let ended = Int((today.month - 1) / 3)
        let (finalised, open, monthly) = try evaluation.readStore { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM evaluation_period WHERE kind = 2 AND state = 3") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM evaluation_period WHERE kind = 2 AND state != 3") ?? 0,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM evaluation_period WHERE kind = 1") ?? 0)
        }
        #expect(open >= 10 && finalised == ended * open && monthly == Int(today.month) * open, "\(finalised) finalised, \(open) open, \(monthly) monthly")
        // Reporting is told to lock the finalised triwulan.
        let deadline = Date().addingTimeInterval(60)
        var pending = 1
        while pending > 0 && Date() < deadline {
            pending = try evaluation.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM peer_notification WHERE delivered_at IS NULL") ?? 0 }
            if pending > 0 { try await Task.sleep(for: .milliseconds(500)) }
        }
        #expect(pending == 0)
        // What a pengelola kinerja sees: kinerjactl eval quotas draws a finalised unit's curve as a table and as bars.
        let pengelola = try IdentityProcess.persona("pengelola", in: dir)
        let login = try await identity.ctl(["login", "--nip", pengelola, "--password-stdin"], stdin: IdentityProcess.demoPassword + "\n", session: "pengelola")
        #expect(login.status == 0, "\(login.stderr)")
        let quotas = try await identity.ctl(["eval", "quotas", "--unit", "KPG.DUKCAPIL", "--period", "\(today.year)-Q1",
                                             "--evaluation", "127.0.0.1:\(evaluation.port)"], session: "pengelola")
        if today.month > 3 {
            #expect(quotas.status == 0, "\(quotas.stderr)")
            #expect(quotas.stdout.contains("PREDIKAT") && quotas.stdout.contains("MAX") && quotas.stdout.contains("█"), "\(quotas.stdout)")
        }
        // The next start finds the store filled.
        evaluation.running.signal(SIGTERM)
        #expect(try await evaluation.running.waitForExit() == 0)
        let restarted = ContinuousClock.now
        evaluation = try await EvaluationProcess.start(directory: dir, identity: identity.port, planning: planning.port,
                                                       reporting: reporting.port, feedback: feedback.port, demo: true, name: "evaluation-2")
        let secondStart = ContinuousClock.now - restarted
        processes.append(evaluation.running)
        let seeds = try evaluation.readStore { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'evaluation.demo_seed'") ?? 0 }
        #expect(seeds == 1)
        let audit = try await evaluation.tool(["audit", "verify"])
        #expect(audit.status == 0, "\(audit.stdout)")
        print("evaluation demo: first start \(firstStart) (seeding), second start \(secondStart)")
    }

    @Test("SIGKILL while a 2 000-employee unit is being finalised: after restart each period is wholly final with every snapshot or wholly open, and the audit chain verifies")
    func sigkillDuringFinalisation() async throws {
        let dir = NSTemporaryDirectory() + "kinerja-e2e-evaluation-kill-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let identity = try await IdentityProcess.start(directory: dir)
        var current: EvaluationProcess?
        defer {
            current?.running.stop()
            identity.running.stop()
            try? FileManager.default.removeItem(atPath: dir)
        }
        let (unit, sekda) = try identity.readStore { db in
            (try String.fetchOne(db, sql: "SELECT unit_id FROM unit WHERE code = 'KPG.DUKCAPIL'") ?? "",
             try String.fetchOne(db, sql: "SELECT head_nip FROM unit WHERE code = 'KPG.SETDA'") ?? "")
        }
        // Four periods of the same unit (triwulan I–IV), each 2 000 employees rated within a Baik curve.
        let year = Wita.today(now: Date()).year
        var periods = try Self.prefill(databasePath: "\(dir)/edata/evaluation.sqlite", unitID: unit, year: year, employees: 2000)
        // Planning, reporting and feedback are not running: evaluation starts, and queues what reporting must be told.
        var evaluation = try await EvaluationProcess.start(directory: dir, identity: identity.port, planning: 1, reporting: 1, feedback: 1)
        current = evaluation
        let sessions = try Sessions(identity: identity, directory: dir)
        let hr = try await sessions.persona("pengelola")
        let asSekda = try await sessions.nip(sekda, hr: hr)  // the Kepala Dinas's penilai: the pimpinan above Dukcapil
        // One finalisation undisturbed measures how long it takes, so the kills land inside it.
        let calibration = periods.removeLast()
        var took = Duration.seconds(1)
        do {
            let (client, transport) = try evaluation.client(.client("operator"))
            _ = try await client.getPeriod(Evaluation.GetPeriodRequest(periodID: calibration), options: asSekda)
            let started = ContinuousClock.now
            let response = try await client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: calibration), options: asSekda)
            #expect(response.finalisedCount == 2000)
            took = ContinuousClock.now - started
            await transport.close()
        }
        var outcomes: [String] = []
        for (index, periodID) in periods.enumerated() {
            let (client, transport) = try evaluation.client(.client("operator"))
            // Warm the new process (connection, identity's answers) so the kill lands in the write, not before it.
            _ = try await client.getPeriod(Evaluation.GetPeriodRequest(periodID: periodID), options: asSekda)
            let call = Task { try? await client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: periodID), options: asSekda) }
            try await Task.sleep(for: took * [0.3, 0.6, 0.9][index % 3])
            evaluation.running.signal(SIGKILL)
            _ = try await evaluation.running.waitForExit()
            _ = await call.value
            await transport.close()

            evaluation = try await EvaluationProcess.start(directory: dir, identity: identity.port, planning: 1, reporting: 1, feedback: 1,
                                                           name: "evaluation-\(index + 2)")
            current = evaluation
            let (state, finalised, snapshots, intact, finalisations) = try evaluation.readStore { db in
                (Evaluation.EvaluationPeriodState(rawValue: try Int32.fetchOne(db, sql: "SELECT state FROM evaluation_period WHERE period_id = ?", arguments: [periodID]) ?? 0),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM employee_evaluation WHERE period_id = ? AND state = ?",
                                  arguments: [periodID, Evaluation.EvaluationState.finalised.rawValue]) ?? -1,
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM finalisation_snapshot WHERE period_id = ?", arguments: [periodID]) ?? -1,
                 try SnapshotRecords.snapshots(periodID: periodID, number: 1, in: db).allSatisfy(\.intact),
                 try Int.fetchOne(db, sql: "SELECT count(*) FROM finalisation WHERE period_id = ?", arguments: [periodID]) ?? -1)
            }
            let wholeFinal = state == .finalised && finalised == 2000 && snapshots == 2000 && intact && finalisations == 1
            let wholeOpen = state == .penilaian && finalised == 0 && snapshots == 0 && finalisations == 0
            #expect(wholeFinal || wholeOpen, "period \(index + 1): \(state), \(finalised) finalised, \(snapshots) snapshots, \(finalisations) finalisations")
            outcomes.append(wholeFinal ? "final" : "open")
            let audit = try await evaluation.tool(["audit", "verify"])
            #expect(audit.status == 0, "\(audit.stdout)")
        }
        // A period left open is finalised now, whole: nothing half-done blocks it.
        for (index, periodID) in periods.enumerated() where outcomes[index] == "open" {
            let (client, transport) = try evaluation.client(.client("operator"))
            let response = try await client.finalisePeriod(Evaluation.FinalisePeriodRequest(periodID: periodID), options: asSekda)
            #expect(response.finalisedCount == 2000)
            await transport.close()
        }
        await sessions.close()
        print("SIGKILL during finalisation of 2 000 evaluations (one takes \(took)): \(outcomes.joined(separator: ", "))")
    }

    /// Writes periods in PENILAIAN (organisation rating Baik) with `employees` rated evaluations each
    /// (one Butuh Perbaikan, a third Sangat Baik, the rest Baik: the curve holds) into a new store.
    static func prefill(databasePath: String, unitID: String, year: Int32, employees: Int) throws -> [String] {
        let store = try Store(configuration: StoreConfiguration(path: databasePath), migrations: EvaluationSchema.migrations)
        defer { try? store.close() }
        let stamp = Common.AuditStamp(principal: "system", principalKind: .system, at: Common.Timestamp(seconds: Int64(Date().timeIntervalSince1970), nanos: 0))
        return try store.pool.write { db in
            var ids: [String] = []
            for number in 1...4 {
                let span = Evaluation.EvaluationSpan.triwulan(UInt32(number), of: year)
                var period = Evaluation.EvaluationPeriod()
                period.periodID = ULID.make()
                period.unit = Common.UnitScope(unitID: unitID, includeSubunits: true)
                period.period = span.period
                period.span = span
                period.state = .penilaian
                period.opened = stamp
                period.revision = 2
                let rating = Evaluation.OrganisationRatingRecord(unitID: unitID, period: span.period, rating: .baik, reason: "SAKIP", decided: stamp, span: span)
                period.organisationRating = rating
                try PeriodRecords.insert(period, in: db)
                try PeriodRecords.insert(rating, id: ULID.make(), periodID: period.periodID, in: db)
                for index in 0..<employees {
                    let (hk, pk): (Common.Rating, Common.Rating) = index == 0 ? (.diBawahEkspektasi, .sesuaiEkspektasi)
                        : index % 3 == 0 ? (.diAtasEkspektasi, .diAtasEkspektasi) : (.sesuaiEkspektasi, .sesuaiEkspektasi)
                    var evaluation = Evaluation.EmployeeEvaluation()
                    evaluation.evaluationID = ULID.make()
                    evaluation.periodID = period.periodID
                    evaluation.employee = Common.EmployeeRef(nip: "1975" + String(format: "%014d", index), displayName: "Pegawai Uji \(index)", unitID: unitID)
                    evaluation.period = span.period
                    evaluation.span = span
                    evaluation.evaluator = Common.EmployeeRef(nip: "197001012000031001", displayName: "Penilai Uji")
                    evaluation.hasilKerja = Evaluation.RatingDecision(rating: hk, reason: "Dinilai dari capaian triwulan", decided: stamp)
                    evaluation.perilakuKerja = Evaluation.RatingDecision(rating: pk, reason: "Dinilai dari perilaku kerja", decided: stamp)
                    let (predikat, kuadran) = RatingDecisionRules.predikat(hasilKerja: hk, perilaku: pk)
                    evaluation.predikat = predikat
                    evaluation.kuadran = kuadran
                    evaluation.state = .rated
                    evaluation.revision = 3
                    try EvaluationRecords.insert(evaluation, in: db)
                }
                ids.append(period.periodID)
            }
            return ids
        }
    }
}
