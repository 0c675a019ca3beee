/// The coverage-guided fuzz targets of issue 18 (docs/RELIABILITY.md, "Fuzzing"): each feeds
/// arbitrary bytes to one parser and checks what it can (round trips, agreement between two ways
/// of doing the same thing), not only that nothing crashes.
///
/// The thin libFuzzer executables in `Fuzz/` call ``FuzzTarget/runOrCrash(_:)``; the replay test
/// (`Tests/KinerjaFuzzReplayTests`) calls ``FuzzTarget/run(_:)`` on every file of `Fuzz/Corpus/<target>/`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The RPC frame decoder, whole and in chunks, and the server's connection state machine.
    case frames
    /// Decode, re-encode and decode again every message type of the contract.
    case codec
    /// Access-token parsing and verification (KinerjaCrypto).
    case token
    /// The employee import CSV (KinerjaASN): parse, write, parse again.
    case csv
    /// The CSV splitter of kinerjactl's SKP file and week-of-reports file (`SkpFileCSV`).
    case skpcsv
    /// The evidence upload's pure parts: media-type sniffing, file-name rules, hashes, size caps.
    case evidence
    /// The web gateway's form parsing: URL-encoded and multipart.
    case forms

    /// Runs the target on `data`; throws when an invariant does not hold.
    public func run(_ data: [UInt8]) throws(FuzzFailure) {
        switch self {
        case .frames: try FrameFuzz.run(data)
        case .codec: try CodecFuzz.run(data)
        case .token: try TokenFuzz.run(data)
        case .csv: try CSVFuzz.run(data)
        case .skpcsv: try SkpCSVFuzz.run(data)
        case .evidence: try EvidenceFuzz.run(data)
        case .forms: try FormsFuzz.run(data)
        }
    }

    /// Runs the target on the fuzzer's input; a broken invariant stops the process, which
    /// libFuzzer records as a crash with the input that caused it.
    public func runOrCrash(_ data: UnsafePointer<UInt8>, _ size: Int) {
        do {
            try run(Array(UnsafeBufferPointer(start: data, count: size)))
        } catch {
            fatalError("fuzz target \(rawValue): \(error)")
        }
    }
}

/// An invariant that did not hold for an input.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Throws a ``FuzzFailure`` with `message` unless `condition` holds.
@inline(__always)
func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
    if !condition { throw FuzzFailure(message()) }
}
