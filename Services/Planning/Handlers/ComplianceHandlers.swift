public import KinerjaProto
import KinerjaService

// Issue 11's planning features. Placeholders while they are being built in this commit series.
extension PlanningHandlers {
    public func deleteSkp(_ request: Planning.DeleteSkpRequest, context: ServerContext) async throws -> Planning.DeleteSkpResponse {
        throw RPCError(.unimplemented, "DeleteSkp is being built")
    }

    public func amendBehaviourExpectations(_ request: Planning.AmendBehaviourExpectationsRequest,
                                           context: ServerContext) async throws -> Planning.AmendBehaviourExpectationsResponse {
        throw RPCError(.unimplemented, "AmendBehaviourExpectations is being built")
    }

    public func getSkpCompliance(_ request: Planning.GetSkpComplianceRequest, context: ServerContext) async throws -> Planning.GetSkpComplianceResponse {
        throw RPCError(.unimplemented, "GetSkpCompliance is being built")
    }
}
