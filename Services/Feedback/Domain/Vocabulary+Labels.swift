import KinerjaProto

// Names of the contract's enums as people read them, for messages and comments. The BerAKHLAK
// values and the SKM unsur keep their Indonesian names (they are the regulations' terms).

extension Common.BerakhlakValue {
    /// The seven values in their order.
    static let seven: [Common.BerakhlakValue] = [
        .berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif,
    ]

    /// "Berorientasi Pelayanan", "Akuntabel", ….
    var label: String {
        switch self {
        case .berorientasiPelayanan: "Berorientasi Pelayanan"
        case .akuntabel: "Akuntabel"
        case .kompeten: "Kompeten"
        case .harmonis: "Harmonis"
        case .loyal: "Loyal"
        case .adaptif: "Adaptif"
        case .kolaboratif: "Kolaboratif"
        case .unspecified: "no value"
        case .unrecognized(let raw): "value \(raw)"
        }
    }
}

extension Feedback.RaterRelation {
    /// The four groups in their order (the order of `BehaviourSummary.groups`).
    static let groups: [Feedback.RaterRelation] = [.selfAssessment, .atasan, .rekanKerja, .bawahan]

    /// True for the groups shown only aggregated (rekan kerja and bawahan).
    var isAnonymous: Bool { self == .rekanKerja || self == .bawahan }

    /// "self-assessment", "atasan", "rekan kerja", "bawahan".
    var label: String {
        switch self {
        case .selfAssessment: "self-assessment"
        case .atasan: "atasan"
        case .rekanKerja: "rekan kerja"
        case .bawahan: "bawahan"
        case .unspecified: "no relation"
        case .unrecognized(let raw): "relation \(raw)"
        }
    }
}

extension Feedback.SkmUnsur {
    /// The nine unsur in the regulation's order, U1 … U9.
    static let nine: [Feedback.SkmUnsur] = [
        .persyaratan, .sistemMekanismeProsedur, .waktuPenyelesaian, .biayaTarif, .produkSpesifikasi,
        .kompetensiPelaksana, .perilakuPelaksana, .penangananPengaduan, .saranaPrasarana,
    ]

    /// The unsur's name in PermenPANRB 14/2017.
    var label: String {
        switch self {
        case .persyaratan: "Persyaratan"
        case .sistemMekanismeProsedur: "Sistem, Mekanisme, dan Prosedur"
        case .waktuPenyelesaian: "Waktu Penyelesaian"
        case .biayaTarif: "Biaya/Tarif"
        case .produkSpesifikasi: "Produk Spesifikasi Jenis Pelayanan"
        case .kompetensiPelaksana: "Kompetensi Pelaksana"
        case .perilakuPelaksana: "Perilaku Pelaksana"
        case .penangananPengaduan: "Penanganan Pengaduan, Saran dan Masukan"
        case .saranaPrasarana: "Sarana dan Prasarana"
        case .unspecified: "no unsur"
        case .unrecognized(let raw): "unsur \(raw)"
        }
    }
}

extension ProtoEnum {
    /// The enum's name without its type prefix, e.g. `AWAITING_CONFIRMATION`, as messages show it.
    var stateLabel: String {
        guard let name = protoName else { return "UNRECOGNIZED(\(rawValue))" }
        let prefixes = ["DIALOG_STATE_", "SOLICITATION_STATE_", "ASSESSMENT_ROUND_STATE_", "ASSIGNMENT_STATE_", "TICKET_STATE_"]
        for prefix in prefixes where name.hasPrefix(prefix) { return String(name.dropFirst(prefix.count)) }
        return name
    }
}
