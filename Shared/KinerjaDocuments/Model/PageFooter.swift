/// The line at the bottom of every page: a note on the left and the page number on the right,
/// under a thin rule.
public struct PageFooter: Sendable, Hashable {
    /// Text on the left, e.g. the document's name and version; may be empty.
    public var text: String
    /// The page number, with `{page}` and `{pages}` replaced, e.g. `Halaman {page} dari {pages}`;
    /// empty for none.
    public var pageNumberFormat: String
    /// How both are set; default 7 pt grey.
    public var style: TextStyle

    /// A footer; `pageNumberFormat` defaults to the Indonesian `Halaman {page} dari {pages}`.
    public init(text: String = "", pageNumberFormat: String = "Halaman {page} dari {pages}",
                style: TextStyle = TextStyle(size: 7, color: .grey)) {
        self.text = text
        self.pageNumberFormat = pageNumberFormat
        self.style = style
    }

    /// The page number as printed on page `page` (1-based) of `pages`.
    func pageNumber(_ page: Int, of pages: Int) -> String {
        pageNumberFormat.replacing("{pages}", with: String(pages)).replacing("{page}", with: String(page))
    }
}
