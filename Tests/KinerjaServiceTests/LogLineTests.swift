import Foundation
@testable import KinerjaService
import Logging
import Testing

@Suite("The call log's hand-written JSON line")
struct LogLineTests {
    static func parse(_ line: [UInt8]) throws -> [String: Any] {
        #expect(line.last == UInt8(ascii: "\n"), "one line")
        #expect(!line.dropLast().contains(UInt8(ascii: "\n")), "no newline inside")
        return try #require(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
    }

    @Test("keys are sorted, every value survives a JSON parser, slashes are not escaped")
    func sortedAndParsable() throws {
        let line = LogLine.json([("ts", .string("t")), ("msg", .string("call")), ("method", .string("/kinerja.identity.v1.IdentityService/WhoAmI")),
                                 ("duration_ms", .stringConvertible(1.5)), ("list", .array([.string("a"), .string("b")])),
                                 ("map", .dictionary(["z": .string("1"), "a": .string("2")]))])
        let text = String(decoding: line, as: UTF8.self)
        #expect(text == #"{"duration_ms":"1.5","list":["a","b"],"map":{"a":"2","z":"1"},"method":"/kinerja.identity.v1.IdentityService/WhoAmI","msg":"call","ts":"t"}"# + "\n")
        let object = try Self.parse(line)
        #expect(object["method"] as? String == "/kinerja.identity.v1.IdentityService/WhoAmI")
    }

    @Test("the handler's own keys merge into the metadata's order and win over metadata of the same name")
    func fixedKeysWin() {
        let line = LogLine.json(fixed: [("level", "info"), ("msg", "call"), ("service", "kinerja-identity"), ("ts", "T")],
                                metadata: ["zz": "2", "msg": "spoofed", "a": "1", "method": "/m", "ts": "spoofed"])
        #expect(String(decoding: line, as: UTF8.self)
            == #"{"a":"1","level":"info","method":"/m","msg":"call","service":"kinerja-identity","ts":"T","zz":"2"}"# + "\n")
        #expect(String(decoding: LogLine.json(fixed: [("level", "info")], metadata: [:]), as: UTF8.self) == #"{"level":"info"}"# + "\n")
    }

    @Test("the call line written directly is the line the handler makes of the call log's metadata")
    func callLineMatchesHandler() throws {
        let direct = String(decoding: LogLine.callLine(service: "kinerja-identity", requestID: "r-\"1", method: "/kinerja.identity.v1.IdentityService/WhoAmI",
                                                       principal: "user:5b3205e92510", status: "OK", durationMilliseconds: "45.97"), as: UTF8.self)
        let timestamp = try #require(direct.range(of: #""ts":""#).map { String(direct[$0.upperBound...].prefix(24)) })
        let viaHandler = String(decoding: LogLine.json(
            fixed: [("level", "info"), ("msg", "call"), ("service", "kinerja-identity"), ("ts", timestamp)],
            metadata: ["request_id": "r-\"1", "method": "/kinerja.identity.v1.IdentityService/WhoAmI", "principal": "user:5b3205e92510",
                       "status": "OK", "duration_ms": "45.97"]), as: UTF8.self)
        #expect(direct == viaHandler)
    }

    @Test("quotes, backslashes, control characters and non-ASCII text round-trip through a JSON parser")
    func escaping() throws {
        let hostile = "a\"b\\c\nd\re\tf\u{0}g\u{1F}h\u{7F}i — Kupang ✓ \u{202E}"
        let object = try Self.parse(LogLine.json([("error", .string(hostile)), ("x\"y", .string("k"))]))
        #expect(object["error"] as? String == hostile)
        #expect(object["x\"y"] as? String == "k")
    }

    @Test("the timestamp is UTC to the millisecond, zero-padded")
    func timestamp() {
        #expect(LogLine.timestamp(seconds: 0, milliseconds: 0) == "1970-01-01T00:00:00.000Z")
        #expect(LogLine.timestamp(seconds: 1_796_018_698, milliseconds: 5) == "2026-11-30T06:04:58.005Z")
        #expect(LogLine.timestamp(seconds: 1_798_761_599, milliseconds: 999) == "2026-12-31T23:59:59.999Z")
        let now = LogLine.timestamp()
        #expect(now.count == 24 && now.hasSuffix("Z") && now.hasPrefix("20"))
    }
}

@Suite("The call log's duration")
struct CallLogDurationTests {
    @Test("milliseconds to the hundredth, truncated, zero-padded")
    func milliseconds() {
        #expect(CallLogInterceptor.milliseconds(.microseconds(45_978)) == "45.97")
        #expect(CallLogInterceptor.milliseconds(.microseconds(20)) == "0.02")
        #expect(CallLogInterceptor.milliseconds(.microseconds(1_500)) == "1.50")
        #expect(CallLogInterceptor.milliseconds(.seconds(6) + .microseconds(740)) == "6000.74")
        #expect(CallLogInterceptor.milliseconds(.zero) == "0.00")
    }
}
