/// The one error type of KinerjaDocuments: what went wrong (a ``Code``), a message for people,
/// and the underlying cause when there is one.
public struct DocumentError: Error, Sendable, CustomStringConvertible {
    /// Kind of failure; a struct so that kinds can be added without breaking callers' switches.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The document or chart is malformed: a table row that does not fill its columns, a
        /// span below 1, a page too small for its margins, a chart without data.
        public static let invalidContent = Code("invalid content")
        /// One unit of content (a table row, a stamp, a line) is taller than a whole page body,
        /// so no page break can make it fit.
        public static let contentTooTall = Code("content too tall")
        /// Cairo or Pango reported an error while drawing or encoding (out of memory, a font
        /// that cannot be loaded, a surface in an error state).
        public static let renderingFailed = Code("rendering failed")
        /// The output could not be written where it was asked to go.
        public static let writeFailed = Code("write failed")
        /// The bytes given to a reader are not a PDF it can read.
        public static let unreadableDocument = Code("unreadable document")

        public var description: String { name }
    }

    /// What went wrong.
    public var code: Code
    /// A sentence for people, naming the element or file concerned.
    public var message: String
    /// The underlying error, if any.
    public var cause: (any Error)?

    /// An error of `code` with `message`.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String { "\(code): \(message)" }
}
