public import Logging
import Foundation
import GRDB
import KinerjaASN
import KinerjaDemo
import KinerjaIdentityClient
import KinerjaProto
import KinerjaService
import KinerjaStore

/// Fills an empty evaluation store with the demo year of the Kupang organisation: the people and
/// who rates whom from identity, the SKPs from planning, the verified realisations from reporting's
/// demo reports and the 360° summaries from feedback's demo round — read in batches, one stream per
/// perangkat daerah and triwulan — then:
/// - every triwulan that has ended: one period per perangkat daerah (with its sub-units), the
///   organisation rating decided by the pimpinan above, the proposals, the ratings
///   (``KupangEvaluationDemo``: the curve respected, a few overrides with reasons, one lenient
///   rater), finalised with snapshots; reporting is then told to lock them;
/// - the current triwulan: the same periods, rating in progress;
/// - the months of the year so far: opened (PERSIAPAN); the last month of the last finalised
///   triwulan rated and finalised.
/// Later starts find the periods and keep them.
public enum EvaluationDemoSeeder {
    /// Seeds when the store has no period; waits up to 90 seconds for the other services to answer.
    public static func seedIfEmpty(handlers: EvaluationHandlers, logger: Logger) async throws {
        guard let seed = handlers.configuration.demoSeed else { return }
        let empty = try await handlers.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM evaluation_period") == 0 }
        guard empty else { return }
        let started = ContinuousClock.now
        let deadline = started + .seconds(90)
        func patiently<T>(_ body: () async throws -> T, until ready: (T) -> Bool = { _ in true }) async throws -> T {
            while true {
                do {
                    let value = try await body()
                    if ready(value) || ContinuousClock.now > deadline { return value }
                } catch {
                    if ContinuousClock.now > deadline { throw error }
                }
                try await Task.sleep(for: .seconds(1))
            }
        }
        let today = handlers.today
        let year = handlers.configuration.demoYear ?? today.year
        let tree = try await patiently { try await handlers.directory.unitTree() }
        guard let root = tree.rootID else { return }
        // A non-ASN official (the Wali Kota) has no SKP and is not evaluated; identity's batched
        // reads take NIPs only, so they are left out before planning is asked.
        let members = try await patiently { try await handlers.directory.members(of: root, includeSubunits: true) }
            .filter { $0.status == .aktif && $0.asnType != .nonAsn }
        let annual = Common.Period(year: year, kind: .annual)
        // Planning seeds its SKPs first; wait until it answers with some approved.
        let targets = try await patiently({ try await handlers.evidence.targets(nips: members.map(\.nip), period: annual) },
                                          until: { $0.values.contains { $0.availability == .approved } })
        let people = members.filter { targets[$0.nip]?.availability == .approved }.sorted { $0.nip < $1.nip }
        guard !people.isEmpty else {
            logger.warning("demo evaluations: planning has no approved SKP for the year; nothing seeded", metadata: ["year": "\(year)"])
            return
        }
        let organisation = KupangDemo(seed: seed).organisation(today: today)
        let pengelola = organisation.user(persona: "pengelola")?.nip ?? "system"
        let units = tree.children(of: root).filter(\.active).sorted { $0.code < $1.code }
        func opd(of unitID: String) -> String? {
            let path = [unitID] + (tree.ancestors(of: unitID) ?? [])
            return path.first { tree.unit($0)?.parentUnitID == root }
        }
        var byUnit: [String: [Identity.Employee]] = [:]
        for person in people { if let unit = opd(of: person.unitID) { byUnit[unit, default: []].append(person) } }
        let pimpinan = try await pimpinanAbove(units.map(\.unitID), handlers: handlers)
        let demo = KupangEvaluationDemo(seed: seed)

        // The lenient rater: in a kecamatan, the penilai with the largest team.
        let penilaiToday = try await handlers.directory.penilai(of: people.map(\.nip), on: today)
        let lenient = lenientRater(units: units, byUnit: byUnit, penilai: penilaiToday)

        let current = year < today.year ? 5 : Int((today.month - 1) / 3) + 1
        var summary: [String] = []
        // One span rated for every unit — finalised or, for the current triwulan, in progress —
        // from its evidence read one stream per perangkat daerah (the root's own scope holds only
        // the non-ASN Wali Kota); a month is proposed without the 360° rounds, which are per triwulan.
        func seedSpan(_ span: Evaluation.EvaluationSpan, finalise: Bool, behaviour withBehaviour: Bool) async throws -> Int {
            guard let period = span.period else { return 0 }
            var progress: [String: [Reporting.EmployeeProgress]] = [:]
            var behaviour: [String: Feedback.BehaviourSummary] = [:]
            for unit in units where !(byUnit[unit.unitID] ?? []).isEmpty {
                let scope = Common.UnitScope(unitID: unit.unitID, includeSubunits: true)
                progress.merge(try await patiently { try await handlers.evidence.progress(unit: scope, period: period) }) { first, _ in first }
                if withBehaviour {
                    behaviour.merge(try await patiently { try await handlers.evidence.behaviour(unit: scope, period: period) }) { first, _ in first }
                }
            }
            let evidence = ProposalEvidence(progress: [progress], targets: targets, behaviour: behaviour)
            let day = handlers.evaluatorDay(span)
            let penilai = day == today ? penilaiToday : try await handlers.directory.penilai(of: people.map(\.nip), on: day)
            let counts = try await seedTriwulan(span, units: units, byUnit: byUnit, evidence: evidence, penilai: penilai, pimpinan: pimpinan,
                                                lenient: lenient, finalise: finalise, pengelola: pengelola, tree: tree, demo: demo, handlers: handlers)
            summary.append("\(span.label): \(counts.periods) periods, \(counts.rated) rated\(finalise ? ", finalised" : ", in progress")")
            return counts.periods
        }
        for quarter in 1...4 where quarter <= current {
            _ = try await seedSpan(.triwulan(UInt32(quarter), of: year), finalise: quarter < current, behaviour: true)
        }
        let months = year < today.year ? 12 : Int(today.month)
        var opened = 0
        // The last month of the last finalised triwulan is rated and finalised like a triwulan, so
        // the month's TPP input (eval tpp) has factors; the others are opened. (A later month would
        // lock reporting over reports the demo leaves for the atasan to verify.)
        let lastEnded = (current - 1) * 3
        for month in 1...months {
            let span = Evaluation.EvaluationSpan.month(UInt32(month), of: year)
            if month == lastEnded {
                opened += try await seedSpan(span, finalise: true, behaviour: false)
            } else {
                opened += try await openMonth(span, units: units, byUnit: byUnit, targets: targets, penilai: penilaiToday,
                                              pengelola: pengelola, tree: tree, handlers: handlers)
            }
        }
        // Competence development of the year (the 20 JP of PP 17/2020) of every active ASN, SKP or not, recorded by the pengelola.
        let recorder = Common.AuditStamp(principal: pengelola, principalKind: .user, at: handlers.now)
        let competence = KupangCompetenceDemo(seed: seed).records(for: members.map(\.reference), year: year, today: today,
                                                                  recorder: recorder, newID: handlers.newID)
        try await handlers.store.write { db in
            for record in competence { try CompetenceRecords.insert(record, in: db) }
        }
        summary.append("\(competence.count) competence development records")
        summary += try await loadSamples(handlers: handlers, recorder: recorder)
        let seconds = (ContinuousClock.now - started).components.seconds
        let detail = "demo evaluations seed \(seed), \(year): " + summary.joined(separator: "; ")
            + "; \(opened) monthly periods opened; lenient rater \(lenient ?? "none")"
        _ = try await handlers.store.write { db in
            try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "evaluation.demo_seed", outcome: .success,
                                            detail: detail),
                                at: handlers.clock(), in: db)
        }
        let delivered = await handlers.deliverLocks()
        logger.notice("demo evaluations loaded", metadata: [
            "year": "\(year)", "employees": "\(people.count)", "triwulan": "\(summary.joined(separator: "; "))", "monthly_periods": "\(opened)",
            "locks_delivered": "\(delivered.delivered)", "locks_pending": "\(delivered.pending)", "seconds": "\(seconds)",
        ])
    }

    /// The sample TPP rule and SIASN reference table the configuration names, each stored as
    /// version 1 when the store has none; what was loaded, for the seed's audit entry.
    static func loadSamples(handlers: EvaluationHandlers, recorder: Common.AuditStamp) async throws -> [String] {
        func read(_ path: String?) throws -> String? {
            guard let path else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else { throw RPCError(.failedPrecondition, "cannot read \(path)") }
            return String(decoding: data, as: UTF8.self)
        }
        var rule = try read(handlers.configuration.demoTppRuleFile).map { try Evaluation.TppRule(jsonString: $0) }
        var table = try read(handlers.configuration.demoSiasnReferencesFile).map { try Evaluation.SiasnReferenceTable(jsonString: $0) }
        if let given = rule {
            _ = try EvaluationHandlers.tppTable(given)
            rule?.version = 1
            rule?.set = recorder
        }
        if table != nil {
            table?.version = 1
            table?.set = recorder
        }
        let loaded = (rule, table)
        return try await handlers.store.write { db in
            var done: [String] = []
            if let rule = loaded.0, try TppRuleRecords.all(in: db).isEmpty {
                try TppRuleRecords.insert(rule, in: db)
                done.append("sample TPP rule (\(rule.legalBasis))")
            }
            if let table = loaded.1, try SiasnReferenceRecords.count(in: db) == 0 {
                try SiasnReferenceRecords.insert(table, in: db)
                done.append("sample SIASN references (\(table.codes.count) codes)")
            }
            return done
        }
    }

    /// The pimpinan above each unit (``EvaluationHandlers/pimpinanAbove(_:)``).
    static func pimpinanAbove(_ units: [String], handlers: EvaluationHandlers) async throws -> [String: Common.EmployeeRef] {
        var out: [String: Common.EmployeeRef] = [:]
        for unit in units { if let ref = try await handlers.pimpinanAbove(unit) { out[unit] = ref } }
        return out
    }

    /// The penilai with the largest team (at least 4) in a kecamatan: the demo's lenient rater.
    static func lenientRater(units: [Identity.Unit], byUnit: [String: [Identity.Employee]], penilai: [String: Identity.PejabatPenilai]) -> String? {
        var teams: [String: Int] = [:]
        for unit in units where unit.code.hasPrefix("KPG.KEC.") {
            for person in byUnit[unit.unitID] ?? [] where !person.unitHead {
                if let rater = penilai[person.nip]?.penilai?.nip, !rater.isEmpty { teams[rater, default: 0] += 1 }
            }
        }
        return teams.filter { $0.value >= 4 }.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.first?.key
    }

    /// One triwulan for every unit: periods, organisation ratings, proposals, ratings and — when it
    /// has ended — finalisation; one transaction.
    static func seedTriwulan(_ span: Evaluation.EvaluationSpan, units: [Identity.Unit], byUnit: [String: [Identity.Employee]],
                             evidence: ProposalEvidence, penilai: [String: Identity.PejabatPenilai], pimpinan: [String: Common.EmployeeRef],
                             lenient: String?, finalise: Bool, pengelola: String, tree: UnitTreeSnapshot, demo: KupangEvaluationDemo,
                             handlers: EvaluationHandlers) async throws -> (periods: Int, rated: Int) {
        let label = SpanKey.of(span)
        let lenientUnit = lenient.flatMap { rater in byUnit.first { $0.value.contains { penilai[$0.nip]?.penilai?.nip == rater } }?.key }
        let seconds = handlers.nowSeconds
        return try await handlers.store.write { db in
            var periods = 0
            var rated = 0
            for (index, unit) in units.enumerated() {
                let employees = byUnit[unit.unitID] ?? []
                guard !employees.isEmpty, let decider = pimpinan[unit.unitID] else { continue }
                let opener = ChangeActor(principal: pengelola, kind: .user, now: seconds)
                var period = Evaluation.EvaluationPeriod()
                period.periodID = handlers.newID()
                period.unit = Common.UnitScope(unitID: unit.unitID, includeSubunits: true)
                period.period = span.period
                period.span = span
                period.state = .persiapan
                period.opened = opener.stamp
                period.revision = 1
                try PeriodRecords.insert(period, in: db)
                periods += 1
                // The current triwulan leaves one unit waiting for its organisation rating (PERSIAPAN).
                if !finalise && index == units.count - 1 {
                    for employee in employees {
                        try EvaluationRecords.insert(handlers.newEvaluation(employee, period: period, targets: evidence.targets[employee.nip],
                                                                            penilai: penilai[employee.nip], leader: employee.nip == unit.headNIP), in: db)
                    }
                    continue
                }
                let rating = demo.organisationRating(unitCode: unit.code, span: label, forcedBaik: unit.unitID == lenientUnit)
                let decided = ChangeActor(principal: decider.nip, kind: .user, now: seconds)
                var lifecycle = PeriodLifecycle()
                let basis = "Hasil evaluasi kinerja organisasi \(span.label) (evaluasi SAKIP Bagian Organisasi), demo"
                try lifecycle.apply(.setOrganisationRating(rating, reason: basis))
                let record = Evaluation.OrganisationRatingRecord(unitID: unit.unitID, period: span.period, rating: rating, reason: basis,
                                                                 decided: decided.stamp, span: span)
                try PeriodRecords.insert(record, id: handlers.newID(), periodID: period.periodID, in: db)
                period.organisationRating = record
                period.state = lifecycle.state
                period.revision += 1
                try PeriodRecords.update(period, in: db)

                var evaluations: [Evaluation.EmployeeEvaluation] = []
                var persons: [KupangEvaluationDemo.Person] = []
                for employee in employees {
                    let answer = penilai[employee.nip]
                    var evaluation = handlers.newEvaluation(employee, period: period, targets: evidence.targets[employee.nip], penilai: answer,
                                                            leader: employee.nip == unit.headNIP)
                    let proposal = evidence.proposal(for: evaluation, organisation: rating, rule: .default)
                    evaluation = handlers.proposed(evaluation, proposal, evidence: evidence, evaluator: nil)
                    evaluations.append(evaluation)
                    persons.append(KupangEvaluationDemo.Person(
                        nip: employee.nip, proposedHasilKerja: proposal.hasilKerja.rating, proposedPerilaku: proposal.perilaku.rating,
                        leader: evaluation.unitLeader, rater: answer?.penilai?.nip ?? decider.nip,
                        merit: proposal.hasilKerja.allAbovePercent - proposal.hasilKerja.allBelowPercent))
                }
                let decisions = Dictionary(uniqueKeysWithValues: demo.decide(persons, organisation: rating, lenientRater: lenient, span: label).map { ($0.nip, $0) })
                for (position, var evaluation) in evaluations.enumerated() {
                    let nip = evaluation.employee?.nip ?? ""
                    var overrides: [Evaluation.RatingOverride] = []
                    // The current triwulan: about half rated so far.
                    if let decision = decisions[nip], finalise || position % 2 == 0 {
                        let rater = penilai[nip].flatMap { $0.kind == .none ? nil : $0.penilai } ?? decider
                        let stamp = Common.AuditStamp(principal: rater.nip, principalKind: .user, at: Common.Timestamp(seconds: seconds, nanos: 0))
                        var override: Evaluation.RatingOverride?
                        (evaluation, override) = try EvaluationHandlers.decide(.hasilKerja, rating: decision.hasilKerja, reason: decision.hasilKerjaReason,
                                                                               notes: nil, on: evaluation, rater: rater, stamp: stamp, overrideID: handlers.newID())
                        overrides += [override].compactMap { $0 }
                        (evaluation, override) = try EvaluationHandlers.decide(.perilakuKerja, rating: decision.perilaku, reason: decision.perilakuReason,
                                                                               notes: nil, on: evaluation, rater: rater, stamp: stamp, overrideID: handlers.newID())
                        overrides += [override].compactMap { $0 }
                        rated += 1
                    }
                    try EvaluationRecords.insert(evaluation, in: db)
                    for entry in overrides { try EvaluationRecords.insert(entry, periodID: period.periodID, unitID: evaluation.employee?.unitID ?? "", in: db) }
                }
                guard finalise else { continue }
                // The demo's ratings respect the curve; should a seed ever produce a breach, it is overridden with a reason.
                let breaches = try EvaluationHandlers.curve(period, in: db).check.breaches()
                let reason = breaches.isEmpty ? "" : "Demo: unit kecil, penyimpangan kurva diterima pimpinan dengan berita acara"
                _ = try handlers.finalise(Evaluation.FinalisePeriodRequest(periodID: period.periodID, overrideReason: reason), db: db,
                                          actor: decided, context: nil)
            }
            return (periods, rated)
        }
    }

    /// One month for every unit: opened (PERSIAPAN), evaluations created.
    static func openMonth(_ span: Evaluation.EvaluationSpan, units: [Identity.Unit], byUnit: [String: [Identity.Employee]],
                          targets: [String: Planning.EmployeeTargets], penilai: [String: Identity.PejabatPenilai], pengelola: String,
                          tree: UnitTreeSnapshot, handlers: EvaluationHandlers) async throws -> Int {
        let seconds = handlers.nowSeconds
        return try await handlers.store.write { db in
            var opened = 0
            for unit in units {
                let employees = byUnit[unit.unitID] ?? []
                guard !employees.isEmpty else { continue }
                var period = Evaluation.EvaluationPeriod()
                period.periodID = handlers.newID()
                period.unit = Common.UnitScope(unitID: unit.unitID, includeSubunits: true)
                period.period = span.period
                period.span = span
                period.state = .persiapan
                period.opened = ChangeActor(principal: pengelola, kind: .user, now: seconds).stamp
                period.revision = 1
                try PeriodRecords.insert(period, in: db)
                for employee in employees {
                    try EvaluationRecords.insert(handlers.newEvaluation(employee, period: period, targets: targets[employee.nip],
                                                                        penilai: penilai[employee.nip], leader: employee.nip == unit.headNIP), in: db)
                }
                opened += 1
            }
            return opened
        }
    }
}
