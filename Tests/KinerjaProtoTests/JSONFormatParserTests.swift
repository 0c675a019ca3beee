import Testing
@testable import KinerjaProto

/// `init(jsonString:)` reads the proto3 JSON mapping: the inverse of `jsonString()`, with errors
/// that name the field.
@Suite("Proto3 JSON parsing")
struct JSONFormatParserTests {
    /// A fixed sample (the same seeds every run), sized for `make test`'s time budget: the codec's
    /// coverage-guided fuzzer (Fuzz/, target `codec`) explores beyond it, and its corpus is replayed
    /// by KinerjaFuzzReplayTests.
    static let casesPerType = 10
    static let seed: UInt64 = 0x5041_5253  // "PARS"

    private func roundTrip<M: ArbitraryMessage>(_ type: M.Type, seed: UInt64, mode: Gen.Mode) {
        var g = Gen(seed: seed, mode: mode)
        for index in 0..<Self.casesPerType {
            let value = M.arbitrary(&g)
            // The indented form differs only in whitespace: a few cases of it are enough.
            for pretty in index < 4 ? [false, true] : [false] {
                let json = value.jsonString(pretty: pretty)
                do {
                    let parsed = try M(jsonString: json)
                    #expect(parsed == value, "\(M.protoName) case \(index) (seed \(seed)) changed through JSON:\n\(json)")
                    if parsed != value { return }
                } catch {
                    Issue.record("\(M.protoName) case \(index) (seed \(seed)): \(error)\n\(json)")
                    return
                }
            }
        }
    }

    @Test("every message type prints to JSON and parses back to the same value (random and fully populated values)")
    func everyTypeRoundTrips() {
        for (offset, type) in arbitraryMessageTypes.enumerated() {
            roundTrip(type, seed: Self.seed &+ UInt64(offset), mode: .random)
            roundTrip(type, seed: Self.seed &+ 1_000 &+ UInt64(offset), mode: .populated)
        }
    }

