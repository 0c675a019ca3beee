import KinerjaProto

/// Competence development as kinerjactl prints it.
enum CompetenceText {
    /// `--kind` values.
    static let kinds: [String: Evaluation.CompetenceDevelopmentKind] = [
        "pendidikan": .pendidikan, "klasikal": .pelatihanKlasikal, "nonklasikal": .pelatihanNonklasikal,
    ]

    static func kind(_ kind: Evaluation.CompetenceDevelopmentKind) -> String {
        switch kind {
        case .pendidikan: "Pendidikan"
        case .pelatihanKlasikal: "Pelatihan klasikal"
        case .pelatihanNonklasikal: "Pelatihan nonklasikal"
        default: "—"
        }
    }

    /// One employee's year: a table of activities and the total against the minimum.
    static func render(_ response: Evaluation.ListCompetenceDevelopmentResponse, year: Int32) -> String {
        let who = response.developments.first?.employee.map { "\($0.displayName) (\($0.nip))" } ?? ""
        var lines = ["Pengembangan kompetensi \(year)\(who.isEmpty ? "" : " — \(who)")"]
        if !response.developments.isEmpty {
            var table = Table([Table.Column("SELESAI", maxWidth: 10), Table.Column("JP", alignRight: true), Table.Column("JENIS"),
                               Table.Column("KEGIATAN", maxWidth: 60), Table.Column("PENYELENGGARA", maxWidth: 40), Table.Column("ID")])
            for record in response.developments {
                table.append([WITATime.format(record.endDate), "\(record.jp)", kind(record.kind), record.title, record.organiser, record.recordID])
            }
            lines.append(table.render())
        }
        let met = response.totalJp >= response.minimumJp
        lines.append("Jumlah: \(response.totalJp) JP dari minimal \(response.minimumJp) JP (PP 17/2020) — \(met ? "terpenuhi" : "belum terpenuhi, kurang \(response.minimumJp - response.totalJp) JP")")
        return lines.joined(separator: "\n")
    }
}
