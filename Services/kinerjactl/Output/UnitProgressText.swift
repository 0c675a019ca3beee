import Foundation

/// `report progress --unit`: a unit's capaian per month.
enum UnitProgressText {
    /// BULAN, PEGAWAI, DENGAN CAPAIAN, RATA-RATA CAPAIAN, RATA-RATA UTAMA.
    /// `current` is the month in progress, marked "(berjalan)".
    static func table(_ rows: [UnitMonthProgress], current: Int? = nil) -> Table {
        var table = Table([Table.Column("BULAN"), Table.Column("PEGAWAI", alignRight: true), Table.Column("DENGAN CAPAIAN", alignRight: true),
                           Table.Column("RATA-RATA CAPAIAN", alignRight: true), Table.Column("RATA-RATA UTAMA", alignRight: true)])
        for row in rows {
            table.append([IndonesianDate.months[row.month - 1] + (row.month == current ? " (berjalan)" : ""), "\(row.employees)", "\(row.withCapaian)",
                          ReportText.percent(row.averageCapaian), ReportText.percent(row.averageUtama)])
        }
        return table
    }

    /// `{"year": 2026, "months": [{"month": 1, "employees": …, "averageCapaianPercent": …}, …]}`.
    static func json(_ rows: [UnitMonthProgress], year: Int32) -> String {
        let months: [[String: Any]] = rows.map { row in
            ["month": row.month, "employees": row.employees, "withCapaian": row.withCapaian,
             "averageCapaianPercent": row.averageCapaian ?? NSNull(), "averageUtamaPercent": row.averageUtama ?? NSNull()]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["year": Int(year), "months": months], options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
