import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("Nested curves: each employee counts in the curve of the nearest enclosing unit with its own organisation rating")
struct NestedCurvesTests {
    /// Dinas → Bidang A (→ Seksi A1, A2), Bidang B (→ Seksi B1).
    static let parents = ["bidang-a": "dinas", "seksi-a1": "bidang-a", "seksi-a2": "bidang-a", "bidang-b": "dinas", "seksi-b1": "bidang-b", "dinas": "pemkot"]
    static func ancestors(_ unit: String) -> [String]? {
        guard parents[unit] != nil || unit == "pemkot" else { return nil }
        var out: [String] = []
        var next = parents[unit]
        while let parent = next { out.append(parent); next = parents[parent] }
        return out
    }

    func members(_ spec: [(String, Common.Predikat, Int)]) -> [NestedCurves.Member] {
        spec.flatMap { unit, predikat, count in Array(repeating: NestedCurves.Member(unitID: unit, predikat: predikat), count: count) }
    }

    @Test("without sub-unit ratings there is one curve, the period's, of everyone (the behaviour before nesting)")
    func oneCurve() throws {
        let curves = NestedCurves(periodUnitID: "dinas", periodRating: .baik, ratings: [:],
                                  members: members([("dinas", .baik, 2), ("seksi-a1", .baik, 3), ("bidang-b", .unspecified, 1)]), ancestors: Self.ancestors)
        #expect(!curves.isNested && curves.curves.count == 1)
        #expect(curves.curves[0].unitID == "dinas" && curves.curves[0].predikats.count == 6)
    }

    @Test("a rated Bidang's curve holds its own and its Seksi's employees; the Dinas's curve keeps everyone else")
    func bidangCurve() throws {
        let curves = NestedCurves(periodUnitID: "dinas", periodRating: .istimewa, ratings: ["bidang-a": .butuhPerbaikan],
                                  members: members([("dinas", .sangatBaik, 2), ("bidang-a", .butuhPerbaikan, 1), ("seksi-a1", .butuhPerbaikan, 2),
                                                    ("seksi-a2", .baik, 1), ("seksi-b1", .baik, 3)]), ancestors: Self.ancestors)
        #expect(curves.isNested)
        #expect(curves.curves.map(\.unitID) == ["dinas", "bidang-a"])
        #expect(curves.curve(of: "bidang-a")?.predikats.count == 4 && curves.curve(of: "bidang-a")?.organisationRating == .butuhPerbaikan)
        #expect(curves.curve(of: "dinas")?.predikats.count == 5 && curves.curve(of: "dinas")?.organisationRating == .istimewa)
        #expect(NestedCurves.curveUnit(of: "seksi-a2", periodUnitID: "dinas", rated: ["dinas", "bidang-a"], ancestors: Self.ancestors) == "bidang-a")
        #expect(NestedCurves.curveUnit(of: "seksi-b1", periodUnitID: "dinas", rated: ["dinas", "bidang-a"], ancestors: Self.ancestors) == "dinas")
    }

    @Test("the nearest rated unit wins: a rated Seksi inside a rated Bidang has its own curve")
    func nearest() throws {
        let curves = NestedCurves(periodUnitID: "dinas", periodRating: .baik, ratings: ["bidang-a": .baik, "seksi-a1": .kurang],
                                  members: members([("seksi-a1", .kurang, 3), ("seksi-a2", .baik, 2), ("bidang-a", .baik, 1)]), ancestors: Self.ancestors)
        #expect(curves.curves.map(\.unitID) == ["dinas", "bidang-a", "seksi-a1"])
        #expect(curves.curve(of: "seksi-a1")?.predikats.count == 3 && curves.curve(of: "bidang-a")?.predikats.count == 3)
        #expect(curves.curve(of: "dinas")?.predikats.isEmpty == true)
    }

    @Test("a rated unit's curve exists before its employees are rated (quotas first); a unit unknown to the tree counts in the period's")
    func quotasFirstAndUnknown() throws {
        let curves = NestedCurves(periodUnitID: "dinas", periodRating: .baik, ratings: ["bidang-b": .istimewa, "dinas": .kurang],
                                  members: members([("elsewhere", .baik, 2)]), ancestors: Self.ancestors)
        #expect(curves.curves.map(\.unitID) == ["dinas", "bidang-b"], "the period's own rating comes from the period, not the list")
        #expect(curves.curve(of: "dinas")?.organisationRating == .baik && curves.curve(of: "dinas")?.predikats.count == 2)
        #expect(try curves.curve(of: "bidang-b")?.check().quotas.isEmpty == false)
    }

    @Test("every curve's breaches name their unit: a Butuh Perbaikan Bidang of 5 all Baik needs at least 3 Butuh Perbaikan")
    func breachesNameTheUnit() throws {
        let curves = NestedCurves(periodUnitID: "dinas", periodRating: .baik, ratings: ["bidang-a": .butuhPerbaikan],
                                  members: members([("seksi-a1", .baik, 5), ("dinas", .baik, 3), ("dinas", .butuhPerbaikan, 1), ("dinas", .sangatBaik, 1)]),
                                  ancestors: Self.ancestors)
        let breaches = try curves.breaches(period: nil) { $0 == "bidang-a" ? "Bidang A (KPG.A)" : $0 }
        #expect(breaches.count == 1)
        let breach = try #require(breaches.first)
        #expect(breach.unitID == "bidang-a" && breach.organisationRating == .butuhPerbaikan)
        #expect(breach.explanation == "Bidang A (KPG.A): 0 of 5 rated (0%) are Butuh Perbaikan; at least 3 of 5 required (at least 60% Butuh Perbaikan (SE MenPANRB 3/2023))")
        #expect(breach.explanationID.hasPrefix("Bidang A (KPG.A): 0 dari 5 pegawai yang dinilai"))
    }

    @Test("with one curve the explanations are as before, without a unit prefix")
    func noPrefixWithoutNesting() throws {
        let curves = NestedCurves(periodUnitID: "dinas", periodRating: .baik, ratings: [:],
                                  members: members([("dinas", .baik, 10)]), ancestors: Self.ancestors)
        let breaches = try curves.breaches(period: nil) { _ in "Dinas" }
        #expect(breaches.count == 2 && breaches.allSatisfy { !$0.explanation.hasPrefix("Dinas") && $0.unitID == "dinas" })
    }
}
