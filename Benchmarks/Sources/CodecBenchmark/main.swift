// Codec benchmark (issue 4): encode + decode per second of three representative messages,
// KinerjaProto (libprotobuf-c behind generated Swift types) against swift-protobuf 1.39.0.
//
//   CodecBenchmark [--duration S] [--repeats N] [--json]
//   CodecBenchmark --count N --only employee|skp_10_rhk|report_page_100 --library ours|swift-protobuf
//
// The second form runs exactly N operations and nothing else, for instruction counts under
// valgrind (see codec-instructions.sh): on a shared 2-core machine they are the stable figure.
//
// One operation = encode the message to bytes, then decode those bytes into a new value.
// Both fixtures hold the same values: the start-up check decodes KinerjaProto's bytes with
// swift-protobuf and compares them with swift-protobuf's own value.
#if KINERJA_PROTO_IDENTITY
import KinerjaProto
#endif
import SwiftProtobuf
import SwiftProtobufContract
#if canImport(Glibc)
import Glibc
#endif

var duration = 2.0
var repeats = 3
var json = false
var count: Int?
var only: String?
var library: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--duration": duration = arguments.popFirst().flatMap(Double.init) ?? duration
    case "--repeats": repeats = arguments.popFirst().flatMap(Int.init) ?? repeats
    case "--json": json = true
    case "--count": count = arguments.popFirst().flatMap(Int.init)
    case "--only": only = arguments.popFirst()
    case "--library": library = arguments.popFirst()
    default:
        print("""
            usage: CodecBenchmark [--duration S] [--repeats N] [--json]
                   CodecBenchmark --count N --only MESSAGE --library ours|swift-protobuf
            """)
        exit(2)
    }
}

if let count {
    try runCount(count, message: only ?? "employee", library: library ?? "ours")
    exit(0)
}

/// Exactly `count` encode + decode operations of one message with one library.
func runCount(_ count: Int, message: String, library: String) throws {
    func loop<M: SwiftProtobuf.Message>(_ value: M) throws {
        for _ in 0..<count {
            let encoded: [UInt8] = try value.serializedBytes()
            let decoded = try M(serializedBytes: encoded)
            withExtendedLifetime(decoded) { consume(encoded.count) }
        }
    }
    #if KINERJA_PROTO_IDENTITY
    func loop<M: ProtoMessage>(_ value: M) throws {
        for _ in 0..<count {
            let encoded = try value.serializedBytes()
            let decoded = try M(serializedBytes: encoded)
            withExtendedLifetime(decoded) { consume(encoded.count) }
        }
    }
    #endif
    switch (message, library) {
    case ("employee", "swift-protobuf"): try loop(SwiftProtobufFixtures.employee())
    case ("skp_10_rhk", "swift-protobuf"): try loop(SwiftProtobufFixtures.skp())
    case ("report_page_100", "swift-protobuf"): try loop(SwiftProtobufFixtures.reportPage())
    #if KINERJA_PROTO_IDENTITY
    case ("employee", "ours"): try loop(KinerjaFixtures.employee())
    #endif
    #if KINERJA_PROTO_IDENTITY && KINERJA_PROTO_PLANNING
    case ("skp_10_rhk", "ours"): try loop(KinerjaFixtures.skp())
    #endif
    #if KINERJA_PROTO_IDENTITY && KINERJA_PROTO_REPORTING
    case ("report_page_100", "ours"): try loop(KinerjaFixtures.reportPage())
    #endif
    default:
        print("error: no \(library) fixture for \(message)")
        exit(2)
    }
}

struct CaseResult {
    var name: String
    var bytes: Int
    var ours: Double?
    var swiftProtobuf: Double
    var note: String?
}

/// swift-protobuf: `serializedBytes()` then `init(serializedBytes:)`.
@MainActor
func measureSwiftProtobuf<M: SwiftProtobuf.Message>(_ message: M) throws -> (Double, [UInt8]) {
    let bytes: [UInt8] = try message.serializedBytes()
    let rate = try opsPerSecond(seconds: duration, repeats: repeats) {
        let encoded: [UInt8] = try message.serializedBytes()
        let decoded = try M(serializedBytes: encoded)
        withExtendedLifetime(decoded) { consume(encoded.count) }
    }
    return (rate, bytes)
}

