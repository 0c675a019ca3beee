@testable import KinerjaDocuments

/// Documents and charts the tests render.
enum Samples {
    /// Indonesian text with the characters Kupang's names and forms use beyond ASCII.
    static let indonesian = "Terlayaninya penerbitan KTP-el tepat waktu bagi warga Kelapa Lima, Oebobo dan Maulafa — target ≤ 3 hari; pemohon: Yohanes Fanggidaé, Maria Goreti Ndun, Rüdiger Manafe."

    /// A table of `rows` numbered rows under a two-row header with a column span.
    static func longTable(rows: Int) -> Table {
        Table(
            columns: [TableColumn(.points(28), alignment: .center), TableColumn(.weight(3)), TableColumn(.weight(1)), TableColumn(.weight(1))],
            header: [
                TableRow([TableCell("NO", rowSpan: 2), TableCell("RENCANA HASIL KERJA", rowSpan: 2), TableCell("TARGET", columnSpan: 2)]),
                TableRow([TableCell("NILAI"), TableCell("SATUAN")]),
            ],
            rows: (1...rows).map { index in
                TableRow(texts: [RichText(String(index)), RichText("Baris nomor \(index): \(indonesian)"), "1200", "dokumen"])
            })
    }

    /// A grouped bar chart with a limit per category, as the distribution curve is drawn.
    static let curve = BarChart(
        title: "Kurva distribusi — Dinas Kependudukan dan Pencatatan Sipil",
        categories: ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"],
        series: [ChartSeries(name: "Pegawai saat ini", values: [6, 31, 3, 1, 0])],
        limits: [LimitLine(label: "Kuota maksimum", position: .perCategory([29, 29, nil, nil, nil]))],
        valueAxis: ValueAxis(title: "Jumlah pegawai"), showsValues: true)
}
