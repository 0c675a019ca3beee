public import KinerjaProto

/// The pejabat penilai as SIASN records them: the evaluation's evaluator with identity's golongan,
/// ASN type and unit.
public struct SiasnPenilai: Sendable, Hashable {
    /// NIP, or the Kepala Daerah's `NONASN.` identifier.
    public var id: String
    /// Name with titles.
    public var name: String
    /// Jabatan name.
    public var jabatan: String
    /// Golongan as identity writes it ("IV/b"); empty when identity has none.
    public var golongan: String
    /// Name of the penilai's unit.
    public var unitName: String
    /// Identity's ASN type; UNSPECIFIED when identity did not answer.
    public var asnType: Common.AsnType

    /// A penilai from the evaluation's evaluator and identity's record of them.
    public init(id: String, name: String, jabatan: String, golongan: String, unitName: String, asnType: Common.AsnType) {
        (self.id, self.name, self.jabatan, self.golongan, self.unitName, self.asnType) = (id, name, jabatan, golongan, unitName, asnType)
    }

    /// Non-ASN when identity says so or the identifier is not a NIP: the Kepala Daerah rates the
    /// heads of perangkat daerah without being ASN (PENILAI.md).
    public var isNonAsn: Bool { asnType == .nonAsn || id.hasPrefix("NONASN.") }
}

/// SIASN's records of one finalised evaluation (docs/SIASN.md): `kinerjaperiodik` for every span,
/// and `skp22` for the year. Each coded field is looked up in ``SiasnReferences``; a code the table
/// lacks leaves the field empty and is reported, never guessed.
public enum SiasnRecordBuilder {
    /// A record and the coded fields it had to leave empty.
    public struct Built<Record: Sendable>: Sendable {
        public var record: Record
        public var missing: [Evaluation.SiasnMissingCode]
    }

    /// The periodic record of `evaluation` over `span`.
    public static func kinerjaPeriodik(_ evaluation: Evaluation.EmployeeEvaluation, span: Evaluation.EvaluationSpan,
                                       penilai: SiasnPenilai, references: SiasnReferences) -> Built<Evaluation.SiasnKinerjaPeriodik> {
        var missing: [Evaluation.SiasnMissingCode] = []
        var record = Evaluation.SiasnKinerjaPeriodik()
        record.pnsDinilaiID = pns(evaluation, field: "pnsDinilaiId", references, &missing)
        record.periodikID = lookup("periodikId", .periodik, SiasnReferences.periodKeys[span.kind] ?? "", references, &missing)
        record.tahun = span.year
        if let months = span.monthRange {
            (record.bulanMulaiPenilaian, record.tahunMulaiPenilaian) = (months.lowerBound, span.year)
            (record.bulanSelesaiPenilaian, record.tahunSelesaiPenilaian) = (months.upperBound, span.year)
        }
        (record.hasilKinerjaNilai, record.perilakuKerjaNilai, record.kuadranKinerjaNilai) = ratings(evaluation, references, &missing)
        record.koefisienID = koefisien(evaluation, references, &missing)
        record.penilaiNIPNrp = penilai.isNonAsn ? "" : penilai.id
        record.penilaiNama = penilai.name
        record.penilaiJabatanNama = penilai.jabatan
        record.penilaiGolongan = golongan(penilai, references, &missing)
        record.penilaiUnorNama = penilai.unitName
        record.statusPenilai = penilai.isNonAsn ? "NON ASN" : "ASN"
        return Built(record: record, missing: missing)
    }

    /// The annual SKP record of `evaluation` (an annual span).
    public static func skp22(_ evaluation: Evaluation.EmployeeEvaluation, span: Evaluation.EvaluationSpan,
                             penilai: SiasnPenilai, references: SiasnReferences) -> Built<Evaluation.SiasnSkp22> {
        var missing: [Evaluation.SiasnMissingCode] = []
        var record = Evaluation.SiasnSkp22()
        record.pnsDinilaiOrang = pns(evaluation, field: "pnsDinilaiOrang", references, &missing)
        record.tahun = span.year
        (record.hasilKinerjaNilai, record.perilakuKerjaNilai, record.kuadranKinerjaNilai) = ratings(evaluation, references, &missing)
        record.penilaiNIPNrp = penilai.isNonAsn ? "" : penilai.id
        record.penilaiNama = penilai.name
        record.penilaiJabatan = penilai.jabatan
        record.penilaiGolongan = golongan(penilai, references, &missing)
        record.penilaiUnorNama = penilai.unitName
        record.statusPenilai = penilai.isNonAsn ? "NON ASN" : "ASN"
        return Built(record: record, missing: missing)
    }

    // MARK: Coded fields.

    private static func lookup(_ field: String, _ reference: SiasnReferences.Reference, _ key: String, _ references: SiasnReferences,
                               _ missing: inout [Evaluation.SiasnMissingCode]) -> String {
        if let code = references.code(reference, key) { return code }
        missing.append(Evaluation.SiasnMissingCode(field: field, reference: reference.rawValue, key: key,
                                                   message: key.isEmpty ? "nothing to look up in \(reference.rawValue)"
                                                                        : "the reference table has no \(reference.rawValue) code for \(key)"))
        return ""
    }

    private static func pns(_ evaluation: Evaluation.EmployeeEvaluation, field: String, _ references: SiasnReferences,
                            _ missing: inout [Evaluation.SiasnMissingCode]) -> String {
        lookup(field, .pns, evaluation.employee?.nip ?? "", references, &missing)
    }

    private static func ratings(_ evaluation: Evaluation.EmployeeEvaluation, _ references: SiasnReferences,
                                _ missing: inout [Evaluation.SiasnMissingCode]) -> (Int32, Int32, Int32) {
        func number(_ field: String, _ reference: SiasnReferences.Reference, _ key: String?) -> Int32 {
            Int32(lookup(field, reference, key ?? "", references, &missing)) ?? 0
        }
        return (number("hasilKinerjaNilai", .perilakuDanKinerja, SiasnReferences.ratingKeys[evaluation.hasilKerja?.rating ?? .unspecified]),
                number("perilakuKerjaNilai", .perilakuDanKinerja, SiasnReferences.ratingKeys[evaluation.perilakuKerja?.rating ?? .unspecified]),
                number("kuadranKinerjaNilai", .kuadranNilai, SiasnReferences.predikatKeys[evaluation.predikat]))
    }

    /// Jabatan fungsional only: the jenjang read from the jabatan name the evaluation recorded.
    private static func koefisien(_ evaluation: Evaluation.EmployeeEvaluation, _ references: SiasnReferences,
                                  _ missing: inout [Evaluation.SiasnMissingCode]) -> String {
        guard evaluation.jenisJabatan == .fungsional else { return "" }
        let jabatan = evaluation.employee?.jabatanName ?? ""
        guard let jenjang = Evaluation.JenjangFungsional(jabatanName: jabatan), let key = SiasnReferences.jenjangKeys[jenjang] else {
            missing.append(Evaluation.SiasnMissingCode(field: "koefisienId", reference: "koefisien", key: "",
                                                       message: "the jabatan fungsional \"\(jabatan)\" names no jenjang"))
            return ""
        }
        return lookup("koefisienId", .koefisien, key, references, &missing)
    }

    private static func golongan(_ penilai: SiasnPenilai, _ references: SiasnReferences, _ missing: inout [Evaluation.SiasnMissingCode]) -> String {
        penilai.golongan.isEmpty ? "" : lookup("penilaiGolongan", .golonganPns, penilai.golongan, references, &missing)
    }
}
