public import KinerjaProto
import KinerjaASN

/// Competence development (pengembangan kompetensi) and the yearly minimum of PP 17/2020 art. 203:
/// every PNS takes part in at least 20 jam pelajaran (JP, 45 minutes) a year. A record counts in
/// the year of its end date. The rules are values: what a record must hold, and who has a need.
public enum CompetenceDevelopmentRules {
    /// JP a year every PNS is to reach (PP 17/2020 art. 203 ayat 4).
    public static let minimumJP: UInt32 = 20
    /// JP of one record: a whole-year education counted by the agency stays below this.
    public static let jpRange: ClosedRange<UInt32> = 1...1000
    public static let titleMaximum = 300
    public static let organiserMaximum = 200
    public static let certificateMaximum = 100
    /// The predikat that signal a need (SE MenPANRB 3/2023: Butuh Perbaikan and below lead to development).
    public static let needingPredikat: Set<Common.Predikat> = [.butuhPerbaikan, .kurang, .sangatKurang]

    /// What is wrong with `record` as submitted on `today` (WITA), each as (field, description),
    /// fields named under `development.`; empty when it may be stored.
    public static func violations(of record: Evaluation.CompetenceDevelopment, today: Common.Date) -> [(field: String, description: String)] {
        var found: [(String, String)] = []
        func text(_ value: String, _ field: String, max: Int, optional: Bool = false) {
            let length = value.trimmed.count
            if length == 0 && !optional { found.append((field, "is required")) }
            if length > max { found.append((field, "must be at most \(max) characters, got \(length)")) }
        }
        text(record.title, "development.title", max: titleMaximum)
        if !Evaluation.CompetenceDevelopmentKind.known.contains(record.kind) {
            found.append(("development.kind", "must be PENDIDIKAN, PELATIHAN_KLASIKAL or PELATIHAN_NONKLASIKAL"))
        }
        let start = day(record.startDate, "development.start_date", &found)
        let end = day(record.endDate, "development.end_date", &found)
        if let start, let end {
            if end < start { found.append(("development.end_date", "must be on or after start_date")) }
        }
        if let end, let todayNumber = today.daysSinceEpoch, end > todayNumber {
            found.append(("development.end_date", "must not be after today (\(today.year)-\(today.month)-\(today.day)): record an activity once it has ended"))
        }
        if !jpRange.contains(record.jp) { found.append(("development.jp", "must be \(jpRange.lowerBound)–\(jpRange.upperBound) JP, got \(record.jp)")) }
        text(record.organiser, "development.organiser", max: organiserMaximum)
        text(record.certificateNumber, "development.certificate_number", max: certificateMaximum, optional: true)
        return found
    }

    /// The day number of a required date in 2000–2100, or nil with a violation.
    private static func day(_ date: Common.Date?, _ field: String, _ found: inout [(String, String)]) -> Int? {
        guard let date else { found.append((field, "is required")); return nil }
        guard date.isValid, (2000...2100).contains(date.year), let number = date.daysSinceEpoch else {
            found.append((field, "must be a real day in 2000–2100, got \(date.year)-\(date.month)-\(date.day)"))
            return nil
        }
        return number
    }

    /// The record as stored: texts trimmed.
    public static func normalised(_ record: Evaluation.CompetenceDevelopment) -> Evaluation.CompetenceDevelopment {
        var record = record
        record.title = record.title.trimmed
        record.organiser = record.organiser.trimmed
        record.certificateNumber = record.certificateNumber.trimmed
        return record
    }

    /// End date, then start date, then id.
    public static func chronological(_ a: Evaluation.CompetenceDevelopment, _ b: Evaluation.CompetenceDevelopment) -> Bool {
        let keyA = (a.endDate?.daysSinceEpoch ?? 0, a.startDate?.daysSinceEpoch ?? 0, a.recordID)
        let keyB = (b.endDate?.daysSinceEpoch ?? 0, b.startDate?.daysSinceEpoch ?? 0, b.recordID)
        return keyA < keyB
    }

    /// The needs of one employee: PREDIKAT when a finalised evaluation of the year is Butuh
    /// Perbaikan or below, BELOW_MINIMUM_JP when the year's JP are under the minimum.
    public static func needs(findings: Int, totalJP: UInt32) -> [String] {
        var needs: [String] = []
        if findings > 0 { needs.append("PREDIKAT") }
        if totalJP < minimumJP { needs.append("BELOW_MINIMUM_JP") }
        return needs
    }
}

extension Evaluation.CompetenceDevelopmentKind {
    /// The kinds a record may have.
    public static let known: [Evaluation.CompetenceDevelopmentKind] = [.pendidikan, .pelatihanKlasikal, .pelatihanNonklasikal]
}
