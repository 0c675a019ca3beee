import ArgumentParser
import Foundation
import KinerjaProto

/// `--direction`: how capaian is computed from realisation against the target.
enum DirectionArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case higher, lower, range

    init?(argument: String) {
        switch argument.lowercased() {
        case "higher", "higher-is-better": self = .higher
        case "lower", "lower-is-better": self = .lower
        case "range", "within-range": self = .range
        default: return nil
        }
    }

    var value: Common.TargetDirection {
        switch self {
        case .higher: .higherIsBetter
        case .lower: .lowerIsBetter
        case .range: .withinRange
        }
    }
}

/// `--aggregation`: how the realisations of a period combine.
enum AggregationArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
    case sum, average, latest, max, min

    init?(argument: String) {
        switch argument.lowercased() {
        case "sum": self = .sum
        case "average", "avg", "mean": self = .average
        case "latest", "last": self = .latest
        case "max", "maximum": self = .max
        case "min", "minimum": self = .min
        default: return nil
        }
    }

    var value: Common.RealisationAggregation {
        switch self {
        case .sum: .sum
        case .average: .average
        case .latest: .latest
        case .max: .maximum
        case .min: .minimum
        }
    }
}

/// Values typed by people (options and SKP file cells), checked the same way everywhere.
enum SkpValues {
    /// Longest indicator text.
    static let maximumIndicatorLength = 500
    /// Longest unit of measure.
    static let maximumUnitLength = 50
    /// Longest qualitative target text.
    static let maximumQualitativeLength = 500
    /// Largest target value accepted (guards against typos like an extra few zeros pasted from a sheet).
    static let maximumValue = 1e12

    /// A non-negative decimal written with digits and at most one decimal point (`1200`, `12.5`,
    /// `.5`); nil for anything else: signs, exponents, `inf`, thousands separators, decimal commas.
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var digits = 0, points = 0
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case "0"..."9": digits += 1
            case ".": points += 1
            default: return nil
            }
        }
        guard digits > 0, points <= 1, let value = Double(trimmed.hasPrefix(".") ? "0" + trimmed : trimmed),
              value.isFinite, value <= maximumValue else { return nil }
        return value
    }

    /// What a bad number reads like in an error.
    static func numberProblem(_ text: String) -> String {
        if text.contains(",") {
            return "\(text.debugDescription) is not a number: write a decimal point, not a comma, and no thousands separators"
        }
        return "\(text.debugDescription) is not a number ≥ 0 (digits and at most one decimal point, e.g. 1200 or 12.5)"
    }

    /// A comma-separated list of exactly `count` targets (`300,300,300,300`); an empty entry
    /// means no target for that period (`,,300,300`). Fails with a message naming `option`.
    static func periodicList(_ text: String, count: Int, option: String, periods: String) throws(SkpValueProblem) -> [Double?] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == count else {
            throw SkpValueProblem(field: option, "\(option) needs \(count) values separated by commas (\(periods)), not "
                + "\(parts.count); leave a value empty for a period without a target")
        }
        var values: [Double?] = []
        for part in parts {
            if part.isEmpty {
                values.append(nil)
                continue
            }
            guard let value = number(part) else { throw SkpValueProblem(field: option, "\(option): " + numberProblem(part)) }
            values.append(value)
        }
        guard values.contains(where: { $0 != nil }) else {
            throw SkpValueProblem(field: option, "\(option) has no value")
        }
        return values
    }

    /// The direction when none is given: a range for an upper bound, lower-is-better for Waktu and
    /// Biaya, else higher-is-better.
    static func defaultDirection(aspek: Common.IkiAspek, hasUpper: Bool) -> Common.TargetDirection {
        if hasUpper { return .withinRange }
        switch aspek {
        case .waktu, .biaya: return .lowerIsBetter
        default: return .higherIsBetter
        }
    }

    /// The aggregation when none is given: a sum for Kuantitas and Biaya (counts, spending), the
    /// average for Kualitas and Waktu (rates, durations).
    static func defaultAggregation(aspek: Common.IkiAspek) -> Common.RealisationAggregation {
        switch aspek {
        case .kualitas, .waktu: return .average
        default: return .sum
        }
    }

    /// Periodic targets for the given values: `values[i]` is triwulan i+1 (4 values) or month
    /// i+1 (12 values); nil entries are left out.
    static func periodicTargets(_ values: [Double?], year: Int32, cumulative: Bool) -> [Planning.PeriodicTarget] {
        let quarterly = values.count == 4
        let triwulans: [Common.Triwulan] = [.i, .ii, .iii, .iv]
        return values.enumerated().compactMap { index, value in
            guard let value else { return nil }
            let period = quarterly
                ? Common.Period(year: year, kind: .quarterly, triwulan: triwulans[index])
                : Common.Period(year: year, kind: .monthly, month: Int32(index + 1))
            return Planning.PeriodicTarget(period: period, value: value, cumulative: cumulative)
        }
    }

    /// The current calendar year in WITA.
    static func currentYear(now: Date = Date()) -> Int32 {
        let local = Int64(now.timeIntervalSince1970) + WITATime.offset
        return Int32(WITATime.civilDate(daysSinceEpoch: local / 86_400).year)
    }

    /// An SKP year given on the command line.
    static func year(_ year: Int, option: String = "--year") throws -> Int32 {
        guard (2000...2100).contains(year) else { throw CLIError.invalidArguments("\(option) must be 2000–2100, not \(year)") }
        return Int32(year)
    }

    /// Free text of 1–`limit` characters (trimmed).
    static func text(_ text: String, option: String, limit: Int) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= limit else {
            throw CLIError.invalidArguments("\(option) must be 1–\(limit) characters")
        }
        return trimmed
    }

    /// Optional free text of at most `limit` characters (trimmed; empty allowed).
    static func optionalText(_ text: String?, option: String, limit: Int) throws -> String {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= limit else { throw CLIError.invalidArguments("\(option) must be at most \(limit) characters") }
        return trimmed
    }
}

/// A value that does not make sense, with the field (option or column) it is about.
struct SkpValueProblem: Error, Equatable, CustomStringConvertible {
    /// The option (`--upper`) or file column (`upper`) at fault.
    var field: String
    var message: String

    init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    var description: String { message }
}
