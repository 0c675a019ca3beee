/// The command line every benchmark peer accepts (README.md, "The peer contract").
///
/// Servers read `--host --port --pki` (and peer-specific options such as `--tuning`); clients read
/// all of it. Unknown `--name value` pairs are kept in ``extra`` for peer-specific options.
public struct BenchArguments: Sendable {
    /// The workload a client drives.
    public enum Mode: String, Sendable {
        /// Request/response echo of `payload` bytes.
        case unary
        /// One request, then the server sends `payload`-byte messages as fast as it can.
        case stream
    }

    public var host = "127.0.0.1"
    public var port = 7500
    /// Directory made by `deploy/pki/make-dev-pki.sh` (see ``DevPKI``).
    public var pki = ".dev/pki"
    public var mode = Mode.unary
    /// TCP/TLS connections the client opens.
    public var connections = 1
    /// Calls (unary) or streams (stream) outstanding at any time, spread over the connections.
    public var inFlight = 1
    /// Measured seconds, after the warm-up.
    public var duration = 10.0
    /// Seconds run before measuring starts (not counted).
    public var warmup = 1.0
    /// Request and response size for unary, message size for stream.
    public var payload = 128
    /// Peer-specific options, e.g. `--tuning best`.
    public var extra: [String: String] = [:]

    public init() {}

    /// Parses `--name value` pairs; exits with status 2 and a usage line on malformed input.
    public static func parse(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> BenchArguments {
        var result = BenchArguments()
        var index = 0
        func fail(_ message: String) -> Never {
            FileHandleOutput.standardError("error: \(message)\n" + usage)
            exit(2)
        }
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--") else { fail("unexpected argument \(name)") }
            guard index + 1 < arguments.count else { fail("\(name) needs a value") }
            let value = arguments[index + 1]
            index += 2
            func int() -> Int {
                guard let parsed = Int(value), parsed > 0 || name == "--port" else { fail("\(name) wants a positive integer, not \(value)") }
                return parsed
            }
            func seconds() -> Double {
                guard let parsed = Double(value), parsed >= 0 else { fail("\(name) wants seconds, not \(value)") }
                return parsed
            }
            switch name {
            case "--host": result.host = value
            case "--port": result.port = int()
            case "--pki": result.pki = value
            case "--mode":
                guard let mode = Mode(rawValue: value) else { fail("--mode is unary or stream") }
                result.mode = mode
            case "--connections": result.connections = int()
            case "--in-flight": result.inFlight = int()
            case "--duration": result.duration = seconds()
            case "--warmup": result.warmup = seconds()
            case "--payload": result.payload = int()
            default: result.extra[String(name.dropFirst(2))] = value
            }
        }
        return result
    }

    public static let usage = """
        usage: --host H --port P --pki DIR [--mode unary|stream] [--connections N] [--in-flight N]
               [--duration S] [--warmup S] [--payload BYTES] [peer-specific --name value ...]

        """
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to the standard streams (results must not sit in a buffer when a peer is killed).
public enum FileHandleOutput {
    public static func standardOutput(_ text: String) { write(1, text) }
    public static func standardError(_ text: String) { write(2, text) }
    private static func write(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = unistd_write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

@inline(__always)
private func unistd_write(_ fd: Int32, _ pointer: UnsafePointer<UInt8>, _ count: Int) -> Int {
    write(fd, pointer, count)
}
