public import KinerjaProto
public import KinerjaRPC
public import Logging
import KinerjaCrypto
import Foundation
import Synchronization

/// What the inner interceptors learned about a call, for its log line.
final class CallLogRecord: Sendable {
    @TaskLocal static var current: CallLogRecord?
    let principal = Mutex<String?>(nil)
}

/// Logs one line per call: request id, method, principal, status and duration.
///
/// Users appear as a pseudonym (`user:` + 12 hex digits of SHA-256 over a per-deployment key and
/// the NIP), because a NIP is personal data (it encodes birth date and sex); the audit log, which
/// is access-controlled, holds the NIP itself. Services and machine clients appear by URI.
/// Request and response bodies, metadata values and tokens are never logged.
public struct CallLogInterceptor: ServerInterceptor {
    private let logger: Logger
    private let pseudonymKey: [UInt8]
    private let errorDomain: String

    /// An interceptor logging to `logger`; `pseudonymKey` keys the user pseudonyms; `errorDomain`
    /// names the service in the `ErrorInfo` of its errors (`planning.kinerja.kupangkota.go.id`).
    public init(logger: Logger, pseudonymKey: [UInt8], errorDomain: String = "") {
        self.logger = logger
        self.pseudonymKey = pseudonymKey
        self.errorDomain = errorDomain
    }

    public func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        let record = CallLogRecord()
        let start = ContinuousClock.now
        var status = "OK"
        defer {
            let elapsed = ContinuousClock.now - start
            let principal = record.principal.withLock { $0 } ?? context.peer ?? "unknown"
            if StructuredLogHandler.jsonBackend.load(ordering: .relaxed) {
                // The process logs JSON through our handler: write the same line without building
                // swift-log's metadata dictionary (the call path's largest cost after TLS; issue 17).
                if logger.logLevel <= .info {
                    StructuredLogHandler.writeCallLine(LogLine.callLine(
                        service: logger.label, requestID: context.requestID, method: context.method.path,
                        principal: pseudonym(principal), status: status, durationMilliseconds: Self.milliseconds(elapsed)))
                }
            } else {
                logger.info("call", metadata: [
                    "request_id": "\(context.requestID)", "method": "\(context.method.path)",
                    "principal": "\(pseudonym(principal))", "status": "\(status)",
                    "duration_ms": "\(Self.milliseconds(elapsed))",
                ])
            }
        }
        do {
            try await CallLogRecord.$current.withValue(record) { try await next(context) }
        } catch {
            // The one mapping from errors to statuses (RPCError.from), with this service as the reasons' domain.
            let mapped = RPCError.from(error, requestID: context.requestID).withReasonDomain(errorDomain)
            if mapped.code == .internal {
                // The client sees only the request id; the operator sees the cause.
                logger.error("call failed", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
            }
            status = mapped.code.description
            throw mapped
        }
    }

    /// A duration in milliseconds to the hundredth, `45.97`, without formatting a Double.
    static func milliseconds(_ duration: Duration) -> String {
        let hundredths = duration.components.seconds * 100_000 + duration.components.attoseconds / 10_000_000_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The principal as logged: URIs as they are, NIPs as pseudonyms.
    public func pseudonym(_ principal: String) -> String {
        guard principal.count == 18, principal.allSatisfy(\.isASCII), principal.allSatisfy(\.isNumber) else { return principal }
        let digest = SHA256.hash(pseudonymKey + Array(principal.utf8))
        let hex = Array("0123456789abcdef".utf8)
        var text = Array("user:".utf8)
        for byte in digest.prefix(6) { text.append(hex[Int(byte >> 4)]); text.append(hex[Int(byte & 0xF)]) }
        return String(decoding: text, as: UTF8.self)
    }
}

extension CallLogRecord {
    /// Notes the call's principal for the log line (called by the authentication interceptor).
    static func note(_ principal: String) {
        current?.principal.withLock { $0 = principal }
    }
}