#if KINERJA_PROTO_IDENTITY
/// KinerjaProto: `try msg.serializedBytes()` then `try T(serializedBytes:)`; the bytes must decode
/// with swift-protobuf to the same value as the swift-protobuf fixture.
@MainActor
func measureOurs<M: ProtoMessage, Reference: SwiftProtobuf.Message & Equatable>(
    _ message: M, sameAs reference: Reference
) throws -> Double {
    let bytes = try message.serializedBytes()
    let check = try Reference(serializedBytes: bytes)
    guard check == reference else {
        print("error: \(M.protoName): KinerjaProto and swift-protobuf fixtures differ")
        exit(1)
    }
    guard try M(serializedBytes: bytes) == message else {
        print("error: \(M.protoName): KinerjaProto does not round-trip the fixture")
        exit(1)
    }
    return try opsPerSecond(seconds: duration, repeats: repeats) {
        let encoded = try message.serializedBytes()
        let decoded = try M(serializedBytes: encoded)
        withExtendedLifetime(decoded) { consume(encoded.count) }
    }
}
#endif

var results: [CaseResult] = []
let missing = "KinerjaProto has no generated Swift for this proto yet (run `make generate` in the parent)"

do {
    let reference = SwiftProtobufFixtures.employee()
    let (theirs, bytes) = try measureSwiftProtobuf(reference)
    #if KINERJA_PROTO_IDENTITY
    let ours: Double? = try measureOurs(KinerjaFixtures.employee(), sameAs: reference)
    #else
    let ours: Double? = nil
    #endif
    results.append(CaseResult(name: "employee", bytes: bytes.count, ours: ours, swiftProtobuf: theirs,
                              note: ours == nil ? missing : nil))
}
do {
    let reference = SwiftProtobufFixtures.skp()
    let (theirs, bytes) = try measureSwiftProtobuf(reference)
    #if KINERJA_PROTO_PLANNING && KINERJA_PROTO_IDENTITY
    let ours: Double? = try measureOurs(KinerjaFixtures.skp(), sameAs: reference)
    #else
    let ours: Double? = nil
    #endif
    results.append(CaseResult(name: "skp_10_rhk", bytes: bytes.count, ours: ours, swiftProtobuf: theirs,
                              note: ours == nil ? missing : nil))
}
do {
    let reference = SwiftProtobufFixtures.reportPage()
    let (theirs, bytes) = try measureSwiftProtobuf(reference)
    #if KINERJA_PROTO_REPORTING && KINERJA_PROTO_IDENTITY
    let ours: Double? = try measureOurs(KinerjaFixtures.reportPage(), sameAs: reference)
    #else
    let ours: Double? = nil
    #endif
    results.append(CaseResult(name: "report_page_100", bytes: bytes.count, ours: ours, swiftProtobuf: theirs,
                              note: ours == nil ? missing : nil))
}

func format(_ value: Double?) -> String {
    guard let value else { return "null" }
    return String(Int(value.rounded()))
}

if json {
    for result in results {
        let ratio = result.ours.map { String(Double(Int($0 / result.swiftProtobuf * 1000)) / 1000) } ?? "null"
        print("{\"codec\":\"\(result.name)\",\"bytes\":\(result.bytes),\"ours_ops_per_s\":\(format(result.ours)),"
              + "\"swift_protobuf_ops_per_s\":\(format(result.swiftProtobuf)),\"ratio\":\(ratio)}")
    }
} else {
    print("codec: encode + decode per second (median of \(repeats) × \(duration) s)")
    print("message            bytes      KinerjaProto   swift-protobuf   ours/swift-protobuf")
    for result in results {
        let ratio = result.ours.map { String(format2($0 / result.swiftProtobuf)) + "×" } ?? "—"
        print(pad(result.name, 16) + pad(String(result.bytes), 8, left: true)
              + pad(result.ours.map { format($0) } ?? "—", 18, left: true)
              + pad(format(result.swiftProtobuf), 17, left: true) + pad(ratio, 22, left: true))
        if let note = result.note { print("  \(note)") }
    }
}

func format2(_ value: Double) -> String { String(Double(Int((value * 100).rounded())) / 100) }
func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return left ? fill + text : text + fill
}
