import Foundation
import GRDB
import KinerjaASN
@testable import KinerjaEvaluation
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Logging
import Testing

@Suite("The demo year: past triwulan finalised for the whole city from the demo reports and feedback, the current one in progress, the months opened", .serialized)
struct DemoSeedTests {
    @Test("every ended triwulan is finalised per perangkat daerah with the curve respected, a few overrides with reasons, one lenient rater flagged; reporting locks them; a second start reuses the store")
    func demoYear() async throws {
        try await withEvaluation(peers: .real, demo: true) { fixture in
            let current = Int((witaToday.month - 1) / 3) + 1
            let periods = try await fixture.service.store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT period_id, kind, number, state FROM evaluation_period").map {
                    PeriodRow(id: $0["period_id"], kind: $0["kind"], number: $0["number"], state: $0["state"])
                }
            }
            let quarterly = periods.filter { $0.kind == Evaluation.EvaluationPeriodKind.quarterly.rawValue }
            let units = quarterly.filter { $0.number == 1 }.count
            #expect(units >= 10, "one period per perangkat daerah")
            for row in quarterly {
                let number = row.number
                let state = Evaluation.EvaluationPeriodState(rawValue: row.state)
                if number < current {
                    #expect(state == .finalised, "triwulan \(number) has ended: finalised")
                } else {
                    #expect(state != .finalised, "the current triwulan is in progress")
                }
            }
            #expect(quarterly.filter { $0.number == current }.contains { Evaluation.EvaluationPeriodState(rawValue: $0.state) == .penilaian })
            let monthly = periods.filter { $0.kind == Evaluation.EvaluationPeriodKind.monthly.rawValue }
            #expect(monthly.count == units * Int(witaToday.month), "the months of the year so far, every unit")

            // The finalised periods: the curve holds (no override), every snapshot intact.
            let hr = try await fixture.signIn("pengelola")
            for row in quarterly where row.number < current {
                let id = row.id
                let curve = try await fixture.client.getCurve(Evaluation.GetCurveRequest(periodID: id), options: hr)
                #expect(curve.curve?.compliant == true, "\(curve.curve?.note ?? "")")
                let period = try await fixture.client.getPeriod(Evaluation.GetPeriodRequest(periodID: id), options: hr)
                #expect(period.period?.curveOverride == nil && period.period?.finalisations.count == 1)
                let snapshots = try await fixture.service.store.pool.read { db in try SnapshotRecords.snapshots(periodID: id, number: 1, in: db) }
                #expect(snapshots.count == Int(period.period?.population ?? 0) && snapshots.allSatisfy(\.intact))
            }
            // A few overrides of proposals, each with its reason.
            let overrides = try await fixture.service.store.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT body FROM rating_override").map { try StoredBody.decode(Evaluation.RatingOverride.self, $0) }
            }
            #expect(!overrides.isEmpty && overrides.allSatisfy { $0.reason.count >= 10 })

            // One lenient rater, visible in their unit's leniency.
            let lenient = try await fixture.service.store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT detail FROM audit_log WHERE action = 'evaluation.demo_seed'")
            }
            let rater = try #require(lenient?.components(separatedBy: "lenient rater ").last)
            let ratedByThem = try await fixture.service.store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT unit_id FROM employee_evaluation WHERE evaluator_nip = ? AND predikat != 0 LIMIT 1",
                                    arguments: [rater])
            }
            let unit = try #require(ratedByThem)
            let tree = try await (try fixture.handlers).directory.unitTree()
            let opd = try #require(([unit] + (tree.ancestors(of: unit) ?? [])).first { tree.unit($0)?.parentUnitID == tree.rootID })
            let leniency = try await fixture.client.getRaterLeniency(Evaluation.GetRaterLeniencyRequest(
                unit: Common.UnitScope(unitID: opd, includeSubunits: true), period: Common.Period(year: witaToday.year, kind: .quarterly, triwulan: .i)),
                options: hr)
            let stats = try #require(leniency.raters.first { $0.rater?.nip == rater })
            #expect(stats.flagged && stats.leniencyIndex > 0.5 && stats.modalSharePercent == 100, "\(stats)")
            #expect(leniency.raters.first?.rater?.nip == rater, "the most lenient first")

            // Reporting was told to lock every finalised period.
            try await fixture.settleDeliveries()
            let finalised = quarterly.filter { $0.number < current }.map(\.id) + Self.finalisedMonths(monthly)
            let notified = try await fixture.service.store.pool.read { db in
                try String.fetchAll(db, sql: "SELECT DISTINCT period_id FROM peer_notification WHERE peer = 'reporting' AND delivered_at IS NOT NULL")
            }
            #expect(Set(notified) == Set(finalised))

            // The year's competence development, and the sample TPP rule and SIASN table (so eval tpp and eval siasn answer).
            let needs = try await CompetenceServiceTests.needs(fixture.hrPortal, Evaluation.ListDevelopmentNeedsRequest(
                unit: Common.UnitScope(unitID: opd, includeSubunits: true), year: witaToday.year, includeAll: true))
            #expect(needs.contains { $0.totalJp >= 20 } && needs.contains { $0.needs.contains("BELOW_MINIMUM_JP") })
            let tpp = try await fixture.client.getTppRule(Evaluation.GetTppRuleRequest(), options: hr)
            #expect(tpp.rule?.version == 1 && tpp.rule?.legalBasis.hasPrefix("CONTOH") == true)
            let references = try await fixture.hrPortal.getSiasnReferences(Evaluation.GetSiasnReferencesRequest())
            #expect(references.table?.version == 1 && references.table?.source.hasPrefix("CONTOH") == true)

            // A second start finds the store filled and keeps it.
            let before = try await fixture.snapshot()
            try await EvaluationDemoSeeder.seedIfEmpty(handlers: try fixture.handlers, logger: Logger(label: "test"))
            #expect(try await fixture.snapshot() == before)
        }
    }

    /// The monthly periods' ids that are finalised: only the last month of the last finalised
    /// triwulan (so TPP has factors without locking reports still to verify).
    static func finalisedMonths(_ monthly: [PeriodRow]) -> [String] {
        let lastEnded = Int((witaToday.month - 1) / 3) * 3
        let finalised = monthly.filter { Evaluation.EvaluationPeriodState(rawValue: $0.state) == .finalised }
        #expect(!finalised.isEmpty || lastEnded == 0, "the last month of the last finalised triwulan is finalised")
        #expect(finalised.allSatisfy { $0.number == lastEnded }, "no other month is finalised")
        #expect(monthly.filter { $0.number == lastEnded }.count == finalised.count, "every unit's period of that month")
        return finalised.map(\.id)
    }
}

/// One stored period's columns.
struct PeriodRow: Sendable {
    var id: String
    var kind: Int32
    var number: Int
    var state: Int32
}
