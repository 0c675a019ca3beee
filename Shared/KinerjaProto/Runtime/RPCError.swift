/// The status of a failed call: a gRPC status code (0–16, unchanged), a message and details.
///
/// Services throw it to answer with a status; any other error thrown by a
/// handler becomes `INTERNAL` without its text reaching the client.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A gRPC status code. A struct, not an enum, so codes can be added without breaking clients.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The wire value, 0–16.
        public let rawValue: Int32
        /// A code for a wire value, or nil when it is outside 0–16.
        public init?(rawValue: Int32) {
            guard (0...16).contains(rawValue) else { return nil }
            self.rawValue = rawValue
        }
        private init(_ raw: Int32) { self.rawValue = raw }

        public static let ok = Code(0)
        public static let cancelled = Code(1)
        public static let unknown = Code(2)
        public static let invalidArgument = Code(3)
        public static let deadlineExceeded = Code(4)
        public static let notFound = Code(5)
        public static let alreadyExists = Code(6)
        public static let permissionDenied = Code(7)
        public static let resourceExhausted = Code(8)
        public static let failedPrecondition = Code(9)
        public static let aborted = Code(10)
        public static let outOfRange = Code(11)
        public static let unimplemented = Code(12)
        public static let `internal` = Code(13)
        public static let unavailable = Code(14)
        public static let dataLoss = Code(15)
        public static let unauthenticated = Code(16)

        private static let names = [
            "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
            "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
            "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
            "UNAUTHENTICATED",
        ]
        /// The gRPC name, e.g. `NOT_FOUND`.
        public var description: String { Self.names[Int(rawValue)] }
    }

    /// The status code.
    public var code: Code
    /// A message for people; never internals or personal data.
    public var message: String
    /// Structured details (encoded `kinerja.rpc.v1.StatusDetail` messages or other typed data).
    public var details: [RPC.StatusDetail]

    /// Creates an error.
    public init(_ code: Code, _ message: String, details: [RPC.StatusDetail] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String { "\(code): \(message)" }
}
