/// The error type of KinerjaCrypto: a code callers switch on, a message for people, and what
/// OpenSSL said.
///
/// Access-token verification has its own ``TokenError`` because its callers map every case to a
/// distinct, audited rejection; everything else in the module throws this.
public struct CryptoError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, as a set of values that can grow without breaking callers.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Value: String, Hashable, Sendable {
            case invalidKey
            case invalidParameters
            case invalidInput
            case openSSLFailure
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        /// Key material has the wrong length or OpenSSL refused it.
        public static let invalidKey = Code(.invalidKey)
        /// Algorithm parameters (cost factors, lengths, key ids) are out of the accepted range.
        public static let invalidParameters = Code(.invalidParameters)
        /// The data to sign or encode cannot be represented (e.g. a string containing NUL).
        public static let invalidInput = Code(.invalidInput)
        /// An OpenSSL call failed for a reason other than the inputs (usually memory).
        public static let openSSLFailure = Code(.openSSLFailure)

        public var description: String { value.rawValue }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for logs and operators.
    public var message: String
    /// The drained OpenSSL error queue at the time of failure; empty when OpenSSL was not involved.
    public var openSSLError: String

    /// Creates an error with a code, a message and the OpenSSL error text, if any.
    public init(_ code: Code, _ message: String, openSSLError: String = "") {
        self.code = code
        self.message = message
        self.openSSLError = openSSLError
    }

    public var description: String {
        openSSLError.isEmpty
            ? "CryptoError(\(code)): \(message)"
            : "CryptoError(\(code)): \(message) [\(openSSLError)]"
    }
}
