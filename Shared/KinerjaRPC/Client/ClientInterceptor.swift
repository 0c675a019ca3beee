public import KinerjaProto

/// Code that runs around every call a client makes: adding a token, request ids, logging, metrics.
public protocol ClientInterceptor: Sendable {
    /// Called before the call starts; may change its options (e.g. add `authorization`) or throw to refuse it.
    func prepare(_ method: MethodDescriptor, options: inout CallOptions) async throws
    /// Called when the call ended, with its error (nil on success) and how long it took.
    func finished(_ method: MethodDescriptor, options: CallOptions, error: (any Error)?, duration: Duration)
}

extension ClientInterceptor {
    public func prepare(_ method: MethodDescriptor, options: inout CallOptions) async throws {}
    public func finished(_ method: MethodDescriptor, options: CallOptions, error: (any Error)?, duration: Duration) {}
}
