public import KinerjaProto

/// SIASN's reference codes as an operator loaded them (docs/SIASN.md): every coded field of a
/// SIASN record is looked up here, never guessed.
///
/// Why loaded data: BKN's reference tables are not published in a form this repository can cite,
/// and SIASN's ids change between environments. The closed references (`periodik`,
/// `perilakuDanKinerja`, `kuadranNilai`) must be complete, because every record needs them; the
/// open ones (`koefisien`, `golonganPns`, `pns`) may lack a key, and a record that needs it reports
/// the gap (``SiasnRecordBuilder``).
public struct SiasnReferences: Sendable, Hashable {
    /// SIASN's references, named as integrations name them.
    public enum Reference: String, CaseIterable, Sendable {
        case periodik, perilakuDanKinerja, kuadranNilai, koefisien, golonganPns, pns
    }

    /// The keys of `periodik`: the span's kind.
    public static let periodKeys: [Evaluation.EvaluationPeriodKind: String] = [
        .monthly: "MONTHLY", .quarterly: "QUARTERLY", .semester: "SEMESTER", .annual: "ANNUAL",
    ]
    /// The keys of `perilakuDanKinerja`: a rating.
    public static let ratingKeys: [Common.Rating: String] = [
        .diAtasEkspektasi: "DI_ATAS", .sesuaiEkspektasi: "SESUAI", .diBawahEkspektasi: "DI_BAWAH",
    ]
    /// The keys of `kuadranNilai`: the predikat.
    public static let predikatKeys: [Common.Predikat: String] = [
        .sangatBaik: "SANGAT_BAIK", .baik: "BAIK", .butuhPerbaikan: "BUTUH_PERBAIKAN", .kurang: "KURANG", .sangatKurang: "SANGAT_KURANG",
    ]
    /// The keys of `koefisien`: the jenjang of a jabatan fungsional.
    public static let jenjangKeys: [Evaluation.JenjangFungsional: String] = [
        .pemula: "PEMULA", .terampil: "TERAMPIL", .mahir: "MAHIR", .penyelia: "PENYELIA",
        .ahliPertama: "AHLI_PERTAMA", .ahliMuda: "AHLI_MUDA", .ahliMadya: "AHLI_MADYA", .ahliUtama: "AHLI_UTAMA",
    ]

    private var codes: [Reference: [String: String]]

    /// The table of `codes`.
    ///
    /// - Throws: ``EvaluationRuleError/siasnReferencesInvalid(field:detail:)`` naming the code
    ///   (`codes[i].reference`, `.key`, `.code`) or `codes` for a closed reference not complete.
    public init(codes given: [Evaluation.SiasnReferenceCode]) throws(EvaluationRuleError) {
        guard given.count <= EvaluationLimits.siasnCodesMaximum else {
            throw .siasnReferencesInvalid(field: "codes", detail: "at most \(EvaluationLimits.siasnCodesMaximum) codes, got \(given.count)")
        }
        var codes: [Reference: [String: String]] = [:]
        for (index, entry) in given.enumerated() {
            let field = "codes[\(index)]"
            guard let reference = Reference(rawValue: entry.reference) else {
                throw .siasnReferencesInvalid(field: field + ".reference", detail: "must be one of \(Reference.allCases.map(\.rawValue).joined(separator: ", ")), got \"\(entry.reference)\"")
            }
            let key = entry.key.trimmed
            if let allowed = Self.closedKeys(reference), !allowed.contains(key) {
                throw .siasnReferencesInvalid(field: field + ".key", detail: "\(reference.rawValue) takes \(allowed.sorted().joined(separator: ", ")), got \"\(key)\"")
            }
            if reference == .pns, !(key.utf8.count == 18 && key.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }) {
                throw .siasnReferencesInvalid(field: field + ".key", detail: "a pns key is an 18-digit NIP, got \"\(key)\"")
            }
            if reference == .golonganPns, key.isEmpty || key.unicodeScalars.count > 16 {
                throw .siasnReferencesInvalid(field: field + ".key", detail: "a golongan is 1–16 characters, as identity writes it (\"IV/b\")")
            }
            let code = entry.code.trimmed
            guard (1...EvaluationLimits.siasnCodeMaximum).contains(code.unicodeScalars.count) else {
                throw .siasnReferencesInvalid(field: field + ".code", detail: "must be 1–\(EvaluationLimits.siasnCodeMaximum) characters")
            }
            if reference == .perilakuDanKinerja || reference == .kuadranNilai, Int32(code) == nil {
                throw .siasnReferencesInvalid(field: field + ".code", detail: "\(reference.rawValue) codes are whole numbers, got \"\(code)\"")
            }
            guard codes[reference, default: [:]][key] == nil else {
                throw .siasnReferencesInvalid(field: field + ".key", detail: "\(reference.rawValue) \(key) is given twice")
            }
            codes[reference, default: [:]][key] = code
        }
        for reference in [Reference.periodik, .perilakuDanKinerja, .kuadranNilai] {
            let missing = (Self.closedKeys(reference) ?? []).subtracting(codes[reference].map { Array($0.keys) } ?? []).sorted()
            if !missing.isEmpty {
                throw .siasnReferencesInvalid(field: "codes", detail: "\(reference.rawValue) has no code for \(missing.joined(separator: ", "))")
            }
        }
        self.codes = codes
    }

    /// The keys a closed reference takes; nil for an open one.
    static func closedKeys(_ reference: Reference) -> Set<String>? {
        switch reference {
        case .periodik: Set(periodKeys.values)
        case .perilakuDanKinerja: Set(ratingKeys.values)
        case .kuadranNilai: Set(predikatKeys.values)
        case .koefisien: Set(jenjangKeys.values)
        case .golonganPns, .pns: nil
        }
    }

    /// SIASN's id for `key` of `reference`; nil when the table has none.
    public func code(_ reference: Reference, _ key: String) -> String? {
        codes[reference]?[key]
    }

    /// The `periodik` id of a span's kind.
    public func periodik(_ kind: Evaluation.EvaluationPeriodKind) -> String? {
        Self.periodKeys[kind].flatMap { code(.periodik, $0) }
    }

    /// The `perilakuDanKinerja` value of a rating.
    public func nilai(_ rating: Common.Rating) -> Int32? {
        Self.ratingKeys[rating].flatMap { code(.perilakuDanKinerja, $0) }.flatMap { Int32($0) }
    }

    /// The `kuadranNilai` value of a predikat.
    public func kuadran(_ predikat: Common.Predikat) -> Int32? {
        Self.predikatKeys[predikat].flatMap { code(.kuadranNilai, $0) }.flatMap { Int32($0) }
    }
}
