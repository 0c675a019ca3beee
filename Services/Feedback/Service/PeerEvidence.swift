public import KinerjaProto

/// ``EvidenceSource`` over the planning and reporting services, called with the feedback
/// service's own certificate (planning lets every Kinerja service read SKPs and RHKs; reporting
/// lets every Kinerja service read a report). Reporting is optional: without `peers.reporting` a
/// link to a daily report is refused with FAILED_PRECONDITION.
public struct PeerEvidence: EvidenceSource {
    let planning: Planning.PlanningService.Client
    let reporting: Reporting.ReportingService.Client?

    /// Evidence from `planning` and, when configured, `reporting`.
    public init(planning: Planning.PlanningService.Client, reporting: Reporting.ReportingService.Client?) {
        self.planning = planning
        self.reporting = reporting
    }

    public func checkSubject(_ kind: Feedback.FeedbackSubjectKind, _ subjectID: String, ownerNIP: String, today: Common.Date) async throws {
        switch kind {
        case .unspecified:
            return
        case .dailyReport:
            guard let reporting else {
                throw RPCError(.failedPrecondition, "reporting is not configured: feedback cannot be tied to a daily report here",
                               reason: "REPORTING_NOT_CONFIGURED")
            }
            let report = try await found("daily report \(subjectID)") { try await reporting.getDailyReport(.init(reportID: subjectID)).report }
            guard report?.nip == ownerNIP else { throw notTheirs("daily report", subjectID, ownerNIP) }
        case .rhk:
            let response = try await found("RHK \(subjectID)") { try await planning.getRhk(.init(rhkID: subjectID)) }
            guard response?.owner?.nip == ownerNIP else { throw notTheirs("RHK", subjectID, ownerNIP) }
        case .skp:
            let skp = try await found("SKP \(subjectID)") { try await planning.getSkp(.init(skpID: subjectID)).skp }
            guard skp?.nip == ownerNIP else { throw notTheirs("SKP", subjectID, ownerNIP) }
        case .iki:
            // Planning has no IKI look-up: the IKI must be in the recipient's SKP of this year or the last.
            for year in [today.year, today.year - 1] {
                let skp = try await found(nil) { try await planning.getCurrentSkp(.init(nip: ownerNIP, year: year)).skp }
                if skp?.rhks.contains(where: { $0.ikis.contains { $0.ikiID == subjectID } }) == true { return }
            }
            throw notTheirs("IKI", subjectID, ownerNIP)
        case .unrecognized(let raw):
            throw RPCError(.invalidArgument, "subject_kind \(raw) is not known")
        }
    }

    public func expectations(of nip: String, year: Int32) async throws -> [Planning.BehaviourExpectation] {
        try await found(nil) { try await planning.getCurrentSkp(.init(nip: nip, year: year)).skp }?.behaviourExpectations ?? []
    }

    public func rhkIDs(of nip: String, year: Int32) async throws -> [String] {
        try await found(nil) { try await planning.getCurrentSkp(.init(nip: nip, year: year)).skp }?.rhks.map(\.rhkID) ?? []
    }

    /// The answer of `call`, or nil on NOT_FOUND; any other failure of the peer is UNAVAILABLE
    /// (the caller may retry) or passes through as INTERNAL.
    private func found<T>(_ what: String?, _ call: () async throws -> T?) async throws -> T? {
        do {
            return try await call()
        } catch let error as RPCError where error.code == .notFound {
            if let what { throw RPCError(.notFound, "no \(what)", reason: "SUBJECT_NOT_FOUND") }
            return nil
        } catch let error as RPCError where error.code == .unavailable || error.code == .deadlineExceeded {
            throw RPCError(.unavailable, "planning or reporting cannot answer: \(error.message); retry later", reason: "PEER_UNAVAILABLE")
        }
    }

    private func notTheirs(_ what: String, _ id: String, _ nip: String) -> RPCError {
        RPCError(.notFound, "no \(what) \(id) of \(nip)", reason: "SUBJECT_NOT_FOUND")
    }
}
