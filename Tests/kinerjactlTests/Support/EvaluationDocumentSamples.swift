import Foundation
import KinerjaProto
@testable import kinerjactl

/// A constructed finalised evaluation of Kota Kupang for the evaluation document tests: an
/// analis at Dukcapil, triwulan II 2026, rated Sesuai / Di Atas (Baik) by her Kepala Bidang.
enum EvaluationDocumentSamples {
    static let pegawaiNIP = SkpPrintSamples.analis
    static let penilaiNIP = SkpPrintSamples.kepalaBidang
    static let evaluationID = "01JEVALDUKCAPIL00000000001"
    static let periodID = "01JPERIODDUKCAPILTW2000001"
    static let snapshot: [UInt8] = (0..<32).map { UInt8(($0 * 7 + 3) % 256) }
    /// 3 July 2026 02:15 UTC = 10.15 WITA.
    static let finalisedAt = Common.Timestamp(seconds: 1_783_044_900)

    static func iki(_ rhk: String, _ kind: Common.RhkKind, _ id: String, _ indicator: String, target: Double, realised: Double,
                    unit: String, rating: Common.Rating, reason: String) -> Evaluation.IkiAssessment {
        var iki = Evaluation.IkiAssessment()
        iki.rhkID = rhk
        iki.rhkKind = kind
        iki.ikiID = id
        iki.indicator = indicator
        iki.targetValue = Common.DoubleValue(value: target)
        iki.realisationValue = Common.DoubleValue(value: realised)
        iki.capaianPercent = Common.DoubleValue(value: realised / target * 100)
        iki.unit = unit
        iki.rating = rating
        iki.evidencePresent = true
        iki.basis = .capaian
        iki.reason = reason
        return iki
    }

    static var evaluation: Evaluation.EmployeeEvaluation {
        var evaluation = Evaluation.EmployeeEvaluation()
        evaluation.evaluationID = evaluationID
        evaluation.periodID = periodID
        evaluation.employee = Common.EmployeeRef(nip: pegawaiNIP, displayName: "Maria Ndun, S.Kom.", jabatanName: "Analis Data Kependudukan",
                                                 unitID: SkpPrintSamples.seksi)
        evaluation.evaluator = Common.EmployeeRef(nip: penilaiNIP, displayName: "Yohanes Fanggidaé, S.Sos., M.Si.",
                                                  jabatanName: "Kepala Bidang Pelayanan Pendaftaran Penduduk", unitID: SkpPrintSamples.bidang)
        var span = Evaluation.EvaluationSpan()
        span.year = 2026
        span.kind = .quarterly
        span.number = 2
        span.days = Common.DateRange(startDate: Common.Date(year: 2026, month: 4, day: 1), endDate: Common.Date(year: 2026, month: 6, day: 30))
        evaluation.span = span
        var proposal = Evaluation.HasilKerjaProposal()
        proposal.rating = .sesuaiEkspektasi
        proposal.explanation = "1 dari 2 IKI utama ≥ 110%; tidak ada di bawah 90%"
        proposal.inputs = [
            iki("01JRHKANALIS00000000000001", .utama, "01JIKIANALIS00000000000001", "Jumlah KTP-el diterbitkan", target: 300, realised: 342,
                unit: "dokumen", rating: .diAtasEkspektasi, reason: "capaian 114.0% (target 300 dokumen, realisasi 342 dokumen) is at least 110%"),
            iki("01JRHKANALIS00000000000001", .utama, "01JIKIANALIS00000000000002", "Persentase data kependudukan tervalidasi", target: 95, realised: 93,
                unit: "persen", rating: .sesuaiEkspektasi, reason: "capaian 97.9% is at least 90%"),
            iki("01JRHKANALIS00000000000002", .tambahan, "01JIKIANALIS00000000000003", "Jumlah sosialisasi layanan Dukcapil", target: 2, realised: 2,
                unit: "kegiatan", rating: .sesuaiEkspektasi, reason: "capaian 100.0%"),
        ]
        evaluation.proposal = proposal
        evaluation.hasilKerja = Evaluation.RatingDecision(rating: .sesuaiEkspektasi, reason: "Capaian sesuai target triwulan", proposedRating: .sesuaiEkspektasi)
        var perilaku = Evaluation.PerilakuProposal()
        perilaku.rating = .sesuaiEkspektasi
        perilaku.explanation = "2 dari 7 nilai di atas ekspektasi; tidak ada di bawah"
        perilaku.values = FeedbackText.values.map { value in
            var assessment = Evaluation.PerilakuValueAssessment()
            assessment.value = value.value
            assessment.meanScore = Common.DoubleValue(value: value.value == .berorientasiPelayanan ? 4.6 : 3.9)
            assessment.responseCount = 6
            assessment.rating = value.value == .berorientasiPelayanan ? .diAtasEkspektasi : .sesuaiEkspektasi
            if value.value == .berorientasiPelayanan {
                assessment.ekspektasiKhusus = "Melayani warga di loket tanpa antrean lebih dari 30 menit"
                assessment.expectationJudgement = .diAtasEkspektasi
            }
            assessment.reason = "360° mean \(value.value == .berorientasiPelayanan ? "4.6" : "3.9") from 6 scores"
            return assessment
        }
        evaluation.perilakuProposal = perilaku
        evaluation.perilakuKerja = Evaluation.RatingDecision(rating: .diAtasEkspektasi, reason: "Pelayanan di loket melampaui ekspektasi khusus pimpinan",
                                                             overridesProposal: true, proposedRating: .sesuaiEkspektasi)
        evaluation.perilakuNotes = [Evaluation.PerilakuValueNote(value: .berorientasiPelayanan, note: "Antrean rata-rata 18 menit selama triwulan")]
        evaluation.predikat = .baik
        evaluation.kuadran = 4
        evaluation.state = .finalised
        evaluation.finalised = Common.AuditStamp(principal: SkpPrintSamples.kepalaDinas, at: finalisedAt)
        evaluation.snapshotSha256 = snapshot
        return evaluation
    }

