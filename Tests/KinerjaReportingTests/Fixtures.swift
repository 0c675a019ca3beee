import Foundation
import KinerjaASN
import KinerjaProto
import KinerjaReporting
import Testing

/// The Dukcapil example of DOMAIN.md: an approved 2026 SKP of a pelaksana at Dinas
/// Kependudukan dan Pencatatan Sipil, and the instants and calendar the tests need.
enum Fixtures {
    static let nip = "198503142010012003"
    static let atasan = "197802102005011004"
    static let otherNIP = "199001012015032001"

    static func day(_ month: Int32, _ day: Int32, _ year: Int32 = 2026) -> Common.Date {
        Common.Date(year: year, month: month, day: day)
    }

    /// The instant `hour:minute` WITA on the WITA day `date`.
    static func wita(_ date: Common.Date, _ hour: Int = 10, _ minute: Int = 0) -> Date {
        let start = Wita.startOfDay(date) ?? Date(timeIntervalSince1970: 0)
        return start.addingTimeInterval(TimeInterval(hour * 3600 + minute * 60))
    }

    /// Tuesday 10 March 2026, 10:00 WITA.
    static let now = wita(day(3, 10))

    static let countIki = Planning.Iki(
        ikiID: "iki-ktp", rhkID: "rhk-ktp", aspek: .kuantitas, indicator: "Jumlah KTP-el diterbitkan",
        annualTarget: Planning.Target(value: 1200, unit: "dokumen", direction: .higherIsBetter),
        periodicTargets: (1...4).map { Planning.PeriodicTarget(period: .init(year: 2026, kind: .quarterly, triwulan: .init(rawValue: Int32($0))), value: 300) },
        position: 1, aggregation: .sum)
    static let timeIki = Planning.Iki(
        ikiID: "iki-waktu", rhkID: "rhk-ktp", aspek: .waktu, indicator: "Rata-rata waktu penerbitan KTP-el",
        annualTarget: Planning.Target(value: 3, unit: "hari", direction: .lowerIsBetter), position: 2, aggregation: .average)
    static let qualityIki = Planning.Iki(
        ikiID: "iki-akurasi", rhkID: "rhk-ktp", aspek: .kualitas, indicator: "Persentase KTP-el tanpa kesalahan data",
        annualTarget: Planning.Target(value: 95, unit: "persen", direction: .higherIsBetter), position: 3, aggregation: .average)
    static let extraIki = Planning.Iki(
        ikiID: "iki-sosialisasi", rhkID: "rhk-sosialisasi", aspek: .kuantitas, indicator: "Jumlah kegiatan sosialisasi adminduk",
        annualTarget: Planning.Target(value: 12, unit: "kegiatan", direction: .higherIsBetter), position: 1, aggregation: .sum)

    static let skp = Planning.Skp(
        skpID: "skp-2026", version: 2, nip: nip, year: 2026, periodStart: day(1, 1), periodEnd: day(12, 31), approach: .kuantitatif,
        unitID: "dukcapil", atasanNIP: atasan,
        rhks: [
            Planning.Rhk(rhkID: "rhk-ktp", kind: .utama, text: "Terlayaninya penerbitan KTP-el tepat waktu", ikis: [countIki, timeIki, qualityIki], position: 1),
            Planning.Rhk(rhkID: "rhk-sosialisasi", kind: .tambahan, text: "Terlaksananya sosialisasi administrasi kependudukan", ikis: [extraIki], position: 2),
        ],
        state: .disetujui)

    static var skpInForce: SkpInForce {
        guard let skp = SkpInForce(skp) else { fatalError("fixture SKP has valid covered days") }
        return skp
    }

    static let calendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026)

    static func draft(_ date: Common.Date = day(3, 10), iki: String = "iki-ktp", rhk: String = "rhk-ktp", value: Double = 45,
                      description: String = "Menerbitkan 45 KTP-el di loket Dukcapil", minutes: UInt32 = 240,
                      evidence: [Common.EvidenceLink] = []) -> Reporting.DailyReportDraft {
        Reporting.DailyReportDraft(reportDate: date, rhkID: rhk, ikiID: iki, realisationValue: value, description: description,
                                   evidence: evidence, durationMinutes: minutes)
    }

    static func context(now: Date = Fixtures.now, policy: EffectivePolicy = EffectivePolicy(), skp: SkpInForce? = Fixtures.skpInForce,
                        locks: PeriodLockSet = PeriodLockSet(), usage: DayUsage = DayUsage()) -> SubmissionContext {
        SubmissionContext(nip: nip, now: now, policy: policy, skp: skp, locks: locks, dayUsage: usage)
    }

    static func link(_ byte: UInt8, uri: String? = nil) -> Common.EvidenceLink {
        let hash = [UInt8](repeating: byte, count: 32)
        return Common.EvidenceLink(uri: uri ?? "https://arsip.kupangkota.go.id/dukcapil/rekap-\(byte).pdf", sha256: hash, title: "Rekap KTP-el",
                                   mediaType: "application/pdf")
    }

    static func lock(_ period: Common.Period, nips: [String] = [nip], id: String = "01JEVALQ1") -> Reporting.PeriodLock {
        Reporting.PeriodLock(lockID: id, period: period, nips: nips, reason: "evaluasi difinalisasi")
    }

    static let q1 = Common.Period(year: 2026, kind: .quarterly, triwulan: .i)
    static let q2 = Common.Period(year: 2026, kind: .quarterly, triwulan: .ii)
    static let march = Common.Period(year: 2026, kind: .monthly, month: 3)

    /// The ``ReportingError`` `body` throws; nil when it throws none (any other error is a test failure).
    static func error<T: ~Copyable>(_ body: () throws -> T) -> ReportingError? {
        do {
            _ = try body()
            return nil
        } catch let error as ReportingError {
            return error
        } catch {
            Issue.record("expected a ReportingError, got \(error)")
            return nil
        }
    }
}
