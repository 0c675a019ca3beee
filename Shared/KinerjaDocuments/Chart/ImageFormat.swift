/// A file format a chart renders to.
public enum ImageFormat: Sendable, Hashable, CaseIterable {
    /// One-page PDF (vector).
    case pdf
    /// SVG 1.1 (vector; text as outlines, so it looks the same without the fonts).
    case svg
    /// PNG (raster, at 2 pixels per point).
    case png
}
