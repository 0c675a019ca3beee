/// A configuration that cannot be used; the message names the key.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    /// Dotted path of the offending key, e.g. `tls.certificate`; empty for the file as a whole.
    public var key: String
    /// What is wrong with it.
    public var message: String

    /// Creates an error.
    public init(key: String, _ message: String) {
        self.key = key
        self.message = message
    }

    public var description: String {
        key.isEmpty ? "configuration error: \(message)" : "configuration error: \(key): \(message)"
    }
}
