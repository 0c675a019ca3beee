import ArgumentParser
import KinerjaProto

/// `--period` of the eval commands: an evaluation period's id (a ULID), or a span — `2026`,
/// `2026-Q2` (or `2026-TW2`), `2026-S1`, `2026-07` — which names the period of that span of a unit.
struct EvalPeriodReference: ExpressibleByArgument, Sendable, Hashable, CustomStringConvertible {
    /// An id or a span.
    enum Kind: Sendable, Hashable {
        case id(String)
        case span(Evaluation.EvaluationSpan)
    }

    let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if UnitReference.isULID(text) {
            kind = .id(text.uppercased())
        } else if let span = EvalSpans.parse(text) {
            kind = .span(span)
        } else {
            return nil
        }
    }

    /// The span, when the reference is one.
    var span: Evaluation.EvaluationSpan? {
        if case .span(let span) = kind { return span }
        return nil
    }

    var description: String {
        switch kind {
        case .id(let id): id
        case .span(let span): EvalSpans.argument(span)
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// Spans of evaluation periods: parsed from the command line, compared, named.
enum EvalSpans {
    /// `2026` (the year), `2026-Q2` / `2026-TW2` (a triwulan), `2026-S1` / `2026-SEM1` (a semester), `2026-07` (a month).
    static func parse(_ text: String) -> Evaluation.EvaluationSpan? {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 1, parts[0].count == 4,
              let year = Int32(parts[0]), (2000...2100).contains(year) else { return nil }
        guard parts.count == 2 else { return Evaluation.EvaluationSpan(year: year, kind: .annual, number: 1) }
        let rest = String(parts[1])
        for (prefix, kind, range) in [("SEM", Evaluation.EvaluationPeriodKind.semester, 1...2), ("S", .semester, 1...2),
                                      ("TW", .quarterly, 1...4), ("Q", .quarterly, 1...4)] where rest.hasPrefix(prefix) {
            let digits = rest.dropFirst(prefix.count)
            guard digits.count == 1, let number = Int(digits), range.contains(number) else { return nil }
            return Evaluation.EvaluationSpan(year: year, kind: kind, number: UInt32(number))
        }
        guard rest.count == 2, rest.allSatisfy(\.isASCII), let month = UInt32(rest), (1...12).contains(month) else { return nil }
        return Evaluation.EvaluationSpan(year: year, kind: .monthly, number: month)
    }

    /// The span as `--period` takes it: `2026-Q2`, `2026-S1`, `2026-07`, `2026`.
    static func argument(_ span: Evaluation.EvaluationSpan) -> String {
        switch span.kind {
        case .monthly: return "\(span.year)-" + (span.number < 10 ? "0" : "") + "\(span.number)"
        case .quarterly: return "\(span.year)-Q\(span.number)"
        case .semester: return "\(span.year)-S\(span.number)"
        default: return "\(span.year)"
        }
    }

    /// The span in words: `triwulan II 2026`, `semester 1 2026`, `2026-07`, `year 2026`.
    static func label(_ span: Evaluation.EvaluationSpan?) -> String {
        guard let span else { return "—" }
        switch span.kind {
        case .monthly: return argument(span)
        case .quarterly: return "triwulan \(roman(span.number)) \(span.year)"
        case .semester: return "semester \(span.number) \(span.year)"
        case .annual: return "year \(span.year)"
        default: return "\(span.year)"
        }
    }

    /// I–IV for a triwulan number.
    static func roman(_ number: UInt32) -> String {
        ["I", "II", "III", "IV"].indices.contains(Int(number) - 1) ? ["I", "II", "III", "IV"][Int(number) - 1] : String(number)
    }

    /// The span a `common.Period` names.
    static func span(_ period: Common.Period) -> Evaluation.EvaluationSpan? {
        switch period.kind {
        case .monthly: return Evaluation.EvaluationSpan(year: period.year, kind: .monthly, number: UInt32(max(0, period.month)))
        case .quarterly: return Evaluation.EvaluationSpan(year: period.year, kind: .quarterly, number: UInt32(period.triwulan.rawValue))
        case .annual: return Evaluation.EvaluationSpan(year: period.year, kind: .annual, number: 1)
        default: return nil
        }
    }

    /// The `common.Period` of a span; nil for a semester, which a `common.Period` cannot name.
    static func period(_ span: Evaluation.EvaluationSpan) -> Common.Period? {
        switch span.kind {
        case .monthly: return Common.Period(year: span.year, kind: .monthly, month: Int32(span.number))
        case .quarterly:
            let triwulan = Common.Triwulan(rawValue: Int32(span.number))
            return Common.Period(year: span.year, kind: .quarterly, triwulan: triwulan)
        case .annual: return Common.Period(year: span.year, kind: .annual)
        default: return nil
        }
    }

    /// The span of a period (its `span`, else the one its `period` names).
    static func span(of period: Evaluation.EvaluationPeriod) -> Evaluation.EvaluationSpan? {
        period.span ?? period.period.flatMap(span)
    }

    /// Whether two spans are the same month, triwulan, semester or year (their days ignored).
    static func same(_ a: Evaluation.EvaluationSpan?, _ b: Evaluation.EvaluationSpan?) -> Bool {
        guard let a, let b else { return false }
        let annual = a.kind == .annual && b.kind == .annual
        return a.year == b.year && a.kind == b.kind && (annual || a.number == b.number)
    }
}
