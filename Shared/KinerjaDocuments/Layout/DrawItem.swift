/// One thing to draw on a page, in page coordinates (points, y down). Layout produces these as
/// plain values; ``CairoCanvas`` draws them on any surface, so a page looks the same in PDF,
/// SVG and PNG.
enum DrawItem: Sendable, Hashable {
    /// Text laid out by Pango.
    case text(TextItem)
    /// A rectangle, filled and/or stroked.
    case rect(Rect, fill: Color?, stroke: Stroke?)
    /// Connected line segments.
    case polyline([Point], Stroke)
    /// A filled circle (chart markers).
    case dot(center: Point, radius: Double, fill: Color)

    /// The item moved by (`dx`, `dy`).
    func offsetBy(dx: Double, dy: Double) -> DrawItem {
        switch self {
        case .text(var item):
            item.origin = Point(x: item.origin.x + dx, y: item.origin.y + dy)
            return .text(item)
        case .rect(let rect, let fill, let stroke):
            return .rect(rect.offsetBy(dx: dx, dy: dy), fill: fill, stroke: stroke)
        case .polyline(let points, let stroke):
            return .polyline(points.map { Point(x: $0.x + dx, y: $0.y + dy) }, stroke)
        case .dot(let center, let radius, let fill):
            return .dot(center: Point(x: center.x + dx, y: center.y + dy), radius: radius, fill: fill)
        }
    }
}

/// How a line is stroked.
struct Stroke: Sendable, Hashable {
    /// Width in points.
    var width: Double
    /// Colour.
    var color: Color
    /// Dash pattern (on, off, … in points); empty = solid.
    var dash: [Double] = []
}

/// Text placed on a page: what, how, where, how wide it may be, and which of its lines.
struct TextItem: Sendable, Hashable {
    /// The text.
    var text: RichText
    /// Its style.
    var style: TextStyle
    /// Top-left corner of the first drawn line.
    var origin: Point
    /// Wrap width; nil = one line per `\n`, as wide as it is.
    var width: Double?
    /// The lines to draw (a paragraph continued on the next page); nil = all.
    var lines: Range<Int>? = nil
    /// Drawn turned 90° anticlockwise (a vertical axis title); `origin` is then its bottom-left.
    var vertical: Bool = false
}
