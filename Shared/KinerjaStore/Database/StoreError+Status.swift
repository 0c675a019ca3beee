public import GRDB
public import KinerjaProto

extension StoreError: RPCStatusConvertible {
    /// A reused idempotency key is the client's mistake; every other store failure is internal.
    public var rpcStatus: RPCError? {
        switch code {
        case .idempotencyConflict: RPCError(.invalidArgument, message, reason: "IDEMPOTENCY_KEY_REUSED")
        default: (cause as? DatabaseError)?.rpcStatus
        }
    }
}

extension DatabaseError: RPCStatusConvertible {
    /// A busy or full store is temporary (UNAVAILABLE, retry); anything else is internal.
    public var rpcStatus: RPCError? {
        switch resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: RPCError(.unavailable, "the store is busy; retry", reason: "STORE_BUSY")
        case .SQLITE_FULL, .SQLITE_IOERR: RPCError(.unavailable, "the store cannot write now; retry later", reason: "STORE_UNWRITABLE")
        default: nil
        }
    }
}
