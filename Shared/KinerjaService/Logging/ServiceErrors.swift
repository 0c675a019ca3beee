public import KinerjaProto
import KinerjaRPC
import KinerjaStore
import GRDB

/// The one place where errors from the store and the runtime become RPC statuses.
public enum ServiceErrors {
    /// The status a failed call answers with.
    public static func status(for error: any Error, requestID: String) -> RPCError {
        switch error {
        case let error as StoreError where error.code == .idempotencyConflict:
            return RPCError(.invalidArgument, error.message)
        case let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED:
            _ = error
            return RPCError(.unavailable, "the store is busy; retry (request \(requestID))")
        case let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_IOERR:
            _ = error
            return RPCError(.unavailable, "the store cannot write now (request \(requestID))")
        default:
            return RPCError.from(error, requestID: requestID)
        }
    }
}
