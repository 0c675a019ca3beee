import KinerjaProto

/// What the rating page shows of an evaluation and of its unit's curve, and the Indonesian words for
/// the service's refusals of a rating.
enum RatingView {
    /// The form's value → rating (`atas`, `sesuai`, `bawah`); nil for anything else (not rated).
    static func rating(_ value: String?) -> Common.Rating? {
        switch value {
        case "atas": .diAtasEkspektasi
        case "sesuai": .sesuaiEkspektasi
        case "bawah": .diBawahEkspektasi
        default: nil
        }
    }

    static let choices: [(value: String, rating: Common.Rating)] = [("atas", .diAtasEkspektasi), ("sesuai", .sesuaiEkspektasi), ("bawah", .diBawahEkspektasi)]

    /// The evaluation: who, the period, the proposal and each IKI's basis, the decisions so far, the form's choices.
    static func fields(_ item: Evaluation.EmployeeEvaluation) -> [String: Any] {
        let proposal = item.proposal ?? Evaluation.HasilKerjaProposal()
        // The service's explanations are English (operators'); the page says the same in Indonesian from the numbers.
        let inputs = proposal.inputs.map { input in
            var basis = basis(input.basis)
            if let target = input.targetValue, let realised = input.realisationValue {
                basis += "; target \(ReportFormat.number(target.value)) \(input.unit), realisasi \(ReportFormat.number(realised.value)) \(input.unit)"
            }
            return ["indicator": input.indicator, "kind": input.rhkKind == .tambahan ? "Tambahan" : "Utama",
                    "capaian": input.capaianPercent.map { ReportFormat.percent($0.value) } ?? "—",
                    "rating": WebApp.rating(input.rating), "basis": basis, "evidence": input.evidencePresent ? "ada" : "tidak ada"]
        }
        let utama = proposal.inputs.filter { $0.rhkKind != .tambahan }
        let count = { (rating: Common.Rating) in utama.filter { $0.rating == rating }.count }
        let summary = "IKI utama: \(count(.diAtasEkspektasi)) di atas, \(count(.sesuaiEkspektasi)) sesuai, \(count(.diBawahEkspektasi)) di bawah ekspektasi dari \(utama.count)."
        let perilaku = item.perilakuProposal ?? Evaluation.PerilakuProposal()
        let values = perilaku.values.map { value in
            ["value": berakhlak(value.value),
             "mean": value.meanScore.map { ReportFormat.number(($0.value * 100).rounded() / 100) } ?? "—",
             "responses": value.responseCount, "rating": WebApp.rating(value.rating)] as [String: Any]
        }
        let finalised = item.state == .finalised
        return [
            "id": item.evaluationID, "name": item.employee?.displayName ?? "", "nip": item.employee?.nip ?? "",
            "period": item.period.map(WebApp.periodText) ?? item.periodID, "state": WebApp.evaluationState(item.state),
            "revision": "\(item.revision)", "editable": !finalised,
            "proposal": proposed(proposal.rating), "proposalSummary": summary,
            "fromOrganisation": proposal.fromOrganisationRating,
            "utamaAbove": ReportFormat.percent(proposal.utamaAbovePercent), "utamaBelow": ReportFormat.percent(proposal.utamaBelowPercent),
            "inputs": inputs, "hasInputs": !inputs.isEmpty,
            "perilakuProposal": proposed(perilaku.rating), "values": values,
            "hasValues": perilaku.values.contains { $0.responseCount > 0 },
            "hasilKerja": WebApp.rating(item.hasilKerja?.rating), "perilaku": WebApp.rating(item.perilakuKerja?.rating),
            "predikat": ReportFormat.predikat(item.predikat),
            "hasilChoices": choices(selected: item.hasilKerja?.rating ?? proposal.rating, name: "hasil_kerja"),
            "perilakuChoices": choices(selected: item.perilakuKerja?.rating ?? perilaku.rating, name: "perilaku"),
        ]
    }

    /// A proposal's rating; "tidak ada usulan" when the service made none.
    static func proposed(_ rating: Common.Rating) -> String { rating == .unspecified ? "tidak ada usulan" : WebApp.rating(rating) }

    static func choices(selected: Common.Rating, name: String) -> [[String: String]] {
        choices.map { ["name": name, "value": $0.value, "label": WebApp.rating($0.rating), "checked": $0.rating == selected ? "checked" : ""] }
    }

    /// The curve's quotas, each with how many of the unit are already rated into it.
    static func quotas(_ curve: Evaluation.CurveStatus) -> [String: Any] {
        let counts = Dictionary(curve.distribution.map { ($0.predikat, Int($0.count)) }, uniquingKeysWith: +)
        let rows = curve.quotas.map { bound -> [String: Any] in
            let used = [bound.predikat, bound.alsoPredikat].filter { $0 != .unspecified }.reduce(0) { $0 + (counts[$1] ?? 0) }
            let full = used >= Int(bound.maxCount) && bound.maxPercent < 100
            return ["rule": bound.ruleTextID.isEmpty ? bound.ruleText : bound.ruleTextID, "min": bound.minCount, "max": bound.maxCount,
                    "used": used, "full": full]
        }
        return ["quotas": rows, "hasQuotas": !rows.isEmpty, "curveRated": curve.ratedCount, "curvePopulation": curve.population,
                "curveRating": WebApp.organisationRating(curve.organisationRating),
                "curveBreaches": curve.breaches.map { ["text": $0.explanationID.isEmpty ? $0.explanation : $0.explanationID] }]
    }

    static func berakhlak(_ value: Common.BerakhlakValue) -> String {
        switch value {
        case .berorientasiPelayanan: "Berorientasi Pelayanan"
        case .akuntabel: "Akuntabel"
        case .kompeten: "Kompeten"
        case .harmonis: "Harmonis"
        case .loyal: "Loyal"
        case .adaptif: "Adaptif"
        case .kolaboratif: "Kolaboratif"
        default: "—"
        }
    }

    static func basis(_ basis: Evaluation.IkiAssessmentBasis) -> String {
        switch basis {
        case .capaian: "capaian terverifikasi"
        case .ratedDescription: "penilaian uraian oleh atasan"
        case .noEvidence: "tanpa bukti"
        default: "—"
        }
    }

    /// The service's refusal of a rating, in Indonesian, by status.
    static func refusal(_ error: RPCError) -> String {
        switch error.code {
        case .invalidArgument:
            return "Penilaian ditolak: alasan (10–2000 karakter) wajib bila penilaian berbeda dari usulan atau mengubah keputusan sebelumnya, dan selalu untuk Perilaku Di Atas atau Di Bawah Ekspektasi."
        case .failedPrecondition: return "Penilaian tidak dapat disimpan: periode belum dibuka untuk penilaian atau sudah final."
        case .aborted: return "Evaluasi ini telah diubah sejak halaman dibuka. Periksa kembali lalu simpan ulang."
        case .permissionDenied: return "Anda bukan pejabat penilai pegawai ini."
        case .notFound: return "Evaluasi tidak ditemukan."
        default: return StatusMessage.text(error)
        }
    }
}
