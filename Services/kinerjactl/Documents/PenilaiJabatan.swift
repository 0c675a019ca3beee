import KinerjaProto

/// The pejabat penilai's jabatan as the form prints it. An acting official signs as what they
/// act for — `Plt. Kepala Bidang Pelayanan dan Sumber Daya Kesehatan` — with their own
/// (definitive) jabatan and the decree beside it; everyone else as their jabatan.
struct PenilaiJabatan: Equatable, Sendable {
    /// The line in the JABATAN cell and under "Pejabat Penilai Kinerja" at the signature.
    var title: String
    /// What the JABATAN cell adds below (the definitive jabatan and the decree); empty when nothing.
    var note: String

    /// The jabatan of a penilai of `kind` whose own jabatan is `own`, acting (Plt/Plh) for the
    /// head position titled `actingFor` (empty when identity could not say) under `decree`.
    init(kind: Common.PenilaiKind, own: String, actingFor: String, decree: String) {
        let prefix: String
        switch kind {
        case .plt: prefix = "Plt."
        case .plh: prefix = "Plh."
        default:
            title = own
            note = ""
            return
        }
        var notes: [String] = []
        if actingFor.isEmpty {
            // The acted position is unknown: say that the official acts, and as what they are.
            title = own.isEmpty ? "\(prefix) pejabat penilai" : "\(own) (\(prefix) pejabat penilai)"
        } else {
            title = actingFor.hasPrefix(prefix) ? actingFor : "\(prefix) \(actingFor)"
            if !own.isEmpty { notes.append("Jabatan definitif: \(own)") }
        }
        if !decree.isEmpty { notes.append("Dasar: \(decree)") }
        note = notes.joined(separator: "\n")
    }
}
