extension Chart {
    /// The chart alone on a canvas of `width` × `height` points, as PDF, SVG or PNG bytes (PNG at
    /// 2 pixels per point, on white).
    public func render(_ format: ImageFormat, width: Double, height: Double) throws(DocumentError) -> [UInt8] {
        guard width.isFinite, height.isFinite, width >= 120, height >= 90, width <= 5000, height <= 5000 else {
            throw DocumentError(.invalidContent, "a chart of \(width) × \(height) pt (120 × 90 to 5000 × 5000)")
        }
        return try TextEngine.withEngine { engine throws(DocumentError) in
            let margin = 10.0
            let items = try ChartLayout(measurer: engine).items(
                for: self, in: Rect(x: margin, y: margin, width: width - 2 * margin, height: height - 2 * margin))
            let draw = { (cairo: OpaquePointer) throws(DocumentError) in try CairoCanvas(cairo: cairo, text: engine).draw(items) }
            switch format {
            case .pdf:
                return try CairoSurface.pdf(width: width, height: height, pages: 1, metadata: DocumentMetadata()) { cairo, _ throws(DocumentError) in
                    try draw(cairo)
                }
            case .svg:
                return try CairoSurface.svg(width: width, height: height, draw: draw)
            case .png:
                return try CairoSurface.png(width: width, height: height, scale: CairoSurface.pngScale, draw: draw)
            }
        }
    }
}
