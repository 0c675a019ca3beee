public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    public func uploadEvidence(_ requests: RPCAsyncSequence<Reporting.UploadEvidenceRequest>,
                               context: ServerContext) async throws -> Reporting.UploadEvidenceResponse {
        // A bounded pool: a burst of uploads cannot take the disk and the slots every other call needs.
        try await uploads.run { try await receiveEvidence(requests, context: context) }
    }

    private func receiveEvidence(_ requests: RPCAsyncSequence<Reporting.UploadEvidenceRequest>,
                                 context: ServerContext) async throws -> Reporting.UploadEvidenceResponse {
        let me = try user()
        let author = try await employee(me.nip)
        let path = try await organisation.path(of: author.unitID)
        let month = EvidenceRecords.month(today)
        let (policy, used) = try await store.read { db in
            (try PolicyBook.load(db).effective(path: path), try EvidenceRecords.usedThisMonth(nip: me.nip, month: month, in: db))
        }
        // The bytes go to disk off the connection's event loop: appends and the fsyncs of the commit block.
        let (header, stored) = try await offLoop { [evidence] () async throws -> (Reporting.EvidenceUploadHeader, StoredEvidence) in
            var messages = requests.makeAsyncIterator()
            guard let first = try await messages.next(), case .header(let header) = first.item else {
                throw ReportingError(.fieldRequired, "the first message of an upload is its header (sha256, size, file name)", field: "header")
            }
            let (hash, limit) = try EvidenceUploadRules.checkHeader(header, policy: policy, usedThisMonth: used)
            var upload = try evidence.beginUpload(claimed: hash, byteLimit: limit, claimedSize: header.sizeBytes > 0 ? header.sizeBytes : nil)
            while let message = try await messages.next() {
                guard case .chunk(let chunk) = message.item else {
                    throw ReportingError(.evidenceChunkInvalid, "after the header an upload carries only chunks", field: "chunk")
                }
                try EvidenceUploadRules.checkChunk(chunk)
                try upload.append(chunk)
            }
            return (header, try upload.commit())
        }
        let link = Common.EvidenceLink(uri: stored.hash.urn, sha256: stored.hash.bytes, title: header.fileName,
                                       mediaType: stored.mediaType.rawValue, sizeBytes: stored.size)
        let request = Reporting.UploadEvidenceRequest(item: .header(header))
        return try await write(context, request) { [self] db, actor in
            // Another upload of the caller's may have used the month's volume meanwhile.
            let now = try EvidenceRecords.usedThisMonth(nip: me.nip, month: month, in: db)
            let counted = try EvidenceRecords.uploadedThisMonth(stored.hash, by: me.nip, month: month, in: db) ? stored.size : 0
            try EvidenceUploadRules.checkSize(stored.size, policy: policy, usedThisMonth: now - min(now, counted))
            try EvidenceRecords.record(nip: me.nip, file: stored, fileName: header.fileName, month: month, at: actor.now, in: db)
            try audit(db, context, actor, target: "evidence/\(stored.hash.hex)",
                      detail: "uploaded \(stored.size) bytes, \(stored.mediaType.rawValue)" + (stored.alreadyStored ? " (already stored)" : ""))
            return Reporting.UploadEvidenceResponse(evidence: link, alreadyStored: stored.alreadyStored)
        }
    }

    /// True when the caller may read `nip`'s reports (GetDailyReport's readers), whatever the
    /// current method's rule: for the evidence-reader relation.
    func mayReadReports(of nip: String) async throws -> Bool {
        let access = try Access.required()
        if access.isSelf(nip) || access.hasRole(.admin) { return true }
        for grant in [Grant.atasanOfTarget, .roleInScope(.pengelolaKinerja), .roleInScope(.pimpinan), .roleInScope(.auditor)] {
            if try await access.holds(grant, for: .employee(nip: nip)) { return true }
        }
        return false
    }

    public func downloadEvidence(_ request: Reporting.DownloadEvidenceRequest, responses: RPCWriter<Reporting.DownloadEvidenceResponse>,
                                 context: ServerContext) async throws {
        guard let hash = EvidenceHash(bytes: request.sha256) else {
            throw ReportingError(.evidenceHashInvalid, "sha256 must be exactly 32 bytes, got \(request.sha256.count)", field: "sha256")
        }
        let access = try Access.required()
        let notFound = RPCError(.notFound, "no evidence file \(hash.hex) that you may read", reason: "EVIDENCE_NOT_FOUND")
        let caller = access.caller.user?.nip ?? ""
        let (uploaded, authors, meta) = try await store.read { db in
            (try EvidenceRecords.uploaded(hash, by: caller, in: db), try EvidenceRecords.authors(referring: hash, in: db),
             try EvidenceRecords.latest(hash, in: db))
        }
        if !access.grantedByIdentity {
            guard uploaded || !authors.isEmpty else { throw notFound }
            do {
                try await access.require(.evidenceReader, target: "evidence/\(hash.hex)", message: "you may not read the reports that refer to this file") {
                    if uploaded { return true }
                    for author in authors where try await mayReadReports(of: author) { return true }
                    return false
                }
            } catch let error as RPCError where error.code == .permissionDenied {
                throw notFound
            }
        }
        try await offLoop { [evidence] in
            var reader: EvidenceReader
            do {
                reader = try evidence.openReader(hash)
            } catch let error as ReportingError where error.code == .evidenceNotFound {
                throw notFound
            }
            let first = try reader.next() ?? []
            let sniffed = EvidenceMediaType.sniff(first)?.rawValue ?? ""
            try await responses.write(Reporting.DownloadEvidenceResponse(item: .evidence(Common.EvidenceLink(
                uri: hash.urn, sha256: hash.bytes, title: meta?.fileName ?? "", mediaType: sniffed.isEmpty ? meta?.mediaType ?? "" : sniffed,
                sizeBytes: reader.size))))
            if !first.isEmpty { try await responses.write(Reporting.DownloadEvidenceResponse(item: .chunk(first))) }
            // The last next() verifies the whole file against its name: DATA_LOSS after the chunks when altered.
            while let chunk = try reader.next() {
                try await responses.write(Reporting.DownloadEvidenceResponse(item: .chunk(chunk)))
            }
        }
    }
}
