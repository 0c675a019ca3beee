public import KinerjaProto
import KinerjaASN

/// The curve's denominator: who of a period's population counts, after adjustments for CLTN,
/// tugas belajar, death, retirement and transfers.
///
/// SE MenPANRB 3/2023 applies the curve to the unit's employees without saying who they are when
/// people leave or are away. Our rule (an inference, written down here and in docs/EVALUATION.md):
///
/// - **Died, retired, transferred out** (MENINGGAL, PENSIUN, PINDAH_KELUAR): not counted when the
///   effective date is on or before the period's last day — they are not in the unit when it is
///   rated. A transferred employee is evaluated by the new unit over all their SKPs of the period
///   (``SkpCoverage``). An effective date after the period changes nothing.
/// - **Transferred in** (PINDAH_MASUK): counted when the effective date is on or before the
///   period's last day, even if not in the population when the period was opened.
/// - When one employee has several of these, the latest effective date (within the period) decides.
/// - **CLTN and tugas belajar**: the leave days inside the period are counted (overlapping leaves
///   once); the employee is not counted when the days served (period days − leave days) are fewer
///   than `minimumServedShare` (default one half) of the period's days — too little work to rate
///   against the unit.
public enum PopulationDenominator {
    /// Default share of the period's days an employee on CLTN or tugas belajar must have served to count.
    public static let defaultMinimumServedShare = 0.5

    /// Who counts, and why.
    public struct Result: Sendable, Hashable {
        /// The curve's denominator N.
        public var count: Int
        /// NIPs counted, sorted.
        public var counted: [String]
        /// NIPs not counted, with why.
        public var excluded: [String: String]
        /// The adjustments with `excluded` and `explanation` filled (each about its own effect).
        public var adjustments: [Evaluation.PopulationAdjustment]
    }

