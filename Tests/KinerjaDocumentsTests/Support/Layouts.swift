@testable import KinerjaDocuments

/// The laid-out pages of a document, for tests that check where things went.
struct Pages {
    let pages: [[DrawItem]]

    init(_ document: Document) throws {
        pages = try TextEngine.withEngine { engine throws(DocumentError) in try DocumentLayout(document, measurer: engine).pages }
    }

    /// The text of each text item on page `page` (1-based), whole texts (not line ranges).
    func texts(onPage page: Int) -> [String] {
        pages[page - 1].compactMap { item in
            if case .text(let text) = item { text.text.plainText } else { nil }
        }
    }

    /// The pages (1-based) on which a text item containing `fragment` is drawn.
    func pagesShowing(_ fragment: String) -> [Int] {
        pages.indices.filter { index in texts(onPage: index + 1).contains { $0.contains(fragment) } }.map { $0 + 1 }
    }

    /// The pages (1-based) on which a text item reading exactly `text` is drawn.
    func pagesShowingExactly(_ text: String) -> [Int] {
        pages.indices.filter { index in texts(onPage: index + 1).contains(text) }.map { $0 + 1 }
    }

    var count: Int { pages.count }
}
