import Foundation

/// Pangkat (rank) names of PNS golongan/ruang, as a form's "PANGKAT/GOL. RUANG" line reads
/// them (`Penata Muda Tingkat I, III/b`). PPPK golongan (I–XVII) have no pangkat; a golongan
/// this table does not know is printed as given.
enum Pangkat {
    /// Golongan/ruang → pangkat (PP 99/2000 and its amendments).
    static let names: [String: String] = [
        "I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
        "II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
        "III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
        "IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda", "IV/d": "Pembina Utama Madya",
        "IV/e": "Pembina Utama",
    ]

    /// `Pangkat, golongan` for a PNS golongan, the golongan alone otherwise, "—" when empty.
    static func line(golongan: String) -> String {
        let trimmed = golongan.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return "—" }
        let key = normalized(trimmed)
        guard let name = names[key] else { return trimmed }
        return "\(name), \(key)"
    }

    /// `iii/B` and `III / b` read as `III/b`.
    private static func normalized(_ golongan: String) -> String {
        let parts = golongan.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { return golongan }
        return parts[0].uppercased() + "/" + parts[1].lowercased()
    }
}
