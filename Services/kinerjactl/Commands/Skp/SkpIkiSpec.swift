import Foundation
import KinerjaProto

/// An IKI as a person describes it, on the command line (`skp add-iki`) or in an SKP file row:
/// raw target texts, optional direction and aggregation, optional quarterly targets. ``iki(year:approach:)``
/// checks it and builds the contract message, so both paths accept and refuse the same things.
struct IkiSpec: Equatable {
    /// Names of the fields in messages: options (`--upper`) or file columns (`upper`).
    struct Fields: Equatable {
        var indicator: String
        var target: String
        var upper: String
        var unit: String
        var qualitative: String
        var direction: String
        /// One name per triwulan.
        var quarterly: [String]

        static let options = Fields(indicator: "--indicator", target: "--target", upper: "--upper", unit: "--unit",
                                    qualitative: "--qualitative", direction: "--direction",
                                    quarterly: Array(repeating: "--quarterly", count: 4))
        static let columns = Fields(indicator: "indicator", target: "target", upper: "upper", unit: "unit",
                                    qualitative: "qualitative_text", direction: "direction",
                                    quarterly: ["tw1", "tw2", "tw3", "tw4"])
    }

    var aspek: Common.IkiAspek
    var indicator: String
    /// The annual target as typed; nil or empty when none.
    var target: String?
    /// The upper bound of a range as typed.
    var upper: String?
    var unit: String = ""
    var qualitative: String = ""
    /// nil: ``SkpValues/defaultDirection(aspek:hasUpper:)``.
    var direction: Common.TargetDirection?
    /// nil: ``SkpValues/defaultAggregation(aspek:)``.
    var aggregation: Common.RealisationAggregation?
    /// Triwulan I–IV targets (nil entries: none for that triwulan); nil: no periodic targets.
    var quarterly: [Double?]?
    var cumulative = false

    /// The IKI for an SKP of `year` with `approach`, and warnings for people (targets that do not
    /// add up). Throws the first problem, naming its field in `fields`.
    func iki(year: Int32, approach: Planning.SkpApproach, fields: Fields = .options)
        throws(SkpValueProblem) -> (iki: Planning.Iki, warnings: [String]) {
        let indicator = indicator.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !indicator.isEmpty, indicator.count <= SkpValues.maximumIndicatorLength else {
            throw SkpValueProblem(field: fields.indicator, "\(fields.indicator) must be 1–\(SkpValues.maximumIndicatorLength) characters")
        }
        let value = try number(target, field: fields.target)
        let upperValue = try number(upper, field: fields.upper)
        let unit = unit.trimmingCharacters(in: .whitespaces)
        let qualitative = qualitative.trimmingCharacters(in: .whitespacesAndNewlines)
        guard unit.count <= SkpValues.maximumUnitLength else {
            throw SkpValueProblem(field: fields.unit, "\(fields.unit) must be at most \(SkpValues.maximumUnitLength) characters")
        }
        guard qualitative.count <= SkpValues.maximumQualitativeLength else {
            throw SkpValueProblem(field: fields.qualitative,
                                  "\(fields.qualitative) must be at most \(SkpValues.maximumQualitativeLength) characters")
        }
        if approach == .kualitatif {
            guard !qualitative.isEmpty else {
                throw SkpValueProblem(field: fields.qualitative, "a Kualitatif SKP needs a descriptive target: \(fields.qualitative)")
            }
        } else if value == nil {
            throw SkpValueProblem(field: fields.target, "a Kuantitatif SKP needs a numeric target: \(fields.target)")
        }
        if let value, unit.isEmpty {
            throw SkpValueProblem(field: fields.unit, "the target \(SkpText.number(value)) needs its unit (satuan) in "
                + "\(fields.unit), e.g. dokumen")
        }
        if let upperValue {
            guard let value else {
                throw SkpValueProblem(field: fields.upper, "\(fields.upper) is the top of a range: give \(fields.target) as its bottom")
            }
            guard upperValue >= value else {
                throw SkpValueProblem(field: fields.upper, "\(fields.upper) \(SkpText.number(upperValue)) is below "
                    + "\(fields.target) \(SkpText.number(value))")
            }
        }
        let direction = direction ?? SkpValues.defaultDirection(aspek: aspek, hasUpper: upperValue != nil)
        if direction == .withinRange, upperValue == nil {
            throw SkpValueProblem(field: fields.direction, "a range target needs its upper bound: \(fields.upper)")
        }
        if upperValue != nil, direction != .withinRange {
            throw SkpValueProblem(field: fields.upper, "an upper bound makes the target a range: leave \(fields.direction) "
                + "empty or use range")
        }
        let aggregation = aggregation ?? SkpValues.defaultAggregation(aspek: aspek)
        var warnings: [String] = []
        var periodic: [Planning.PeriodicTarget] = []
        if let quarterly {
            if cumulative {
                var previous: (index: Int, value: Double)?
                for (index, entry) in quarterly.enumerated() {
                    guard let entry else { continue }
                    if let previous, entry < previous.value {
                        throw SkpValueProblem(field: fields.quarterly[index], "cumulative targets must not decrease: "
                            + "\(SkpText.triwulanNames[index]) \(SkpText.number(entry)) is below "
                            + "\(SkpText.triwulanNames[previous.index]) \(SkpText.number(previous.value))")
                    }
                    previous = (index, entry)
                }
            }
            periodic = SkpValues.periodicTargets(quarterly, year: year, cumulative: cumulative)
            warnings = Self.warnings(quarterly: quarterly, cumulative: cumulative, annual: value, range: upperValue != nil,
                                     aggregation: aggregation)
        }
        let annual = Planning.Target(value: value ?? 0, upperValue: upperValue.map { Common.DoubleValue(value: $0) },
                                     unit: unit, qualitativeText: qualitative, direction: direction)
        let iki = Planning.Iki(aspek: aspek, indicator: indicator, annualTarget: annual, periodicTargets: periodic,
                               aggregation: aggregation)
        return (iki, warnings)
    }

    private func number(_ text: String?, field: String) throws(SkpValueProblem) -> Double? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        guard let value = SkpValues.number(text) else {
            throw SkpValueProblem(field: field, "\(field): " + SkpValues.numberProblem(text))
        }
        return value
    }

    /// Quarterly targets that do not add up to the annual target (only checked where that is
    /// what the aggregation means: summed per-period targets, or a cumulative TW IV).
    static func warnings(quarterly: [Double?], cumulative: Bool, annual: Double?, range: Bool,
                         aggregation: Common.RealisationAggregation) -> [String] {
        guard let annual, !range else { return [] }
        if cumulative {
            if let last = quarterly.last ?? nil, abs(last - annual) > 1e-9 {
                return ["the cumulative TW IV target \(SkpText.number(last)) differs from the annual target \(SkpText.number(annual))"]
            }
            return []
        }
        guard aggregation == .sum, quarterly.allSatisfy({ $0 != nil }) else { return [] }
        let total = quarterly.reduce(0) { $0 + ($1 ?? 0) }
        guard abs(total - annual) > 1e-9 else { return [] }
        return ["the triwulan targets add up to \(SkpText.number(total)), the annual target is \(SkpText.number(annual))"]
    }
}
