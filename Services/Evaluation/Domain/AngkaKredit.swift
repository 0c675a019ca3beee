public import KinerjaProto
import KinerjaASN

/// The annual angka kredit koefisien per jenjang of a jabatan fungsional, as loadable data.
///
/// Defaults: PermenPANRB 1/2023 (Lampiran), as BKN's guidance applies them — keterampilan:
/// Pemula 3.75, Terampil 5, Mahir 12.5, Penyelia 25; keahlian: Ahli Pertama 12.5, Ahli Muda 25,
/// Ahli Madya 37.5, Ahli Utama 50. A Pemda loads its own table when a jabatan fungsional's own
/// regulation sets other values.
public struct AngkaKreditTable: Sendable, Hashable {
    /// Annual koefisien per jenjang.
    public private(set) var koefisien: [Evaluation.JenjangFungsional: Double]

    /// The regulation's values (PermenPANRB 1/2023).
    public static let permenPANRB2023 = AngkaKreditTable(checked: [
        .pemula: 3.75, .terampil: 5, .mahir: 12.5, .penyelia: 25,
        .ahliPertama: 12.5, .ahliMuda: 25, .ahliMadya: 37.5, .ahliUtama: 50,
    ])

    private init(checked: [Evaluation.JenjangFungsional: Double]) {
        koefisien = checked
    }

    /// A table of `koefisien`.
    ///
    /// - Throws: ``EvaluationRuleError/koefisienTableInvalid(_:)`` for an unspecified jenjang or a
    ///   koefisien that is not a finite number above 0.
    public init(koefisien: [Evaluation.JenjangFungsional: Double]) throws(EvaluationRuleError) {
        for (jenjang, value) in koefisien {
            guard jenjang.rawValue > 0, jenjang.protoName != nil else { throw .koefisienTableInvalid("jenjang \(jenjang.rawValue) is not a known jenjang") }
            guard value.isFinite, value > 0 else { throw .koefisienTableInvalid("the koefisien of \(jenjang.label) must be a number above 0, got \(value)") }
        }
        self.koefisien = koefisien
    }

    /// A table from text, one `JENJANG koefisien` pair a line (`AHLI_PERTAMA 12.5`,
    /// `ahli_pertama = 12.5` and `JENJANG_FUNGSIONAL_AHLI_PERTAMA,12.5` all read); `#` starts a
    /// comment. Jenjang missing from the text keep `base`'s value.
    ///
    /// - Throws: ``EvaluationRuleError/koefisienTableInvalid(_:)`` naming the line.
    public init(parsing text: String, base: AngkaKreditTable = .permenPANRB2023) throws(EvaluationRuleError) {
        var values = base.koefisien
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? "").trimmed
            guard !line.isEmpty else { continue }
            let fields = line.split(whereSeparator: { $0 == "," || $0 == "=" || $0 == " " || $0 == "\t" }).map(String.init)
            guard fields.count == 2 else { throw .koefisienTableInvalid("line \(number + 1): expected `JENJANG koefisien`, got \"\(line)\"") }
            let name = fields[0].uppercased()
            let protoName = name.hasPrefix("JENJANG_FUNGSIONAL_") ? name : "JENJANG_FUNGSIONAL_" + name
            guard let jenjang = Evaluation.JenjangFungsional.knownCases.first(where: { $0.protoName == protoName && $0.rawValue > 0 }) else {
                throw .koefisienTableInvalid("line \(number + 1): unknown jenjang \"\(fields[0])\"")
            }
            guard let value = Double(fields[1]), value.isFinite, value > 0 else {
                throw .koefisienTableInvalid("line \(number + 1): the koefisien must be a number above 0, got \"\(fields[1])\"")
            }
            values[jenjang] = value
        }
        try self.init(koefisien: values)
    }

    /// The annual koefisien of `jenjang`.
    ///
    /// - Throws: ``EvaluationRuleError/koefisienMissing(_:)``.
    public func annualKoefisien(_ jenjang: Evaluation.JenjangFungsional) throws(EvaluationRuleError) -> Double {
        guard let value = koefisien[jenjang] else { throw .koefisienMissing(jenjang) }
        return value
    }
}

/// Angka kredit from the predikat (PermenPANRB 1/2023 Pasal 37): the predikat's percentage of
/// the jenjang's annual koefisien — Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang
/// 50%, Sangat Kurang 25% — pro rata by months for a periodic evaluation, as BKN computes it
/// (e.g. two months Baik as Ahli Pertama: 2/12 × 100% × 12.5 = 2.083).
///
/// Our inferences: a month counts for the jenjang held on its first day (a TMT on the 1st counts
/// that month, a later TMT counts from the next month); figures are kept unrounded and shown to
/// three decimals; within a year an annual conversion replaces the year's periodic ones, which
/// otherwise add up and must not cover a month twice.
public enum AngkaKredit {
    /// The predikat's percentage of the annual koefisien; nil when unrated.
    public static func percent(for predikat: Common.Predikat) -> Double? {
        switch predikat {
        case .sangatBaik: 150
        case .baik: 100
        case .butuhPerbaikan: 75
        case .kurang: 50
        case .sangatKurang: 25
        case .unspecified, .unrecognized: nil
        }
    }

