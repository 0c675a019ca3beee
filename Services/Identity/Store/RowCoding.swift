import GRDB
import KinerjaService
import KinerjaProto
import Foundation

/// Conversions between stored columns and wire values shared by the identity tables.
enum RowCoding {
    /// `YYYY-MM-DD` for a date (the store's date format: sortable text).
    static func text(_ date: Common.Date?) -> String? {
        guard let date else { return nil }
        let (year, month, day) = (date.year, date.month, date.day)
        // Written digit by digit: Foundation's String(format:) was a tenth of an import's CPU.
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            return String(format: "%04d-%02d-%02d", year, month, day)
        }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            func put(_ value: Int32, _ width: Int, at start: Int) {
                var rest = value
                for index in stride(from: start + width - 1, through: start, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            return 10
        }
    }

    /// The date of `YYYY-MM-DD` text.
    static func date(_ text: String?) -> Common.Date? {
        guard let text else { return nil }
        let parts = text.split(separator: "-").compactMap { Int32($0) }
        guard parts.count == 3 else { return nil }
        return Common.Date(year: parts[0], month: parts[1], day: parts[2])
    }

    /// Seconds since the epoch as a wire timestamp.
    static func timestamp(_ seconds: Int64?) -> Common.Timestamp? {
        seconds.map { Common.Timestamp(seconds: $0, nanos: 0) }
    }

    /// An audit stamp from three columns `<prefix>_by`, `<prefix>_kind`, `<prefix>_at`.
    static func stamp(_ row: Row, _ prefix: String) -> Common.AuditStamp? {
        guard let by = row["\(prefix)_by"] as String?, let at = row["\(prefix)_at"] as Int64? else { return nil }
        return Common.AuditStamp(principal: by, principalKind: Common.PrincipalKind(rawValue: row["\(prefix)_kind"] ?? 0),
                                 at: Common.Timestamp(seconds: at, nanos: 0))
    }

    /// An audit stamp from three columns `by`, `kind`, `at` that start at `index`.
    static func stamp(_ row: Row, at index: Int) -> Common.AuditStamp? {
        guard let by = row[index] as String?, let at = row[index + 2] as Int64? else { return nil }
        return Common.AuditStamp(principal: by, principalKind: Common.PrincipalKind(rawValue: row[index + 1] ?? 0),
                                 at: Common.Timestamp(seconds: at, nanos: 0))
    }

    /// Unit ids stored as a comma-separated list.
    static func ids(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }
}

/// Who changes something and when (the shared write path's actor).
typealias Actor = ChangeActor
