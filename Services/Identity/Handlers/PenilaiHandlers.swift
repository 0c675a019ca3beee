public import KinerjaProto
import KinerjaService

// The pejabat penilai model (issue 11). Placeholders while it is being built in this commit series.
extension IdentityHandlers {
    public func getPejabatPenilai(_ request: Identity.GetPejabatPenilaiRequest, context: ServerContext) async throws -> Identity.GetPejabatPenilaiResponse {
        throw RPCError(.unimplemented, "GetPejabatPenilai is being built")
    }

    public func listDinilai(_ request: Identity.ListDinilaiRequest, context: ServerContext) async throws -> Identity.ListDinilaiResponse {
        throw RPCError(.unimplemented, "ListDinilai is being built")
    }

    public func getPenilaiHistory(_ request: Identity.GetPenilaiHistoryRequest, context: ServerContext) async throws -> Identity.GetPenilaiHistoryResponse {
        throw RPCError(.unimplemented, "GetPenilaiHistory is being built")
    }

    public func recordActingAssignment(_ request: Identity.RecordActingAssignmentRequest, context: ServerContext) async throws -> Identity.RecordActingAssignmentResponse {
        throw RPCError(.unimplemented, "RecordActingAssignment is being built")
    }

    public func endActingAssignment(_ request: Identity.EndActingAssignmentRequest, context: ServerContext) async throws -> Identity.EndActingAssignmentResponse {
        throw RPCError(.unimplemented, "EndActingAssignment is being built")
    }

    public func listActingAssignments(_ request: Identity.ListActingAssignmentsRequest, context: ServerContext) async throws -> Identity.ListActingAssignmentsResponse {
        throw RPCError(.unimplemented, "ListActingAssignments is being built")
    }
}
