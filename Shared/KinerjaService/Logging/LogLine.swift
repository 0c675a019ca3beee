#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
public import Logging

/// One log event as a line of bytes, written by hand: a call's log line is on every request's
/// path, and `JSONSerialization` with a `Date` format style cost more than the rest of the
/// runtime's bookkeeping together (issue 17). The output is the same JSON object as before —
/// keys sorted, slashes unescaped, UTF-8 as is — with the timestamp in UTC to the millisecond
/// (`2026-11-29T06:04:58.385Z`).
enum LogLine {
    /// `{"key":value,…}` with the keys sorted: `fixed` (the handler's own keys, sorted by the
    /// caller; they win over metadata of the same name) merged with `metadata`'s.
    static func json(fixed: [(key: String, value: String)], metadata: Logger.Metadata) -> [UInt8] {
        let extra = metadata.sorted { $0.key < $1.key }
        var out: [UInt8] = []
        out.reserveCapacity(320)
        out.append(UInt8(ascii: "{"))
        var f = 0, m = 0, first = true
        func separate() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
        }
        while f < fixed.count || m < extra.count {
            if m == extra.count || (f < fixed.count && fixed[f].key <= extra[m].key) {
                if m < extra.count && extra[m].key == fixed[f].key { m += 1 }
                separate()
                appendString(fixed[f].key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendString(fixed[f].value, to: &out)
                f += 1
            } else {
                separate()
                appendString(extra[m].key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendValue(extra[m].value, to: &out)
                m += 1
            }
        }
        out.append(UInt8(ascii: "}"))
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The call log's line, its keys written in sorted order without a dictionary: the same
    /// object ``json(fixed:metadata:)`` makes of the call log's metadata.
    static func callLine(service: String, requestID: String, method: String, principal: String, status: String,
                         durationMilliseconds: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(320)
        func field(_ key: StaticString, _ value: String, last: Bool = false) {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            appendString(value, to: &out)
            out.append(last ? UInt8(ascii: "}") : UInt8(ascii: ","))
        }
        out.append(UInt8(ascii: "{"))
        field("duration_ms", durationMilliseconds)
        field("level", "info")
        field("method", method)
        field("msg", "call")
        field("principal", principal)
        field("request_id", requestID)
        field("service", service)
        field("status", status)
        field("ts", timestamp(), last: true)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The same for a list of fields (tests, nested use).
    static func json(_ fields: [(key: String, value: Logger.Metadata.Value)]) -> [UInt8] {
        var metadata: Logger.Metadata = [:]
        for field in fields { metadata[field.key] = field.value }
        return json(fixed: [], metadata: metadata)
    }

    static func appendValue(_ value: Logger.Metadata.Value, to out: inout [UInt8]) {
        switch value {
        case .string(let s): appendString(s, to: &out)
        case .stringConvertible(let c): appendString(c.description, to: &out)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendValue(item, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .dictionary(let dictionary):
            out.append(UInt8(ascii: "{"))
            for (index, key) in dictionary.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                appendValue(dictionary[key]!, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// A JSON string: `"` and `\` escaped, control characters as `\n`, `\t`, … or `\u00XX`.
    /// Text with nothing to escape (nearly every value) is copied in one go.
    static func appendString(_ string: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            if !bytes.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes { appendEscaped(byte, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
        case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
        case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
        case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
        case 0x00..<0x20, 0x7F:
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 0xF)])
        default: out.append(byte)
        }
    }

    /// Now, in UTC to the millisecond: `2026-11-29T06:04:58.385Z`.
    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return timestamp(seconds: Int(now.tv_sec), milliseconds: Int(now.tv_nsec) / 1_000_000)
    }

    /// `seconds` since 1970 and `milliseconds` as an ISO 8601 UTC time.
    static func timestamp(seconds: Int, milliseconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        var out: [UInt8] = []
        out.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(Int(parts.tm_year) + 1900, 4); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, 2); out.append(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), 2); out.append(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), 2); out.append(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), 2); out.append(UInt8(ascii: "."))
        digits(milliseconds, 3); out.append(UInt8(ascii: "Z"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes `bytes` to standard error whole (a short write is continued; EINTR retried).
    static func writeToStandardError(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 { offset += written } else if written < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
