public import KinerjaProto
import Foundation
import GRDB
import KinerjaASN
import KinerjaService
import KinerjaStore

extension ReportingHandlers {
    public func setQualitativeRealisation(_ request: Reporting.SetQualitativeRealisationRequest,
                                          context: ServerContext) async throws -> Reporting.SetQualitativeRealisationResponse {
        let me = try user()
        // The SKP in force for the period: on its last day, or today while it runs.
        var skp: SkpInForce?
        if let period = request.period, let days = WitaDayRange(period: period), !request.ikiID.isEmpty, days.start <= today {
            skp = try await planning.skpInForce(nip: me.nip, on: days.end < today ? days.end : today, ikiID: request.ikiID)
        }
        let inForce = skp
        return try await write(context, request) { [self] db, actor in
            let existing = try request.period.flatMap { try QualitativeRecords.fetch(nip: me.nip, ikiID: request.ikiID, period: $0, in: db) }
            let next = try QualitativeRealisationRules.describe(existing, request: request, nip: me.nip, skp: inForce,
                                                                locks: try LockRecords.locks(for: [me.nip], in: db), now: clock(), stamp: actor.stamp)
            try QualitativeRecords.upsert(next, in: db)
            try audit(db, context, actor, target: "qualitative/\(me.nip)/\(request.ikiID)",
                      detail: "described \(next.period.map(ReportingPeriods.label) ?? "")")
            return Reporting.SetQualitativeRealisationResponse(realisation: next)
        }
    }

    public func rateQualitativeRealisation(_ request: Reporting.RateQualitativeRealisationRequest,
                                           context: ServerContext) async throws -> Reporting.RateQualitativeRealisationResponse {
        try Invalid.requireNIP(request.nip)
        // The arguments first (rating, note, period), whoever asks.
        do {
            _ = try QualitativeRealisationRules.rate(nil, request: request, locks: PeriodLockSet())
        } catch where error.code == .qualitativeNotFound {}
        try await requireAtasanLangsung(of: request.nip, doing: "rates their qualitative realisations")
        return try await write(context, request) { [self] db, actor in
            let existing = try request.period.flatMap { try QualitativeRecords.fetch(nip: request.nip, ikiID: request.ikiID, period: $0, in: db) }
            let next = try QualitativeRealisationRules.rate(existing, request: request, locks: try LockRecords.locks(for: [request.nip], in: db),
                                                            stamp: actor.stamp)
            try QualitativeRecords.upsert(next, in: db)
            try audit(db, context, actor, target: "qualitative/\(request.nip)/\(request.ikiID)",
                      detail: "rated \(next.period.map(ReportingPeriods.label) ?? ""): \(next.rating.protoName ?? "")")
            return Reporting.RateQualitativeRealisationResponse(realisation: next)
        }
    }

    // MARK: Audit

    public func listAuditEvents(_ request: Reporting.ListAuditEventsRequest, context: ServerContext) async throws -> Reporting.ListAuditEventsResponse {
        let (events, page) = try await auditEvents(filter: request.filter, page: request.page)
        return Reporting.ListAuditEventsResponse(events: events, page: page)
    }

    public func verifyAuditChain(_ request: Reporting.VerifyAuditChainRequest, context: ServerContext) async throws -> Reporting.VerifyAuditChainResponse {
        Reporting.VerifyAuditChainResponse(verification: try await auditChain(from: request.fromSequence, to: request.toSequence))
    }
}
