import KinerjaEvaluation
import KinerjaProto
import Testing

@Suite("SIASN records: codes from the loaded reference table, never guessed (docs/SIASN.md)")
struct SiasnRecordBuilderTests {
    static func codes(pns: [String: String] = [:], golongan: [String: String] = ["IV/b": "G4B"],
                      koefisien: [String: String] = ["AHLI_MUDA": "K-AM"]) -> [Evaluation.SiasnReferenceCode] {
        var codes: [Evaluation.SiasnReferenceCode] = []
        for (reference, entries) in [("periodik", ["MONTHLY": "M", "QUARTERLY": "TW", "SEMESTER": "S", "ANNUAL": "T"]),
                                     ("perilakuDanKinerja", ["DI_ATAS": "1", "SESUAI": "2", "DI_BAWAH": "3"]),
                                     ("kuadranNilai", ["SANGAT_BAIK": "1", "BAIK": "2", "BUTUH_PERBAIKAN": "3", "KURANG": "4", "SANGAT_KURANG": "5"]),
                                     ("koefisien", koefisien), ("golonganPns", golongan), ("pns", pns)] {
            for (key, code) in entries.sorted(by: { $0.key < $1.key }) { codes.append(Evaluation.SiasnReferenceCode(reference: reference, key: key, code: code)) }
        }
        return codes
    }

    static func evaluation(jabatan: String = "Pranata Komputer Ahli Muda", jenis: Common.JenisJabatan = .fungsional) -> Evaluation.EmployeeEvaluation {
        var evaluation = Evaluation.EmployeeEvaluation()
        evaluation.evaluationID = "e1"
        evaluation.employee = Common.EmployeeRef(nip: "199003152015032001", displayName: "Maria Ndun, S.Kom.", jabatanName: jabatan)
        evaluation.jenisJabatan = jenis
        evaluation.hasilKerja = Evaluation.RatingDecision(rating: .diAtasEkspektasi)
        evaluation.perilakuKerja = Evaluation.RatingDecision(rating: .sesuaiEkspektasi)
        evaluation.predikat = .baik
        return evaluation
    }

    static let penilai = SiasnPenilai(id: "197805202005011003", name: "Yohanes Bria, S.T.", jabatan: "Kepala Seksi", golongan: "IV/b",
                                      unitName: "Seksi Identitas Penduduk", asnType: .pns)
    static let triwulan = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 3)

    @Test("periodik, perilakuDanKinerja and kuadranNilai must be complete; an unknown reference, a key outside a closed reference, a non-numeric nilai are refused naming the code")
    func tableChecks() {
        #expect(throws: EvaluationRuleError.siasnReferencesInvalid(field: "codes", detail: "kuadranNilai has no code for KURANG")) {
            try SiasnReferences(codes: Self.codes().filter { !($0.reference == "kuadranNilai" && $0.key == "KURANG") })
        }
        var codes = Self.codes()
        codes.append(Evaluation.SiasnReferenceCode(reference: "agama", key: "1", code: "1"))
        #expect(throws: EvaluationRuleError.self) { try SiasnReferences(codes: codes) }
        codes = Self.codes()
        codes[0].key = "WEEKLY"
        #expect { try SiasnReferences(codes: codes) } throws: { ($0 as? EvaluationRuleError)?.message.hasPrefix("codes[0].key:") == true }
        codes = Self.codes()
        let nilai = codes.firstIndex { $0.reference == "perilakuDanKinerja" } ?? 0
        codes[nilai].code = "satu"
        #expect { try SiasnReferences(codes: codes) } throws: { ($0 as? EvaluationRuleError)?.message.hasPrefix("codes[\(nilai)].code:") == true }
    }

    @Test("a rated fungsional with every code: the record carries the loaded codes and the span's months; nothing missing")
    func complete() throws {
        let references = try SiasnReferences(codes: Self.codes(pns: ["199003152015032001": "PNS-1"]))
        let built = SiasnRecordBuilder.kinerjaPeriodik(Self.evaluation(), span: Self.triwulan, penilai: Self.penilai, references: references)
        let record = built.record
        #expect(built.missing.isEmpty)
        #expect(record.pnsDinilaiID == "PNS-1" && record.periodikID == "TW" && record.tahun == 2026)
        #expect(record.bulanMulaiPenilaian == 7 && record.bulanSelesaiPenilaian == 9 && record.tahunMulaiPenilaian == 2026 && record.tahunSelesaiPenilaian == 2026)
        #expect(record.hasilKinerjaNilai == 1 && record.perilakuKerjaNilai == 2 && record.kuadranKinerjaNilai == 2)
        #expect(record.koefisienID == "K-AM" && record.penilaiGolongan == "G4B" && record.statusPenilai == "ASN" && record.penilaiNIPNrp == Self.penilai.id)
        #expect(record.id.isEmpty, "SIASN's id is the integrator's to fill")
    }

    @Test("codes the table lacks are left empty and reported: the PNS id, the jenjang's koefisien, the penilai's golongan")
    func missing() throws {
        let references = try SiasnReferences(codes: Self.codes(golongan: [:], koefisien: [:]))
        let built = SiasnRecordBuilder.kinerjaPeriodik(Self.evaluation(), span: Self.triwulan, penilai: Self.penilai, references: references)
        #expect(built.missing.map(\.field) == ["pnsDinilaiId", "koefisienId", "penilaiGolongan"])
        #expect(built.missing.map(\.key) == ["199003152015032001", "AHLI_MUDA", "IV/b"])
        #expect(built.record.pnsDinilaiID.isEmpty && built.record.koefisienID.isEmpty && built.record.penilaiGolongan.isEmpty)
        let unnamed = SiasnRecordBuilder.kinerjaPeriodik(Self.evaluation(jabatan: "Pranata Komputer"), span: Self.triwulan, penilai: Self.penilai,
                                                         references: references)
        #expect(unnamed.missing.contains { $0.field == "koefisienId" && $0.message.contains("names no jenjang") })
    }

    @Test("koefisienId is for jabatan fungsional only; the non-ASN Kepala Daerah has no NIP and is NON ASN")
    func structuralAndNonAsn() throws {
        let references = try SiasnReferences(codes: Self.codes(pns: ["199003152015032001": "PNS-1"]))
        let walikota = SiasnPenilai(id: "NONASN.WALIKOTA", name: "Wali Kota Kupang", jabatan: "Wali Kota", golongan: "", unitName: "", asnType: .unspecified)
        let built = SiasnRecordBuilder.skp22(Self.evaluation(jabatan: "Kepala Dinas", jenis: .jpt),
                                             span: Evaluation.EvaluationSpan(year: 2026, kind: .annual, number: 1), penilai: walikota, references: references)
        #expect(built.missing.isEmpty)
        #expect(built.record.penilaiNIPNrp.isEmpty && built.record.statusPenilai == "NON ASN" && built.record.penilaiGolongan.isEmpty)
        #expect(built.record.penilaiJabatan == "Wali Kota" && built.record.pnsDinilaiOrang == "PNS-1" && built.record.tahun == 2026)
        let periodik = SiasnRecordBuilder.kinerjaPeriodik(Self.evaluation(jabatan: "Kepala Dinas", jenis: .jpt), span: Self.triwulan,
                                                          penilai: Self.penilai, references: references)
        #expect(periodik.record.koefisienID.isEmpty && periodik.missing.isEmpty)
    }
}
