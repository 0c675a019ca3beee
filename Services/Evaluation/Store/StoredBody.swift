import Foundation
import GRDB
import KinerjaProto

/// The `body` column every evaluation table has: the record as its contract message.
enum StoredBody {
    /// The message in `row`'s `column` (default `body`).
    static func decode<M: ProtoMessage>(_ type: M.Type, _ row: Row, column: String = "body") throws -> M {
        try M(serializedBytes: Array(row[column] as Data))
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

/// How the store files a span: one sortable text per period (`2026-M03`, `2026-Q1`, `2026-S1`, `2026-Y`).
enum SpanKey {
    static func of(_ span: Evaluation.EvaluationSpan) -> String {
        switch span.kind {
        case .monthly: String(format: "%d-M%02d", span.year, span.number)
        case .quarterly: "\(span.year)-Q\(span.number)"
        case .semester: "\(span.year)-S\(span.number)"
        default: "\(span.year)-Y"
        }
    }
}

extension Array {
    /// The array in consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
