extension Document {
    /// The document as PDF bytes: every page with its footer, and ``metadata`` in the PDF's
    /// information dictionary.
    public func pdf() throws(DocumentError) -> [UInt8] {
        try TextEngine.withEngine { engine throws(DocumentError) in
            let layout = try DocumentLayout(self, measurer: engine)
            return try CairoSurface.pdf(width: page.width, height: page.height, pages: layout.pages.count, metadata: metadata) { cairo, index throws(DocumentError) in
                try CairoCanvas(cairo: cairo, text: engine).draw(layout.pages[index])
            }
        }
    }

    /// Page `number` (1-based) as PNG bytes at `scale` pixels per point (default 2, about 144 dpi).
    public func png(page number: Int, scale: Double = 2) throws(DocumentError) -> [UInt8] {
        try TextEngine.withEngine { engine throws(DocumentError) in
            let layout = try DocumentLayout(self, measurer: engine)
            guard layout.pages.indices.contains(number - 1) else {
                throw DocumentError(.invalidContent, "page \(number) of a document of \(layout.pages.count) pages")
            }
            return try CairoSurface.png(width: page.width, height: page.height, scale: scale) { cairo throws(DocumentError) in
                try CairoCanvas(cairo: cairo, text: engine).draw(layout.pages[number - 1])
            }
        }
    }

    /// How many pages the document takes.
    public func pageCount() throws(DocumentError) -> Int {
        try TextEngine.withEngine { engine throws(DocumentError) in try DocumentLayout(self, measurer: engine).pages.count }
    }
}
