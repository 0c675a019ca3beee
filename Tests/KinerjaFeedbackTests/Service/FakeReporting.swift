import Foundation
import KinerjaProto
import Synchronization

/// The reporting service's GetDailyReport, in memory: a transport that answers it from the
/// reports given (NOT_FOUND otherwise) and refuses every other method. Feedback's real client
/// code (`PeerEvidence`) runs over it. Reporting is being built in parallel; once it is on main
/// the report link is checked against the real service instead (docs/FEEDBACK.md).
final class FakeReporting: ClientTransport, Sendable {
    private let reports = Mutex<[String: Reporting.DailyReport]>([:])
    private let seen = Mutex<[String]>([])

    /// Adds a report.
    func add(_ report: Reporting.DailyReport) { reports.withLock { $0[report.reportID] = report } }

    /// Paths of the calls received.
    var calls: [String] { seen.withLock { $0 } }

    func call<Result: Sendable>(_ method: MethodDescriptor, options: CallOptions,
                                requests: @escaping @Sendable (RPCWriter<[UInt8]>) async throws -> Void,
                                onResponse: @escaping @Sendable (RPCAsyncSequence<[UInt8]>) async throws -> Result) async throws -> Result {
        seen.withLock { $0.append(method.path) }
        let collected = Mutex<[[UInt8]]>([])
        try await requests(RPCWriter { bytes in collected.withLock { $0.append(bytes) } })
        guard method.path == Reporting.ReportingService.Method.getDailyReport.path,
              let bytes = collected.withLock({ $0.first }) else { throw RPCError(.unimplemented, "\(method.path) is not faked") }
        let request = try Reporting.GetDailyReportRequest(serializedBytes: bytes)
        guard let report = reports.withLock({ $0[request.reportID] }) else { throw RPCError(.notFound, "no daily report \(request.reportID)") }
        return try await onResponse(.elements([try Reporting.GetDailyReportResponse(report: report).serializedBytes()]))
    }
}
