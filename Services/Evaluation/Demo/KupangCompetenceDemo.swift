import KinerjaASN
import KinerjaDemo
import KinerjaProto

/// The demo's competence development records (pengembangan kompetensi) for the year, from a seed:
/// most employees reach the 20 JP of PP 17/2020 with one to three activities, about a quarter stay
/// below it, a few have none — so `eval development-needs` has something to show. Every activity
/// ended before `today`. Pure: the same seed and people give the same records.
struct KupangCompetenceDemo {
    let seed: UInt64

    /// The activities Kupang's ASN take part in: title, organiser, kind, JP.
    static let catalogue: [(title: String, organiser: String, kind: Evaluation.CompetenceDevelopmentKind, jp: UInt32)] = [
        ("Pelatihan Kepemimpinan Pengawas", "BPSDM Provinsi NTT", .pelatihanKlasikal, 24),
        ("Bimbingan Teknis Penyusunan SKP dan Manajemen Kinerja", "BKPSDM Kota Kupang", .pelatihanKlasikal, 16),
        ("Pelatihan Pelayanan Publik Prima", "BPSDM Provinsi NTT", .pelatihanKlasikal, 12),
        ("E-learning Literasi Digital ASN", "LAN RI (ASN Unggul)", .pelatihanNonklasikal, 8),
        ("Coaching Manajemen Kinerja oleh Atasan", "Pemerintah Kota Kupang", .pelatihanNonklasikal, 4),
        ("Webinar Keterbukaan Informasi Publik", "Kominfo Kota Kupang", .pelatihanNonklasikal, 3),
        ("Pelatihan Pengadaan Barang/Jasa Tingkat Dasar", "LKPP", .pelatihanKlasikal, 30),
        ("Magang Pelayanan Terpadu Satu Pintu", "DPMPTSP Provinsi NTT", .pelatihanNonklasikal, 10),
    ]

    /// The records of `people` in `year`, recorded by `recorder`; ids from `newID`.
    func records(for people: [Common.EmployeeRef], year: Int32, today: Common.Date, recorder: Common.AuditStamp,
                 newID: () -> String) -> [Evaluation.CompetenceDevelopment] {
        // The last day an activity may have ended: yesterday in the current year, 20 December in a past one.
        let lastDay: Int
        if year < today.year {
            lastDay = Common.Date(year: year, month: 12, day: 20).daysSinceEpoch ?? 0
        } else {
            lastDay = (today.daysSinceEpoch ?? 1) - 1
        }
        guard let firstDay = Common.Date(year: year, month: 1, day: 8).daysSinceEpoch, lastDay > firstDay + 7 else { return [] }
        var records: [Evaluation.CompetenceDevelopment] = []
        for person in people {
            var random = SeededRandom(seed: seed, salt: "competence:\(person.nip):\(year)")
            // 0: none (5 %), 1: below the minimum (20 %), 2: reaches it (75 %).
            let roll = random.next() % 100
            let wanted: UInt32 = roll < 5 ? 0 : roll < 25 ? 4 + UInt32(random.next() % 12) : 20 + UInt32(random.next() % 30)
            var total: UInt32 = 0
            var attempts = 0
            while total < wanted && attempts < 6 {
                attempts += 1
                let activity = Self.catalogue[Int(random.next() % UInt64(Self.catalogue.count))]
                let jp = min(activity.jp, max(wanted - total, roll < 25 ? 1 : activity.jp))
                let length = max(1, Int(jp / 8))
                let end = firstDay + Int(random.next() % UInt64(lastDay - firstDay))
                guard let endDate = Common.Date(daysSinceEpoch: end), let startDate = Common.Date(daysSinceEpoch: end - length + 1) else { continue }
                var record = Evaluation.CompetenceDevelopment()
                record.recordID = newID()
                record.employee = person
                record.title = activity.title
                record.kind = activity.kind
                record.startDate = startDate
                record.endDate = endDate
                record.jp = jp
                record.organiser = activity.organiser
                record.certificateNumber = "\(year)/\(person.nip.suffix(4))/\(attempts)"
                record.recorded = recorder
                records.append(record)
                total += jp
            }
        }
        return records
    }
}
