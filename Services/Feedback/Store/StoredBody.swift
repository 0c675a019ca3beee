import Foundation
import GRDB
import KinerjaProto

/// The `body` column every feedback table has: the record as its contract message.
enum StoredBody {
    /// The message in `row`'s `body`.
    static func decode<M: ProtoMessage>(_ type: M.Type, _ row: Row) throws -> M {
        try M(serializedBytes: Array(row["body"] as Data))
    }

    /// The bytes to store for `message`.
    static func encode(_ message: some ProtoMessage) throws -> Data {
        Data(try message.serializedBytes())
    }

    /// `?, ?, …` for `count` values.
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }
}

/// Keys the store files periods and days under.
enum StoreKeys {
    /// A period as one sortable text: `2026`, `2026-Q2`, `2026-M07`.
    static func period(_ period: Common.Period) -> String {
        switch period.kind {
        case .quarterly: return "\(period.year)-Q\(period.triwulan.rawValue)"
        case .monthly: return String(format: "%d-M%02d", period.year, period.month)
        default: return "\(period.year)"
        }
    }

    /// A WITA day as stored (`YYYY-MM-DD`, sorts as days do).
    static func day(_ date: Common.Date?) -> String {
        date?.isoString ?? ""
    }
}