    static var period: Evaluation.EvaluationPeriod {
        var period = Evaluation.EvaluationPeriod()
        period.periodID = periodID
        period.state = .finalised
        var rating = Evaluation.OrganisationRatingRecord()
        rating.rating = .baik
        rating.reason = "Hasil evaluasi SAKIP Dinas Dukcapil triwulan II"
        period.organisationRating = rating
        var first = Evaluation.FinalisationRecord()
        first.number = 1
        first.superseded = true
        first.reopenReason = "Koreksi rating dua pegawai setelah keberatan"
        var second = Evaluation.FinalisationRecord()
        second.number = 2
        period.finalisations = [first, second]
        return period
    }

    static var printout: EvaluationPrintout {
        var link = Common.EvidenceLink()
        link.uri = "urn:kinerja:evidence:sha256:" + String(repeating: "ab", count: 32)
        link.title = "Rekap KTP-el April 2026.pdf"
        link.sha256 = [UInt8](repeating: 0xab, count: 32)
        var progress = Reporting.EmployeeProgress()
        var first = Reporting.IkiProgress()
        first.rhkID = "01JRHKANALIS00000000000001"
        first.rhkText = "Terlayaninya penerbitan KTP-el tepat waktu"
        first.ikiID = "01JIKIANALIS00000000000001"
        first.aspek = .kuantitas
        first.verifiedCount = 58
        first.pendingCount = 1
        var tambahan = Reporting.IkiProgress()
        tambahan.rhkID = "01JRHKANALIS00000000000002"
        tambahan.rhkText = "Tersosialisasikannya layanan Dukcapil kepada warga kelurahan"
        tambahan.ikiID = "01JIKIANALIS00000000000003"
        tambahan.verifiedCount = 2
        progress.ikis = [first, tambahan]
        return EvaluationPrintout(
            evaluation: evaluation, period: period,
            pegawai: PrintedPerson(name: "Maria Ndun, S.Kom.", identifier: pegawaiNIP, golongan: "III/b", jabatan: "Analis Data Kependudukan",
                                   unit: "Seksi Identitas Penduduk"),
            penilai: PrintedPerson(name: "Yohanes Fanggidaé, S.Sos., M.Si.", identifier: penilaiNIP, golongan: "IV/a",
                                   jabatan: "Kepala Bidang Pelayanan Pendaftaran Penduduk", unit: "Bidang Pelayanan Pendaftaran Penduduk"),
            atasanPenilai: PrintedPerson(name: "Drs. Agustinus Riwu, M.Si.", identifier: SkpPrintSamples.kepalaDinas, golongan: "IV/c",
                                         jabatan: "Kepala Dinas Kependudukan dan Pencatatan Sipil", unit: "Dinas Kependudukan dan Pencatatan Sipil"),
            progress: progress,
            evidence: ["01JIKIANALIS00000000000001": [link]],
            feedback: [
                PrintedFeedback(given: Common.Timestamp(seconds: 1_776_000_000), from: "Pejabat penilai: Yohanes Fanggidaé, S.Sos., M.Si.",
                                kind: .apresiasi, subjectID: "01JIKIANALIS00000000000001", value: .unspecified,
                                message: "Rekap KTP-el minggu ini rapi dan tepat waktu.", response: "Terima kasih, Pak."),
                PrintedFeedback(given: Common.Timestamp(seconds: 1_777_000_000), from: "Rekan kerja", kind: .saran, subjectID: "",
                                value: .kolaboratif, message: "Bagikan templat rekap ke seksi lain.", response: ""),
                PrintedFeedback(given: Common.Timestamp(seconds: 1_778_000_000), from: "Pejabat penilai: Yohanes Fanggidaé, S.Sos., M.Si.",
                                kind: .umum, subjectID: "", value: .unspecified, message: "Ikuti pelatihan SIAK terpusat bulan depan.", response: ""),
            ],
            finaliser: "Drs. Agustinus Riwu, M.Si. (NIP. \(SkpPrintSamples.kepalaDinas))")
    }
}
