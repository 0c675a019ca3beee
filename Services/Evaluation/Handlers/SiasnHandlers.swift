public import KinerjaProto
import GRDB
import KinerjaIdentityClient
import KinerjaService
import KinerjaStore

/// The SIASN export (docs/SIASN.md): SIASN's `kinerjaperiodik` and `skp22` records of finalised
/// evaluations, coded through the reference table an operator loads (``SiasnReferences``), each
/// naming the record it replaces when its period was reopened and finalised again.
extension EvaluationHandlers {
    public func setSiasnReferences(_ request: Evaluation.SetSiasnReferencesRequest,
                                   context: ServerContext) async throws -> Evaluation.SetSiasnReferencesResponse {
        guard let given = request.table else { throw Invalid.field("table", "is required", reason: "REQUIRED") }
        _ = try Self.siasnReferences(given.codes)
        try Invalid.requireText(given.source.trimmed, "table.source", max: EvaluationLimits.siasnSourceMaximum)
        try Invalid.requireText(request.reason.trimmed, "reason", max: 1000)
        // SIASN's codes are the same for the whole city: a scope over the root unit.
        try await requireScope(.unit(id: try await rootUnitID()))
        return try await write(context, request) { [self] db, actor in
            let latest = try SiasnReferenceRecords.count(in: db)
            if request.expectedVersion != 0 && request.expectedVersion != latest {
                throw RPCError(.aborted, "the SIASN reference table changed since you read it (version \(latest)); read it again", reason: "VERSION_MISMATCH")
            }
            var table = Evaluation.SiasnReferenceTable()
            table.version = latest + 1
            table.codes = given.codes.map { Evaluation.SiasnReferenceCode(reference: $0.reference, key: $0.key.trimmed, code: $0.code.trimmed) }
            table.source = given.source.trimmed
            table.set = actor.stamp
            try SiasnReferenceRecords.insert(table, in: db)
            try audit(db, context, actor, target: "siasn-references/\(table.version)",
                      detail: "SIASN reference table v\(table.version), \(table.codes.count) codes (\(table.source)): \(request.reason.trimmed)")
            return Evaluation.SetSiasnReferencesResponse(table: table)
        }
    }

    public func getSiasnReferences(_ request: Evaluation.GetSiasnReferencesRequest,
                                   context: ServerContext) async throws -> Evaluation.GetSiasnReferencesResponse {
        try await requireScope(.unit(id: try await rootUnitID()))
        let (table, count) = try await store.read { db in
            (try SiasnReferenceRecords.fetch(version: request.version, in: db), try SiasnReferenceRecords.count(in: db))
        }
        guard let table else {
            throw RPCError(.notFound, request.version == 0 ? "no SIASN reference table is loaded" : "no SIASN reference table version \(request.version)",
                           reason: "SIASN_REFERENCES_NOT_FOUND")
        }
        return Evaluation.GetSiasnReferencesResponse(table: table, versionCount: count)
    }

    public func exportSiasn(_ request: Evaluation.ExportSiasnRequest, responses: RPCWriter<Evaluation.ExportSiasnResponse>,
                      context: ServerContext) async throws {
        // A bounded pool: exports read a whole span and stream it; a burst of them must not starve the rest.
        try await exports.run { try await streamExportSiasn(request, responses: responses, context: context) }
    }

    private func streamExportSiasn(_ request: Evaluation.ExportSiasnRequest, responses: RPCWriter<Evaluation.ExportSiasnResponse>,
                      context: ServerContext) async throws {
        guard let asked = request.span else { throw Invalid.field("span", "is required", reason: "REQUIRED") }
        let span = try Self.querySpan(period: nil, span: asked)
        let units = Set(try await self.units(of: request.unit))
        guard let table = try await store.read({ db in try SiasnReferenceRecords.fetch(in: db) }) else {
            throw RPCError(.failedPrecondition,
                           "no SIASN reference table is loaded: pengelola kinerja load SIASN's codes (periodik, perilakuDanKinerja, kuadranNilai, koefisien, golonganPns, pns) with SetSiasnReferences (kinerjactl eval siasn-references set --file FILE.json)",
                           reason: "SIASN_REFERENCES_MISSING")
        }
        let references = try Self.siasnReferences(table.codes)
        let (rows, finalisedAny) = try await store.read { db in try Self.siasnSources(span, units: units, in: db) }
        guard finalisedAny else {
            throw RPCError(.failedPrecondition, "no period of \(span.label) is FINALISED for these units", reason: "PERIOD_NOT_FINALISED")
        }
        // Identity for the penilai's golongan, ASN type and unit (not part of the snapshot).
        let evaluatorNIPs = Set(rows.compactMap { $0.evaluation.evaluator?.nip }).filter { !$0.isEmpty }
        let evaluators = evaluatorNIPs.isEmpty ? [:] : try await directory.employees(Array(evaluatorNIPs))
        let tree = try await directory.unitTree()
        for row in rows {
            let ref = row.evaluation.evaluator ?? Common.EmployeeRef()
            let known = evaluators[ref.nip]
            let penilai = SiasnPenilai(id: ref.nip, name: ref.displayName, jabatan: ref.jabatanName, golongan: known?.golongan ?? "",
                                       unitName: tree.unit(known?.unitID ?? ref.unitID)?.name ?? "", asnType: known?.asnType ?? .unspecified)
            let periodik = SiasnRecordBuilder.kinerjaPeriodik(row.evaluation, span: span, penilai: penilai, references: references)
            var response = Evaluation.ExportSiasnResponse()
            response.record = .kinerjaperiodik(periodik.record)
            response.source = row.source(endpoint: "kinerjaperiodik", span: span, referenceVersion: table.version, missing: periodik.missing)
            try await responses.write(response)
            if span.kind == .annual {
                let skp = SiasnRecordBuilder.skp22(row.evaluation, span: span, penilai: penilai, references: references)
                response.record = .skp22(skp.record)
                response.source = row.source(endpoint: "skp22", span: span, referenceVersion: table.version, missing: skp.missing)
                try await responses.write(response)
            }
        }
    }

