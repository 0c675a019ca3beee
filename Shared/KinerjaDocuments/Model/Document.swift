/// A paged document: blocks laid out on pages of one ``PageSetup``, with a footer and page
/// numbers on every page, rendered to PDF (or a page to PNG) by ``DocumentRenderer``.
public struct Document: Sendable, Hashable {
    /// The paper and margins; default ``PageSetup/a4Portrait``.
    public var page: PageSetup
    /// The footer of every page.
    public var footer: PageFooter
    /// The PDF's information dictionary.
    public var metadata: DocumentMetadata
    /// The content, top to bottom.
    public var blocks: [Block]

    /// A document.
    public init(page: PageSetup = .a4Portrait, footer: PageFooter = PageFooter(), metadata: DocumentMetadata = DocumentMetadata(),
                blocks: [Block]) {
        self.page = page
        self.footer = footer
        self.metadata = metadata
        self.blocks = blocks
    }
}
