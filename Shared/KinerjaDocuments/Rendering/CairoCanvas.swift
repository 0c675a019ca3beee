internal import CCairo

/// Draws ``DrawItem``s on a Cairo context, whatever its surface (PDF, SVG, image).
struct CairoCanvas {
    let cairo: OpaquePointer
    let text: TextEngine

    func draw(_ items: [DrawItem]) throws(DocumentError) {
        for item in items {
            switch item {
            case .text(let textItem):
                try text.draw(textItem, on: cairo)
            case .rect(let rect, let fill, let stroke):
                if let fill {
                    setSource(fill)
                    cairo_rectangle(cairo, rect.minX, rect.minY, rect.width, rect.height)
                    cairo_fill(cairo)
                }
                if let stroke {
                    apply(stroke)
                    cairo_rectangle(cairo, rect.minX, rect.minY, rect.width, rect.height)
                    cairo_stroke(cairo)
                }
            case .polyline(let points, let stroke):
                guard let first = points.first, points.count > 1 else { continue }
                apply(stroke)
                cairo_move_to(cairo, first.x, first.y)
                for point in points.dropFirst() { cairo_line_to(cairo, point.x, point.y) }
                cairo_stroke(cairo)
            case .dot(let center, let radius, let fill):
                setSource(fill)
                cairo_new_sub_path(cairo)
                cairo_arc(cairo, center.x, center.y, radius, 0, 2 * Double.pi)
                cairo_fill(cairo)
            }
        }
        let status = cairo_status(cairo)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw DocumentError(.renderingFailed, "Cairo: " + String(cString: cairo_status_to_string(status)))
        }
    }

    private func setSource(_ color: Color) {
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
    }

    private func apply(_ stroke: Stroke) {
        setSource(stroke.color)
        cairo_set_line_width(cairo, stroke.width)
        cairo_set_line_join(cairo, CAIRO_LINE_JOIN_MITER)
        cairo_set_line_cap(cairo, CAIRO_LINE_CAP_BUTT)
        stroke.dash.withUnsafeBufferPointer { dashes in
            cairo_set_dash(cairo, dashes.baseAddress, Int32(dashes.count), 0)
        }
    }
}