    @Test("a field is found by its JSON name or its proto name; null means not set")
    func fieldNames() throws {
        let camel = try Common.AuditEvent(jsonString: #"{"eventId": "E1", "statusCode": 7, "at": null}"#)
        let snake = try Common.AuditEvent(jsonString: #"{"event_id": "E1", "status_code": 7}"#)
        #expect(camel == snake)
        #expect(camel.eventID == "E1")
        #expect(camel.statusCode == 7)
        #expect(camel.at == nil)
        #expect(try Common.AuditEvent(jsonString: "{}") == Common.AuditEvent())
    }

    @Test("an unknown field is refused with its name and the message type")
    func unknownField() {
        let error = #expect(throws: ProtoError.self) { try Common.Period(jsonString: #"{"year": 2026, "yaer": 2026}"#) }
        #expect(error?.code == .invalidJSON)
        #expect(error?.message == "field yaer: unknown field of kinerja.common.v1.Period")
        let nested = #expect(throws: ProtoError.self) {
            try Common.AuditEvent(jsonString: #"{"at": {"seconds": "1", "nanoseconds": 5}}"#)
        }
        #expect(nested?.message == "field at.nanoseconds: unknown field of kinerja.common.v1.Timestamp")
    }

    @Test("a value of the wrong type is refused with the field's path")
    func wrongType() {
        func message(_ json: String) -> String? {
            (#expect(throws: ProtoError.self) { try Common.AuditEvent(jsonString: json) })?.message
        }
        #expect(message(#"{"statusCode": "seven"}"#) == "field statusCode: \"seven\" is not an integer (uint32)")
        #expect(message(#"{"statusCode": -1}"#) == "field statusCode: -1 is out of range for uint32")
        #expect(message(#"{"statusCode": 1.5}"#) == "field statusCode: 1.5 is not an integer (uint32)")
        #expect(message(#"{"statusCode": true}"#) == "field statusCode: expected an integer (uint32), got true")
        #expect(message(#"{"action": 5}"#) == "field action: expected a string, got the number 5")
        #expect(message(#"{"at": "2026-01-01"}"#) == "field at: expected an object for kinerja.common.v1.Timestamp, got a string")
        #expect(message(#"{"at": {"seconds": {}}}"#) == "field at.seconds: expected an integer (int64), got an object")
        #expect(message(#"{"outcome": "OK"}"#) == "field outcome: \"OK\" is not a value of kinerja.common.v1.AuditOutcome")
        #expect(message(#"{"prevHash": "not base64!"}"#) == "field prevHash: \"not base64!\" is not base64")
        #expect(message(#"{"eventId": "a", "event_id": "b"}"#) == "field event_id: given twice (also as \"eventId\")")
    }

    @Test("enums are read by name or by number, unknown numbers included (proto3 enums are open)")
    func enums() throws {
        #expect(try Common.Period(jsonString: #"{"kind": "PERIOD_KIND_MONTHLY"}"#).kind == .monthly)
        #expect(try Common.Period(jsonString: #"{"kind": 3}"#).kind == .annual)
        #expect(try Common.Period(jsonString: #"{"kind": 77}"#).kind == .unrecognized(77))
        #expect(throws: ProtoError.self) { try Common.Period(jsonString: #"{"kind": "MONTHLY"}"#) }
    }

    @Test("64-bit integers are read from strings and from numbers, exactly")
    func sixtyFourBit() throws {
        #expect(try Common.Timestamp(jsonString: #"{"seconds": "-9223372036854775808"}"#).seconds == .min)
        #expect(try Common.Timestamp(jsonString: #"{"seconds": 9223372036854775807}"#).seconds == .max)
        #expect(try Common.AuditEvent(jsonString: #"{"sequence": "18446744073709551615"}"#).sequence == .max)
        #expect(try Common.AuditEvent(jsonString: #"{"sequence": 1e3}"#).sequence == 1000)
        let tooBig = #expect(throws: ProtoError.self) { try Common.AuditEvent(jsonString: #"{"sequence": "18446744073709551616"}"#) }
        #expect(tooBig?.message == "field sequence: 18446744073709551616 is out of range for uint64")
        #expect(throws: ProtoError.self) { try Common.Timestamp(jsonString: #"{"seconds": " 12"}"#) }
        #expect(throws: ProtoError.self) { try Common.Timestamp(jsonString: #"{"seconds": "+12"}"#) }
    }

    @Test("bytes are standard or URL-safe base64, with or without padding")
    func bytes() throws {
        let expected: [UInt8] = [0xFB, 0xFF, 0x01]
        for text in ["+/8B", "-_8B"] {
            #expect(try Common.AuditEvent(jsonString: "{\"hash\": \"\(text)\"}").hash == expected)
        }
        #expect(try Common.AuditEvent(jsonString: #"{"hash": "AQI="}"#).hash == [1, 2])
        #expect(try Common.AuditEvent(jsonString: #"{"hash": "AQI"}"#).hash == [1, 2])
        #expect(throws: ProtoError.self) { try Common.AuditEvent(jsonString: #"{"hash": "A"}"#) }
    }

    @Test("floats accept numbers, numeric strings and the three special names")
    func floats() throws {
        #expect(try Common.Quantity(jsonString: #"{"value": 12.5}"#).value == 12.5)
        #expect(try Common.Quantity(jsonString: #"{"value": "1e3"}"#).value == 1000)
        #expect(try Common.Quantity(jsonString: #"{"value": "-Infinity"}"#).value == -.infinity)
        #expect(try Common.Quantity(jsonString: #"{"value": "NaN"}"#).value.isNaN)
        let tooBig = #expect(throws: ProtoError.self) { try Common.Quantity(jsonString: #"{"value": 1e400}"#) }
        #expect(tooBig?.message == "field value: 1e400 is out of range for double")
    }

    @Test("nested messages and repeated fields, with the element's index in errors")
    func nestedAndRepeated() throws {
        let mask = try Common.FieldMask(jsonString: #"{"paths": ["full_name", "unit_id"]}"#)
        #expect(mask.paths == ["full_name", "unit_id"])
        #expect(try Common.FieldMask(jsonString: #"{"paths": []}"#).paths.isEmpty)
        #expect(try Common.FieldMask(jsonString: #"{"paths": null}"#).paths.isEmpty)
        let element = #expect(throws: ProtoError.self) { try Common.FieldMask(jsonString: #"{"paths": ["a", 2]}"#) }
        #expect(element?.message == "field paths[1]: expected a string, got the number 2")
        let null = #expect(throws: ProtoError.self) { try Common.FieldMask(jsonString: #"{"paths": ["a", null]}"#) }
        #expect(null?.message == "field paths[1]: null is not allowed in a repeated field")
        let notArray = #expect(throws: ProtoError.self) { try Common.FieldMask(jsonString: #"{"paths": "a"}"#) }
        #expect(notArray?.message == "field paths: expected an array, got a string")
        let event = try Common.AuditEvent(jsonString: #"{"at": {"seconds": "1767225600", "nanos": 5}}"#)
        #expect(event.at == Common.Timestamp(seconds: 1_767_225_600, nanos: 5))
    }

    @Test("one member of a oneof is set even at its default; two members are refused")
    func oneof() throws {
        let detail = try RPC.StatusDetail(jsonString: #"{"retryInfo": {}}"#)
        #expect(detail.detail == .retryInfo(RPC.RetryInfo()))
        #expect(try RPC.StatusDetail(jsonString: #"{"retryInfo": null}"#).detail == nil)
        let two = #expect(throws: ProtoError.self) {
            try RPC.StatusDetail(jsonString: #"{"retryInfo": {"retryDelayMs": "5"}, "errorInfo": {}}"#)
        }
        #expect(two?.message == "field errorInfo: \"retryInfo\" of the same oneof is already set; give at most one")
    }

    @Test("text that is not JSON is refused with the byte offset; a string with U+0000 names its field")
    func notJSON() {
        let trailing = #expect(throws: ProtoError.self) { try Common.Period(jsonString: #"{"year": 2026,}"#) }
        #expect(trailing?.message == "not JSON at byte 14: expected a member name in double quotes")
        #expect(throws: ProtoError.self) { try Common.Period(jsonString: "[]") }
        #expect(throws: ProtoError.self) { try Common.Period(jsonString: "") }
        #expect(throws: ProtoError.self) { try Common.Period(jsonString: #"{"year": 01}"#) }
        #expect(throws: ProtoError.self) { try Common.FieldMask(jsonString: #"{"paths": ["\ud800"]}"#) }
        let nul = #expect(throws: ProtoError.self) { try Common.FieldMask(jsonString: #"{"paths": ["a\u0000b"]}"#) }
        #expect(nul?.code == .stringContainsNUL)
        #expect(nul?.message.contains("paths[0]") == true)
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: ProtoError.self) { try Common.FieldMask(jsonString: deep) }
    }

    @Test("escapes and non-ASCII text survive: surrogate pairs, \\/, control characters")
    func strings() throws {
        let mask = try Common.FieldMask(jsonString: #"{"paths": ["\ud83d\udc4d \/ \u00e9\n", "Kupang ré"]}"#)
        #expect(mask.paths == ["👍 / é\n", "Kupang ré"])
    }
}
