public import KinerjaProto

extension Evaluation.JenjangFungsional {
    /// The jenjang a jabatan fungsional's name ends with ("Pranata Komputer Ahli Muda" → Ahli
    /// Muda, "Arsiparis Terampil" → Terampil); nil when the name names none.
    ///
    /// Why the name: the nomenclature of every jabatan fungsional (PermenPANRB 1/2023) is the
    /// jabatan followed by its jenjang, and identity keeps the name, not the jenjang.
    public init?(jabatanName: String) {
        let words = jabatanName.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard let last = words.last else { return nil }
        let previous = words.count >= 2 ? words[words.count - 2] : ""
        switch (previous, last) {
        case ("ahli", "pertama"): self = .ahliPertama
        case ("ahli", "muda"): self = .ahliMuda
        case ("ahli", "madya"): self = .ahliMadya
        case ("ahli", "utama"): self = .ahliUtama
        case (_, "pemula"): self = .pemula
        case (_, "terampil"): self = .terampil
        case (_, "mahir"): self = .mahir
        case (_, "penyelia"): self = .penyelia
        default: return nil
        }
    }
}

extension AngkaKredit {
    /// The conversions of overlapping finalised spans that count: the longest span first (annual,
    /// then semester, triwulan, month), each month of a year counted once; a conversion overlapping
    /// one already counted is replaced by it.
    ///
    /// Our inference, extending the rule that an annual conversion replaces the year's periodic ones
    /// (docs/EVALUATION.md 11.1): a Pemda that finalises both triwulan and monthly evaluations gets
    /// the triwulan's angka kredit, and the months no longer span covers from the monthly ones.
    public static func select(_ conversions: [Evaluation.AngkaKreditConversion]) -> (counted: [Evaluation.AngkaKreditConversion], replaced: [Evaluation.AngkaKreditConversion]) {
        func length(_ conversion: Evaluation.AngkaKreditConversion) -> Int {
            conversion.span.map { Evaluation.EvaluationSpan.months(of: $0.kind) } ?? 0
        }
        func start(_ conversion: Evaluation.AngkaKreditConversion) -> Int32 { conversion.span?.monthRange?.lowerBound ?? 0 }
        let ordered = conversions.sorted {
            ($0.span?.year ?? 0, -length($0), start($0), $0.evaluationID) < ($1.span?.year ?? 0, -length($1), start($1), $1.evaluationID)
        }
        var taken = Set<Int32>()
        var counted: [Evaluation.AngkaKreditConversion] = []
        var replaced: [Evaluation.AngkaKreditConversion] = []
        for conversion in ordered {
            let year = conversion.span?.year ?? 0
            let months = (conversion.span?.monthRange).map { Array($0) } ?? []
            if months.contains(where: { taken.contains(year * 100 + $0) }) {
                replaced.append(conversion)
            } else {
                months.forEach { taken.insert(year * 100 + $0) }
                counted.append(conversion)
            }
        }
        counted.sort { ($0.span?.year ?? 0, start($0)) < ($1.span?.year ?? 0, start($1)) }
        return (counted, replaced)
    }
}
