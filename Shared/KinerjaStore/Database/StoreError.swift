/// An error of the store: a code, a message and the underlying cause.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as a value callers can switch on.
    public enum Code: String, Sendable {
        /// The file could not be opened or created.
        case open
        /// `PRAGMA integrity_check` did not answer "ok".
        case integrity
        /// A migration failed; nothing of it was applied.
        case migration
        /// A backup could not be written or did not verify.
        case backup
        /// An idempotency key was reused with a different request.
        case idempotencyConflict
        /// Any other SQLite failure.
        case database
    }

    /// What went wrong.
    public var code: Code
    /// A message for operators.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(message): \(cause)" }
        return message
    }
}
