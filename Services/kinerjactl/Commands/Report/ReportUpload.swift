import Foundation
import KinerjaCrypto
import KinerjaProto

/// Uploads an evidence file to the reporting service as a client stream (header, then chunks),
/// showing how far it got on stderr: a redrawn bar on a terminal, a line per quarter otherwise.
enum ReportUpload {
    /// Bytes per chunk (the contract allows up to 1 MiB).
    static let chunkBytes = 256 << 10

    /// Reads `path` (exit 65 when it cannot be read), uploads it and returns its evidence link.
    static func upload(_ path: String, _ caller: ReportingCaller, quiet: Bool) async throws -> Common.EvidenceLink {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError(.badInputFile, "\(path): cannot read the file") }
        let bytes = Array(data)
        let name = URL(fileURLWithPath: path).lastPathComponent
        let header = Reporting.EvidenceUploadHeader(sha256: SHA256.hash(bytes), sizeBytes: UInt64(bytes.count), fileName: name)
        let terminal = StandardError.isTerminal
        let show: @Sendable (Int) -> Void = { sent in
            guard !quiet else { return }
            let line = "\(name) \(ReportUpload.progress(sent: sent, total: bytes.count))"
            if terminal {
                StandardError.write("\r\u{1B}[K" + line)
            } else {
                // A line at the start and at each quarter.
                let total = max(1, bytes.count)
                if sent == 0 || sent * 4 / total != max(0, sent - chunkBytes) * 4 / total { StandardError.line(line) }
            }
        }
        let response = try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("evidence-upload")) { client, options in
            try await client.uploadEvidence(options: options) { writer in
                try await writer.write(Reporting.UploadEvidenceRequest(item: .header(header)))
                show(0)
                var offset = 0
                while offset < bytes.count {
                    let end = min(offset + chunkBytes, bytes.count)
                    try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(Array(bytes[offset..<end]))))
                    offset = end
                    show(offset)
                }
            }
        }
        if terminal && !quiet { StandardError.write("\n") }
        guard let link = response.evidence else { throw CLIError(.failure, "the server answered UploadEvidence without the evidence link", status: .internal) }
        if !quiet {
            StandardError.line("\(name): stored as \(link.mediaType), sha256 \(Display.hex(link.sha256).prefix(16))…" + (response.alreadyStored ? " (already stored)" : ""))
        }
        return link
    }

    /// `[#####-----] 512 KiB / 1.0 MiB`.
    static func progress(sent: Int, total: Int, width: Int = 20) -> String {
        let filled = total > 0 ? min(width, sent * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + "\(size(sent)) / \(size(total))"
    }

    /// A byte count as people read it: `512 B`, `12 KiB`, `1.5 MiB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return "\(bytes >> 10) KiB" }
        return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}
