import KinerjaProto

/// The one error type of kinerjactl: what kind of failure (which decides the exit status), a
/// message for people, the RPC status it stands for (if any), and the underlying cause.
struct CLIError: Error, CustomStringConvertible {
    /// Kind of failure; each maps to one exit status (see `kinerjactl --help`).
    struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The process exit status.
        let exitStatus: Int32
        private let name: String

        private init(_ exitStatus: Int32, _ name: String) {
            self.exitStatus = exitStatus
            self.name = name
        }

        /// Anything else (1).
        static let failure = Code(1, "failure")
        /// Some rows of an import were rejected (3).
        static let importPartiallyRejected = Code(3, "import partially rejected")
        /// The audit hash chain is broken (4).
        static let auditChainBroken = Code(4, "audit chain broken")
        /// A printed SKP does not match the stored version it names (5).
        static let printoutMismatch = Code(5, "printout does not match")
        /// A printed SKP carries no approval stamp, so there is nothing to verify (6).
        static let printoutWithoutStamp = Code(6, "printout without approval stamp")
        /// An evaluation document was printed from a finalisation that has since been reopened (7).
        static let documentSuperseded = Code(7, "document superseded")
        /// The evaluation is not finalised, so there is no snapshot to stamp a document with (8).
        static let notFinalised = Code(8, "evaluation not finalised")
        /// Arguments parse but are not valid together or in range (64, EX_USAGE).
        static let invalidArguments = Code(64, "invalid arguments")
        /// An input file cannot be read or parsed (65, EX_DATAERR).
        static let badInputFile = Code(65, "bad input file")
        /// The service cannot be reached or is unavailable (69, EX_UNAVAILABLE).
        static let unavailable = Code(69, "unavailable")
        /// Not signed in, session expired, or not allowed (77, EX_NOPERM).
        static let notPermitted = Code(77, "not permitted")

        var description: String { name }
    }

    var code: Code
    var message: String
    /// The RPC status the failure stands for; printed before the message.
    var status: RPCError.Code?
    var cause: (any Error)?

    init(_ code: Code, _ message: String, status: RPCError.Code? = nil, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.cause = cause
    }

    /// No session file: the user has to sign in first.
    static let notSignedIn = CLIError(.notPermitted, "not signed in: run kinerjactl login", status: .unauthenticated)
    /// The session can no longer be refreshed (or the server refused its token).
    static let sessionExpired = CLIError(.notPermitted, "session expired: run kinerjactl login", status: .unauthenticated)

    /// A usage problem found after parsing (exit 64).
    static func invalidArguments(_ message: String) -> CLIError { CLIError(.invalidArguments, message) }

    var description: String {
        status.map { "\($0): \(message)" } ?? message
    }
}
