public import KinerjaProto

extension NonWorkingDayList {
    /// Where ``indonesia2026`` comes from, as the operator should read it.
    public static let indonesia2026Source = """
        Keputusan Bersama Menteri Agama, Menteri Ketenagakerjaan dan Menteri Pendayagunaan Aparatur \
        Negara dan Reformasi Birokrasi Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025 \
        tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026 (17 libur nasional, 8 cuti bersama), \
        as reported by disdiksmg.semarangkota.go.id and pembelajaranbermaknaid.blogspot.com (November 2025). \
        TO BE CONFIRMED against the SKB's own text (Kemenko PMK) before production use.
        """

    /// The national non-working days of 2026: 17 libur nasional and 8 cuti bersama
    /// (see ``indonesia2026Source``; to be confirmed against the SKB's text).
    ///
    /// Default data for a new installation and for tests; an operator loads the year's list
    /// (and Kupang's libur daerah, unit closures) with SetNonWorkingDay or the text format.
    public static let indonesia2026: [Reporting.NonWorkingDay] = {
        let nasional: [(Int32, Int32, String)] = [
            (1, 1, "Tahun Baru 2026 Masehi"),
            (1, 16, "Isra Mikraj Nabi Muhammad S.A.W."),
            (2, 17, "Tahun Baru Imlek 2577 Kongzili"),
            (3, 19, "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
            (3, 21, "Hari Raya Idul Fitri 1447 Hijriah"),
            (3, 22, "Hari Raya Idul Fitri 1447 Hijriah"),
            (4, 3, "Wafat Yesus Kristus"),
            (4, 5, "Kebangkitan Yesus Kristus (Paskah)"),
            (5, 1, "Hari Buruh Internasional"),
            (5, 14, "Kenaikan Yesus Kristus"),
            (5, 27, "Hari Raya Idul Adha 1447 Hijriah"),
            (5, 31, "Hari Raya Waisak 2570 BE"),
            (6, 1, "Hari Lahir Pancasila"),
            (6, 16, "1 Muharam Tahun Baru Islam 1448 Hijriah"),
            (8, 17, "Proklamasi Kemerdekaan Republik Indonesia"),
            (8, 25, "Maulid Nabi Muhammad S.A.W."),
            (12, 25, "Kelahiran Yesus Kristus"),
        ]
        let cutiBersama: [(Int32, Int32, String)] = [
            (2, 16, "Cuti Bersama Tahun Baru Imlek 2577 Kongzili"),
            (3, 18, "Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)"),
            (3, 20, "Cuti Bersama Idul Fitri 1447 Hijriah"),
            (3, 23, "Cuti Bersama Idul Fitri 1447 Hijriah"),
            (3, 24, "Cuti Bersama Idul Fitri 1447 Hijriah"),
            (5, 15, "Cuti Bersama Kenaikan Yesus Kristus"),
            (5, 28, "Cuti Bersama Idul Adha 1447 Hijriah"),
            (12, 24, "Cuti Bersama Kelahiran Yesus Kristus"),
        ]
        func entry(_ day: (Int32, Int32, String), _ kind: Reporting.NonWorkingDayKind) -> Reporting.NonWorkingDay {
            var entry = Reporting.NonWorkingDay()
            entry.date = Common.Date(year: 2026, month: day.0, day: day.1)
            entry.kind = kind
            entry.name = day.2
            return entry
        }
        return (nasional.map { entry($0, .liburNasional) } + cutiBersama.map { entry($0, .cutiBersama) })
            .sorted { ($0.date?.daysSinceEpoch ?? 0) < ($1.date?.daysSinceEpoch ?? 0) }
    }()
}
