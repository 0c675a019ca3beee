import KinerjaDocuments

/// A unit's progress over the year: the mean verified capaian per month (all IKIs and Utama
/// IKIs) against the 100 % line.
enum UnitProgressChart {
    /// `current`: the month in progress (its figures count only the days so far), marked `*`.
    static func chart(_ rows: [UnitMonthProgress], unit: String, year: Int32, current: Int? = nil) -> Chart {
        let marked = rows.contains { $0.month == current }
        return .line(LineChart(
            title: "Capaian \(unit) per bulan, \(year)" + (marked ? " (* bulan berjalan: baru sebagian bulan)" : ""),
            categories: rows.map { String(IndonesianDate.months[$0.month - 1].prefix(3)) + ($0.month == current ? "*" : "") },
            series: [
                ChartSeries(name: "Rata-rata capaian (semua IKI)", values: rows.map(\.averageCapaian), color: Color(hex: 0x0072B2)),
                ChartSeries(name: "Rata-rata capaian IKI utama", values: rows.map(\.averageUtama), color: Color(hex: 0xE69F00)),
            ],
            limits: [LimitLine(label: "Target 100%", position: .across(100), color: Color(hex: 0xB2182B))],
            valueAxis: ValueAxis(title: "Capaian", unitSuffix: "%")))
    }
}