    /// Checks one adjustment's fields.
    ///
    /// - Throws: ``EvaluationRuleError/populationAdjustmentInvalid(field:detail:)`` or
    ///   ``EvaluationRuleError/textLengthInvalid(field:count:range:)`` for the note.
    public static func validate(_ adjustment: Evaluation.PopulationAdjustment) throws(EvaluationRuleError) {
        let nip = adjustment.nip.utf8
        guard nip.count == 18, nip.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .populationAdjustmentInvalid(field: "nip", detail: "must be 18 digits")
        }
        switch adjustment.reason {
        case .cltn, .tugasBelajar:
            guard let leave = adjustment.leave, let start = leave.startDate, let end = leave.endDate, start.isValid, end.isValid else {
                throw .populationAdjustmentInvalid(field: "leave", detail: "CLTN and tugas belajar need the leave's first and last day")
            }
            guard start <= end else { throw .populationAdjustmentInvalid(field: "leave", detail: "end_date \(end.isoString) is before start_date \(start.isoString)") }
            guard adjustment.effectiveDate == nil else {
                throw .populationAdjustmentInvalid(field: "effective_date", detail: "CLTN and tugas belajar give leave days, not an effective date")
            }
        case .meninggal, .pensiun, .pindahKeluar, .pindahMasuk:
            guard let date = adjustment.effectiveDate, date.isValid else {
                throw .populationAdjustmentInvalid(field: "effective_date", detail: "a death, retirement or transfer needs its effective day")
            }
            guard adjustment.leave == nil else {
                throw .populationAdjustmentInvalid(field: "leave", detail: "only CLTN and tugas belajar give leave days")
            }
        case .unspecified, .unrecognized:
            throw .populationAdjustmentInvalid(field: "reason", detail: "must be CLTN, TUGAS_BELAJAR, MENINGGAL, PENSIUN, PINDAH_KELUAR or PINDAH_MASUK")
        }
        let length = adjustment.note.trimmedLength
        guard EvaluationLimits.populationNote.contains(length) else {
            throw .textLengthInvalid(field: "note", count: length, range: EvaluationLimits.populationNote)
        }
    }

    /// The denominator of `span` for `population` (NIPs when the period was opened) after `adjustments`.
    ///
    /// - Throws: ``EvaluationRuleError`` for a malformed span, adjustment or share.
    public static func compute(population: [String], adjustments: [Evaluation.PopulationAdjustment], span: Evaluation.EvaluationSpan,
                               minimumServedShare: Double = defaultMinimumServedShare) throws(EvaluationRuleError) -> Result {
        let days = try span.checkedDays()
        guard minimumServedShare.isFinite, (0...1).contains(minimumServedShare) else {
            throw .populationAdjustmentInvalid(field: "minimum_served_share", detail: "must be 0-1, got \(minimumServedShare)")
        }
        for adjustment in adjustments { try validate(adjustment) }
        let spanDays = days.last - days.first + 1
        let lastDay = span.lastDay ?? Common.Date()

        var explained = adjustments
        var leaveDays: [String: Set<Int>] = [:]
        var movements: [String: [(day: Int, index: Int, arrives: Bool)]] = [:]
        for (index, adjustment) in adjustments.enumerated() {
            let nip = adjustment.nip
            switch adjustment.reason {
            case .cltn, .tugasBelajar:
                let name = adjustment.reason == .cltn ? "CLTN" : "tugas belajar"
                let start = adjustment.leave?.startDate?.daysSinceEpoch ?? 0
                let end = adjustment.leave?.endDate?.daysSinceEpoch ?? -1
                let inside = max(start, days.first) <= min(end, days.last) ? Array(max(start, days.first)...min(end, days.last)) : []
                leaveDays[nip, default: []].formUnion(inside)
                let served = spanDays - inside.count
                let excluded = Double(served) < minimumServedShare * Double(spanDays)
                explained[index].excluded = excluded
                explained[index].explanation = "\(name) covers \(inside.count) of \(spanDays) days; \(served) served (\(Figures.percent(Double(served) * 100 / Double(spanDays))))" +
                    (excluded ? ", less than \(Figures.percent(minimumServedShare * 100)): not counted" : ": still counted")
            case .meninggal, .pensiun, .pindahKeluar, .pindahMasuk:
                guard let date = adjustment.effectiveDate, let day = date.daysSinceEpoch else { continue }
                let arrives = adjustment.reason == .pindahMasuk
                let what = switch adjustment.reason {
                case .meninggal: "died on \(date.isoString)"
                case .pensiun: "retired from \(date.isoString) (TMT pensiun)"
                case .pindahKeluar: "transferred out from \(date.isoString); evaluated by the new unit"
                default: "transferred in from \(date.isoString); evaluated here over all their SKPs of the period"
                }
                if day > days.last {
                    explained[index].excluded = false
                    explained[index].explanation = "\(what), after the period's last day \(lastDay.isoString): no effect on this period"
                } else {
                    movements[nip, default: []].append((day, index, arrives))
                    explained[index].excluded = !arrives
                    explained[index].explanation = "\(what), on or before the period's last day \(lastDay.isoString): \(arrives ? "counted" : "not counted")"
                }
            default:
                continue
            }
            explained[index].explanation = explained[index].explanation.truncated(to: EvaluationLimits.populationExplanationMaximum)
        }

        var members = Set(population)
        var excluded: [String: String] = [:]
        for (nip, events) in movements {
            guard let latest = events.max(by: { ($0.day, $0.index) < ($1.day, $1.index) }) else { continue }
            if latest.arrives {
                members.insert(nip)
            } else {
                members.remove(nip)
                excluded[nip] = explained[latest.index].explanation
            }
        }
        for (nip, leave) in leaveDays where members.contains(nip) {
            let served = spanDays - leave.count
            if Double(served) < minimumServedShare * Double(spanDays) {
                members.remove(nip)
                excluded[nip] = "on CLTN or tugas belajar for \(leave.count) of \(spanDays) days; \(served) served, less than \(Figures.percent(minimumServedShare * 100)): not counted"
            }
        }
        let counted = members.sorted()
        return Result(count: counted.count, counted: counted, excluded: excluded, adjustments: explained)
    }
}
