public import Foundation
public import KinerjaProto
public import KinerjaReporting
public import KinerjaRPC
public import KinerjaService
import GRDB
import KinerjaCrypto
import KinerjaStore

/// A real reporting service in-process next to real planning and identity services
/// (``PlanningFixture``): reporting reaches both over mutual TLS with its own certificate.
/// Planning holds the demo SKPs (seed 2026) unless asked otherwise.
public final class ReportingFixture: Sendable {
    /// Identity and planning.
    public let planning: PlanningFixture
    /// The reporting service, as every service fixture.
    public let service: ServiceFixture<ReportingDefinition>

    /// The identity service.
    public var identity: IdentityFixture { planning.identity }
    /// Its port.
    public var port: Int { service.port }
    /// The handlers (in-process calls in tests).
    public var handlers: ReportingHandlers {
        get throws {
            guard let handlers = service.host.parts.services.first as? ReportingHandlers else { throw TestFailure("no reporting handlers") }
            return handlers
        }
    }
    /// The evidence folder.
    public var evidenceFolder: String { service.folder + "/evidence" }

    /// Starts identity, planning (with the demo SKPs when `demoSkps`) and reporting with `section`
    /// (the machine client siak-dukcapil reports for KPG.DUKCAPIL unless the section says otherwise).
    public static func start(section: ReportingConfiguration? = nil, demoSkps: Bool = true) async throws -> ReportingFixture {
        let planning = try await PlanningFixture.start(demoSeed: demoSkps ? IdentityFixture.seed : nil)
        var configuration = section ?? ReportingConfiguration()
        if section == nil { configuration.bulkClients = ["siak-dukcapil": "KPG.DUKCAPIL"] }
        do {
            let service = try await ServiceFixture<ReportingDefinition>.start(
                section: configuration, peers: ["identity": planning.identity.port, "planning": planning.port])
            return ReportingFixture(planning: planning, service: service)
        } catch {
            await planning.stop()
            throw error
        }
    }

    private init(planning: PlanningFixture, service: ServiceFixture<ReportingDefinition>) {
        self.planning = planning
        self.service = service
    }

    /// Reporting presenting `peer`'s certificate.
    public func client(_ peer: TestPeer) -> Reporting.ReportingService.Client {
        guard let transport = try? service.transport(as: peer) else { preconditionFailure("no test certificate for \(peer)") }
        return Reporting.ReportingService.Client(transport: transport)
    }

    /// Reporting over the operator's machine certificate (users send their token).
    public var client: Reporting.ReportingService.Client { client(.client("operator")) }

    /// Signs a demo persona in at identity; the token is good at reporting too.
    public func signIn(_ persona: String) async throws -> CallOptions { try await identity.signIn(persona) }

    /// A fingerprint of every reporting table except the audit log, and of the evidence folder
    /// (every file's path, size and SHA-256, the temporary uploads included): equal before and
    /// after a refused call when it changed nothing.
    public func snapshot() async throws -> String {
        let tables = try await service.store.pool.read { db in
            var parts: [String] = []
            for table in ["daily_report", "report_evidence", "non_working_day", "reporting_policy", "absence", "period_lock", "period_lock_nip",
                          "qualitative_realisation", "evidence_upload", "idempotency"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1, 2")
                parts.append("\(table):\(rows.count):\(Self.digest(rows.map(\.description).joined(separator: "\n")))")
            }
            return parts.joined(separator: "|")
        }
        return tables + "|evidence:" + Self.folderFingerprint(evidenceFolder)
    }

    /// Every file under `folder` (except the lock) as `path size sha256`, sorted.
    public static func folderFingerprint(_ folder: String) -> String {
        var lines: [String] = []
        let manager = FileManager.default
        if let walker = manager.enumerator(atPath: folder) {
            while let path = walker.nextObject() as? String {
                var isFolder: ObjCBool = false
                guard manager.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue, path != ".lock" else { continue }
                let bytes = manager.contents(atPath: folder + "/" + path).map { Array($0) } ?? []
                lines.append("\(path) \(bytes.count) \(digest(bytes))")
            }
        }
        return lines.sorted().joined(separator: ";")
    }

    static func digest(_ text: String) -> String { digest(Array(text.utf8)) }

    static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(bytes).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// Audit entries recorded for an action path.
    public func auditEvents(action: String) async throws -> [Common.AuditEvent] {
        var filter = Common.AuditEventFilter()
        filter.actionPrefix = action
        let chosen = filter
        return try await service.store.pool.read { db in try AuditLog.events(matching: chosen, after: 0, limit: 100_000, in: db) }
    }

    /// Stops reporting, then planning and identity.
    public func stop() async {
        await service.stop()
        await planning.stop()
    }
}

/// Runs `body` with fresh reporting, planning and identity services and always stops them.
public func withReporting<T>(section: ReportingConfiguration? = nil, demoSkps: Bool = true,
                             _ body: (ReportingFixture) async throws -> T) async throws -> T {
    let fixture = try await ReportingFixture.start(section: section, demoSkps: demoSkps)
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}

extension Reporting.ReportingService.Client {
    /// Sends `rows` (options first) as one BulkSubmitDailyReports stream.
    public func bulkSubmit(_ rows: [Reporting.DailyReportRow], options: Reporting.BulkSubmitOptions? = nil,
                           callOptions: CallOptions = .defaults) async throws -> Reporting.BulkSubmitDailyReportsResponse {
        try await bulkSubmitDailyReports(options: callOptions) { writer in
            if let options { try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .options(options))) }
            for row in rows { try await writer.write(Reporting.BulkSubmitDailyReportsRequest(item: .row(row))) }
        }
    }

    /// Uploads `bytes` in chunks of `chunk` bytes with `header` (the SHA-256 and size filled in when empty).
    public func upload(_ bytes: [UInt8], name: String = "bukti.pdf", header: Reporting.EvidenceUploadHeader? = nil, chunk: Int = 64 << 10,
                       callOptions: CallOptions = .defaults) async throws -> Reporting.UploadEvidenceResponse {
        var first = header ?? Reporting.EvidenceUploadHeader(sha256: SHA256.hash(bytes), sizeBytes: UInt64(bytes.count), fileName: name)
        if first.sha256.isEmpty { first.sha256 = SHA256.hash(bytes) }
        let sent = first
        return try await uploadEvidence(options: callOptions) { writer in
            try await writer.write(Reporting.UploadEvidenceRequest(item: .header(sent)))
            var offset = 0
            while offset < bytes.count {
                let end = min(offset + chunk, bytes.count)
                try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(Array(bytes[offset..<end]))))
                offset = end
            }
        }
    }

    /// Downloads a file: its link and bytes.
    public func download(_ sha256: [UInt8], callOptions: CallOptions = .defaults) async throws -> (link: Common.EvidenceLink?, bytes: [UInt8]) {
        try await downloadEvidence(Reporting.DownloadEvidenceRequest(sha256: sha256), options: callOptions) { responses in
            var link: Common.EvidenceLink?
            var bytes: [UInt8] = []
            for try await response in responses {
                switch response.item {
                case .evidence(let given): link = given
                case .chunk(let chunk): bytes += chunk
                case nil: break
                }
            }
            return (link, bytes)
        }
    }
}