    /// The reference table of `codes`; INVALID_ARGUMENT naming the code that does not parse.
    static func siasnReferences(_ codes: [Evaluation.SiasnReferenceCode]) throws -> SiasnReferences {
        do { return try SiasnReferences(codes: codes) } catch {
            guard case .siasnReferencesInvalid(let field, let detail) = error else { throw error }
            throw Invalid.field("table.\(field)", detail, reason: error.reason)
        }
    }

    /// The current finalisation's snapshots of the span's finalised periods within `units`, in NIP
    /// order, each with the latest earlier finalisation of the same evaluation (the record it replaces).
    static func siasnSources(_ span: Evaluation.EvaluationSpan, units: Set<String>, in db: Database) throws -> ([SiasnSource], Bool) {
        var rows: [SiasnSource] = []
        var finalisedAny = false
        for period in try PeriodRecords.sameSpan(span, in: db) where period.state == .finalised {
            let finalisations = try PeriodRecords.finalisations(period.periodID, in: db)
            guard let current = finalisations.last(where: { !$0.superseded }) else { continue }
            let snapshots = try SnapshotRecords.snapshots(periodID: period.periodID, number: current.number, units: units, in: db)
            guard !snapshots.isEmpty else { continue }
            finalisedAny = true
            // Earlier finalisations, latest first: an evaluation replaces its latest earlier record.
            var earlier: [String: (number: UInt32, sha256: [UInt8])] = [:]
            for finalisation in finalisations.reversed() where finalisation.number < current.number {
                for snapshot in try SnapshotRecords.snapshots(periodID: period.periodID, number: finalisation.number, units: units, in: db)
                where earlier[snapshot.evaluation.evaluationID] == nil {
                    earlier[snapshot.evaluation.evaluationID] = (finalisation.number, snapshot.sha256)
                }
            }
            for snapshot in snapshots {
                guard snapshot.intact else {
                    throw RPCError(.dataLoss, "the snapshot of evaluation \(snapshot.evaluation.evaluationID) no longer matches its SHA-256", reason: "SNAPSHOT_CORRUPT")
                }
                rows.append(SiasnSource(evaluation: snapshot.evaluation, periodID: period.periodID, number: current.number,
                                        sha256: snapshot.sha256, replaces: earlier[snapshot.evaluation.evaluationID]))
            }
        }
        return (rows.sorted { ($0.evaluation.employee?.nip ?? "") < ($1.evaluation.employee?.nip ?? "") }, finalisedAny)
    }
}

/// One finalised evaluation to export and the earlier finalisation it replaces.
struct SiasnSource: Sendable {
    var evaluation: Evaluation.EmployeeEvaluation
    var periodID: String
    var number: UInt32
    var sha256: [UInt8]
    var replaces: (number: UInt32, sha256: [UInt8])?

    /// The record id of `evaluation` at finalisation `number` for `endpoint`.
    static func recordID(_ evaluationID: String, _ number: UInt32, _ endpoint: String) -> String {
        "\(evaluationID)/\(number)/\(endpoint)"
    }

    func source(endpoint: String, span: Evaluation.EvaluationSpan, referenceVersion: UInt32,
                missing: [Evaluation.SiasnMissingCode]) -> Evaluation.SiasnRecordSource {
        var source = Evaluation.SiasnRecordSource()
        source.recordID = Self.recordID(evaluation.evaluationID, number, endpoint)
        source.evaluationID = evaluation.evaluationID
        source.nip = evaluation.employee?.nip ?? ""
        source.periodID = periodID
        source.span = span
        source.finalisationNumber = number
        source.snapshotSha256 = sha256
        if let replaces {
            source.replacesRecordID = Self.recordID(evaluation.evaluationID, replaces.number, endpoint)
            source.replacesSnapshotSha256 = replaces.sha256
        }
        source.referenceVersion = referenceVersion
        source.missing = missing
        return source
    }
}
