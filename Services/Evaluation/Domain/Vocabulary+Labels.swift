public import KinerjaProto

// Names of the contract's enums as people read them, for explanations and messages. The
// predikat and ratings keep their Indonesian names in English text too (they are the
// regulation's terms).

extension Common.Predikat {
    /// "Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"; "unrated" when unspecified.
    package var label: String {
        switch self {
        case .sangatBaik: "Sangat Baik"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang"
        case .sangatKurang: "Sangat Kurang"
        case .unspecified: "unrated"
        case .unrecognized(let raw): "predikat \(raw)"
        }
    }

    /// The five predikat from best to worst.
    package static let ranked: [Common.Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]

    /// The predikat score used for means and leniency (`evaluation.proto` RaterStats): Sangat Baik 5,
    /// Baik 4, Butuh Perbaikan 3, Kurang 2, Sangat Kurang 1; nil when unrated.
    public var score: Int? {
        switch self {
        case .sangatBaik: 5
        case .baik: 4
        case .butuhPerbaikan: 3
        case .kurang: 2
        case .sangatKurang: 1
        case .unspecified, .unrecognized: nil
        }
    }
}

extension Common.Rating {
    /// "Di Atas Ekspektasi", "Sesuai Ekspektasi", "Di Bawah Ekspektasi"; "unrated" when unspecified.
    package var label: String {
        switch self {
        case .diAtasEkspektasi: "Di Atas Ekspektasi"
        case .sesuaiEkspektasi: "Sesuai Ekspektasi"
        case .diBawahEkspektasi: "Di Bawah Ekspektasi"
        case .unspecified: "unrated"
        case .unrecognized(let raw): "rating \(raw)"
        }
    }

    /// "Di Atas", "Sesuai", "Di Bawah" (short form for explanations).
    package var shortLabel: String {
        switch self {
        case .diAtasEkspektasi: "Di Atas"
        case .sesuaiEkspektasi: "Sesuai"
        case .diBawahEkspektasi: "Di Bawah"
        case .unspecified: "unrated"
        case .unrecognized(let raw): "rating \(raw)"
        }
    }

    /// True for the three ratings of the scale.
    public var isRated: Bool {
        switch self {
        case .diAtasEkspektasi, .sesuaiEkspektasi, .diBawahEkspektasi: true
        case .unspecified, .unrecognized: false
        }
    }

    /// Position on the scale, 0 = Di Atas (best) … 2 = Di Bawah; nil when unrated.
    package var rank: Int? {
        switch self {
        case .diAtasEkspektasi: 0
        case .sesuaiEkspektasi: 1
        case .diBawahEkspektasi: 2
        case .unspecified, .unrecognized: nil
        }
    }
}

extension Common.OrganisationRating {
    /// True for the five ratings of the scale.
    public var isDecided: Bool {
        switch self {
        case .istimewa, .baik, .butuhPerbaikan, .kurang, .sangatKurang: true
        case .unspecified, .unrecognized: false
        }
    }

    /// "Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"; "undecided" when unspecified.
    package var label: String {
        switch self {
        case .istimewa: "Istimewa"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang"
        case .sangatKurang: "Sangat Kurang"
        case .unspecified: "undecided"
        case .unrecognized(let raw): "organisation rating \(raw)"
        }
    }
}

extension Common.BerakhlakValue {
    /// The value's name, e.g. "Berorientasi Pelayanan".
    package var label: String {
        switch self {
        case .berorientasiPelayanan: "Berorientasi Pelayanan"
        case .akuntabel: "Akuntabel"
        case .kompeten: "Kompeten"
        case .harmonis: "Harmonis"
        case .loyal: "Loyal"
        case .adaptif: "Adaptif"
        case .kolaboratif: "Kolaboratif"
        case .unspecified: "unspecified value"
        case .unrecognized(let raw): "value \(raw)"
        }
    }

    /// The seven BerAKHLAK values in their order.
    package static let seven: [Common.BerakhlakValue] = [
        .berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif,
    ]
}

extension Evaluation.RatingAspect {
    /// "Hasil Kerja" or "Perilaku Kerja".
    package var label: String {
        switch self {
        case .hasilKerja: "Hasil Kerja"
        case .perilakuKerja: "Perilaku Kerja"
        case .unspecified: "unspecified aspect"
        case .unrecognized(let raw): "aspect \(raw)"
        }
    }
}

extension Evaluation.EvaluationPeriodState {
    /// The state's name without prefix, e.g. `PENILAIAN`.
    package var label: String {
        switch self {
        case .persiapan: "PERSIAPAN"
        case .penilaian: "PENILAIAN"
        case .finalised: "FINALISED"
        case .unspecified: "UNSPECIFIED"
        case .unrecognized(let raw): "UNRECOGNIZED(\(raw))"
        }
    }
}

extension Evaluation.JenjangFungsional {
    /// The jenjang's name, e.g. "Ahli Pertama".
    package var label: String {
        switch self {
        case .pemula: "Pemula"
        case .terampil: "Terampil"
        case .mahir: "Mahir"
        case .penyelia: "Penyelia"
        case .ahliPertama: "Ahli Pertama"
        case .ahliMuda: "Ahli Muda"
        case .ahliMadya: "Ahli Madya"
        case .ahliUtama: "Ahli Utama"
        case .unspecified: "unspecified jenjang"
        case .unrecognized(let raw): "jenjang \(raw)"
        }
    }
}
