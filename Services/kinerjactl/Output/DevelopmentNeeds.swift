import KinerjaProto

/// Development needs (ListDevelopmentNeeds) as kinerjactl prints them.
enum DevelopmentNeeds {
    /// The count of each need.
    static func summary(_ rows: [Evaluation.ListDevelopmentNeedsResponse], year: Int32) -> String {
        let predikat = rows.filter { $0.needs.contains("PREDIKAT") }.count
        let jp = rows.filter { $0.needs.contains("BELOW_MINIMUM_JP") }.count
        let minimum = rows.first?.minimumJp ?? 20
        return "Kebutuhan pengembangan \(year): \(predikat) pegawai dengan predikat Butuh Perbaikan atau di bawahnya (evaluasi final), "
            + "\(jp) pegawai dengan pengembangan kompetensi di bawah \(minimum) JP"
    }

    /// NIP, name, jabatan, JP, the spans with their predikat, the needs.
    static func table(_ rows: [Evaluation.ListDevelopmentNeedsResponse]) -> Table {
        var table = Table([Table.Column("NIP", maxWidth: 18), Table.Column("NAMA"), Table.Column("JABATAN"),
                           Table.Column("JP", alignRight: true), Table.Column("PREDIKAT", maxWidth: 60), Table.Column("KEBUTUHAN", maxWidth: 30)])
        for row in rows {
            let spans = row.findings.map { finding in
                "\(finding.span.map { EvalSpans.argument($0) } ?? "—") \(EvaluationText.predikat(finding.predikat))"
            }.joined(separator: "; ")
            let needs = row.needs.map { $0 == "PREDIKAT" ? "predikat" : $0 == "BELOW_MINIMUM_JP" ? "< \(row.minimumJp) JP" : $0 }
            table.append([row.employee?.nip ?? "", row.employee?.displayName ?? "", row.employee?.jabatanName ?? "",
                          "\(row.totalJp)", spans.isEmpty ? "—" : spans, needs.isEmpty ? "—" : needs.joined(separator: ", ")])
        }
        return table
    }
}