    /// Months of `span` in which the jenjang was held on the month's first day (`heldFrom`…`heldTo`,
    /// either open); every month of the span when both are nil.
    public static func months(of span: Evaluation.EvaluationSpan, heldFrom: Common.Date? = nil, heldTo: Common.Date? = nil) -> Int {
        guard let range = span.monthRange else { return 0 }
        return range.filter { month in
            let first = Common.Date(year: span.year, month: month, day: 1)
            return !(heldFrom.map { first < $0 } ?? false) && !(heldTo.map { $0 < first } ?? false)
        }.count
    }

    /// The angka kredit of one evaluation.
    ///
    /// - Parameters:
    ///   - months: months counted, 1–12 (default: every month of the span).
    /// - Throws: ``EvaluationRuleError/angkaKreditInputInvalid(_:)`` for an unrated predikat, an
    ///   unspecified jenjang or months outside 1–12 or beyond the span;
    ///   ``EvaluationRuleError/koefisienMissing(_:)``.
    public static func convert(predikat: Common.Predikat, jenjang: Evaluation.JenjangFungsional, span: Evaluation.EvaluationSpan,
                               months: Int? = nil, table: AngkaKreditTable = .permenPANRB2023,
                               evaluationID: String = "", nip: String = "") throws(EvaluationRuleError) -> Evaluation.AngkaKreditConversion {
        guard let percent = percent(for: predikat) else { throw .angkaKreditInputInvalid("only a rated evaluation converts to angka kredit") }
        guard jenjang.rawValue > 0, jenjang.protoName != nil else { throw .angkaKreditInputInvalid("the jenjang must be set") }
        guard span.isWellFormed else { throw .angkaKreditInputInvalid("the span \(span.label) is malformed") }
        let spanMonths = Evaluation.EvaluationSpan.months(of: span.kind)
        let counted = months ?? spanMonths
        guard (1...spanMonths).contains(counted) else {
            throw .angkaKreditInputInvalid("months must be 1-\(spanMonths) for \(span.label), got \(counted)")
        }
        let koefisien = try table.annualKoefisien(jenjang)
        var conversion = Evaluation.AngkaKreditConversion()
        conversion.evaluationID = evaluationID
        conversion.nip = nip
        conversion.span = span.withDays()
        conversion.predikat = predikat
        conversion.jenjang = jenjang
        conversion.annualKoefisien = koefisien
        conversion.predikatPercent = percent
        conversion.months = UInt32(counted)
        conversion.angkaKredit = Double(counted) / 12 * percent / 100 * koefisien
        return conversion
    }

    /// An accumulation of conversions.
    public struct Accumulation: Sendable, Hashable {
        /// The total, unrounded.
        public var total: Double
        /// Per year, unrounded.
        public var perYear: [Int32: Double]
        /// The conversions counted.
        public var counted: [Evaluation.AngkaKreditConversion]
        /// Periodic conversions replaced by their year's annual conversion.
        public var replaced: [Evaluation.AngkaKreditConversion]
    }

    /// The accumulated angka kredit of `conversions`.
    ///
    /// - Throws: ``EvaluationRuleError/angkaKreditPeriodsOverlap(year:month:)`` when, without an
    ///   annual conversion, two conversions of one year cover the same month (or a year has two annual ones).
    public static func accumulate(_ conversions: [Evaluation.AngkaKreditConversion]) throws(EvaluationRuleError) -> Accumulation {
        var counted: [Evaluation.AngkaKreditConversion] = []
        var replaced: [Evaluation.AngkaKreditConversion] = []
        var perYear: [Int32: Double] = [:]
        let byYear = Dictionary(grouping: conversions) { $0.span?.year ?? 0 }
        for year in byYear.keys.sorted() {
            let entries = byYear[year] ?? []
            let annual = entries.filter { $0.span?.kind == .annual }
            let used: [Evaluation.AngkaKreditConversion]
            if annual.count > 1 { throw .angkaKreditPeriodsOverlap(year: year, month: 1) }
            if let only = annual.first {
                used = [only]
                replaced += entries.filter { $0.span?.kind != .annual }
            } else {
                var seen = Set<Int32>()
                for entry in entries {
                    for month in entry.span?.monthRange ?? 1...0 where !seen.insert(month).inserted {
                        throw .angkaKreditPeriodsOverlap(year: year, month: Int(month))
                    }
                }
                used = entries
            }
            counted += used
            perYear[year] = used.reduce(0) { $0 + $1.angkaKredit }
        }
        return Accumulation(total: perYear.values.reduce(0, +), perYear: perYear, counted: counted, replaced: replaced)
    }

    /// `value` rounded to three decimals, as shown on a PAK (our choice).
    public static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
