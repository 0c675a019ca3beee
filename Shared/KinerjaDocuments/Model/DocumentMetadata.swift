/// What a PDF says about itself in its document information dictionary, readable without
/// rendering the pages (``PDFInfo``).
public struct DocumentMetadata: Sendable, Hashable {
    /// Title.
    public var title: String
    /// Author.
    public var author: String
    /// Subject.
    public var subject: String
    /// Keywords: machine-readable facts a verifier reads back (a hash, an id).
    public var keywords: String
    /// The program that made the document.
    public var creator: String

    /// Metadata; empty fields are left out of the PDF.
    public init(title: String = "", author: String = "", subject: String = "", keywords: String = "", creator: String = "") {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
    }
}
