internal import CCairo

/// Creates the Cairo surfaces KinerjaDocuments draws on, runs a drawing on them and returns the
/// encoded bytes, checking Cairo's status at every step.
enum CairoSurface {
    /// Pixels per point of PNG output.
    static let pngScale = 2.0

    /// A PDF of pages `width` × `height`, each drawn by `drawPage` with its index.
    static func pdf(width: Double, height: Double, pages: Int, metadata: DocumentMetadata,
                    drawPage: (OpaquePointer, Int) throws(DocumentError) -> Void) throws(DocumentError) -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(DocumentError) -> [UInt8] in
            guard let surface = cairo_pdf_surface_create_for_stream(ByteSink.write, sink.closure, width, height) else {
                throw DocumentError(.renderingFailed, "Cairo could not create a PDF surface")
            }
            defer { cairo_surface_destroy(surface) }
            let fields: [(cairo_pdf_metadata_t, String)] = [
                (CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author),
                (CAIRO_PDF_METADATA_SUBJECT, metadata.subject), (CAIRO_PDF_METADATA_KEYWORDS, metadata.keywords),
                (CAIRO_PDF_METADATA_CREATOR, metadata.creator),
            ]
            for (field, value) in fields where !value.isEmpty {
                cairo_pdf_surface_set_metadata(surface, field, Self.metadataSafe(value))
            }
            try check(surface)
            guard let cairo = cairo_create(surface) else { throw DocumentError(.renderingFailed, "Cairo could not create a context") }
            defer { cairo_destroy(cairo) }
            for page in 0..<pages {
                try drawPage(cairo, page)
                cairo_show_page(cairo)
            }
            cairo_surface_finish(surface)
            try check(surface)
            return sink.bytes
        }
    }

    /// An SVG of `width` × `height` points drawn by `draw`.
    static func svg(width: Double, height: Double, draw: (OpaquePointer) throws(DocumentError) -> Void) throws(DocumentError) -> [UInt8] {
        let sink = ByteSink()
        return try withExtendedLifetime(sink) { () throws(DocumentError) -> [UInt8] in
            guard let surface = cairo_svg_surface_create_for_stream(ByteSink.write, sink.closure, width, height) else {
                throw DocumentError(.renderingFailed, "Cairo could not create an SVG surface")
            }
            defer { cairo_surface_destroy(surface) }
            cairo_svg_surface_restrict_to_version(surface, CAIRO_SVG_VERSION_1_1)
            try check(surface)
            guard let cairo = cairo_create(surface) else { throw DocumentError(.renderingFailed, "Cairo could not create a context") }
            defer { cairo_destroy(cairo) }
            try draw(cairo)
            cairo_surface_finish(surface)
            try check(surface)
            return sink.bytes
        }
    }

    /// A PNG of `width` × `height` points at `scale` pixels per point on white, drawn by `draw`.
    static func png(width: Double, height: Double, scale: Double, draw: (OpaquePointer) throws(DocumentError) -> Void) throws(DocumentError) -> [UInt8] {
        guard scale.isFinite, scale > 0, width * scale <= 20_000, height * scale <= 20_000 else {
            throw DocumentError(.invalidContent, "an image of \(Int(width * scale)) × \(Int(height * scale)) pixels")
        }
        let pixelsWide = Int32((width * scale).rounded(.up)), pixelsHigh = Int32((height * scale).rounded(.up))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelsWide, pixelsHigh) else {
            throw DocumentError(.renderingFailed, "Cairo could not create an image surface")
        }
        defer { cairo_surface_destroy(surface) }
        try check(surface)
        guard let cairo = cairo_create(surface) else { throw DocumentError(.renderingFailed, "Cairo could not create a context") }
        defer { cairo_destroy(cairo) }
        cairo_set_source_rgb(cairo, 1, 1, 1)
        cairo_paint(cairo)
        cairo_scale(cairo, scale, scale)
        try draw(cairo)
        cairo_surface_flush(surface)
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) { cairo_surface_write_to_png_stream(surface, ByteSink.write, sink.closure) }
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DocumentError(.renderingFailed, "Cairo could not encode the PNG: " + String(cString: cairo_status_to_string(status)))
        }
        return sink.bytes
    }

    private static func check(_ surface: OpaquePointer) throws(DocumentError) {
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DocumentError(.renderingFailed, "Cairo: " + String(cString: cairo_status_to_string(status)))
        }
    }

    /// `value` without NUL characters (a C string ends at the first) and at most 2000 characters.
    private static func metadataSafe(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value != 0 }.prefix(2000).map(Character.init))
    }
}
