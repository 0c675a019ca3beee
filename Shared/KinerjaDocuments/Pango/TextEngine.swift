internal import CCairo
import Synchronization

/// Pango on one private font map at 72 dpi (one point is one unit, whatever the surface), with
/// hinting off so that text measures the same in PDF, SVG and PNG.
///
/// Pango and fontconfig are not safe to use from several threads at once, so the engine exists
/// once and is reached only through ``withEngine(_:)``, which holds a lock for the whole
/// layout-and-draw of one document or chart. (`@unchecked Sendable` for that reason: the lock,
/// not the type, keeps it to one thread at a time.)
final class TextEngine: TextMeasuring, @unchecked Sendable {
    private let fontMap: UnsafeMutablePointer<PangoFontMap>
    private let context: OpaquePointer
    private var cache: [CacheKey: TextMetrics] = [:]

    private struct CacheKey: Hashable {
        var text: RichText
        var style: TextStyle
        var width: Double?
    }

    /// Most measurements kept (a long document measures each cell twice: to lay out, to split).
    private static let cacheLimit = 4096

    private static let shared = Mutex<TextEngine?>(nil)

    /// Runs `body` with the engine, under its lock; creates the engine on first use.
    static func withEngine<R>(_ body: (TextEngine) throws(DocumentError) -> R) throws(DocumentError) -> R {
        let result: Result<R, DocumentError> = shared.withLock { engine in
            do throws(DocumentError) {
                if engine == nil { engine = try TextEngine() }
                guard let ready = engine else { throw DocumentError(.renderingFailed, "no text engine") }
                return .success(try body(ready))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private init() throws(DocumentError) {
        guard let rawMap = pango_cairo_font_map_new() else {
            throw DocumentError(.renderingFailed, "Pango could not create a font map (is fontconfig installed?)")
        }
        let map = UnsafeMutableRawPointer(rawMap).assumingMemoryBound(to: PangoFontMap.self)
        pango_cairo_font_map_set_resolution(OpaquePointer(rawMap), 72)
        guard let context = pango_font_map_create_context(map) else {
            g_object_unref(rawMap)
            throw DocumentError(.renderingFailed, "Pango could not create a context")
        }
        pango_cairo_context_set_resolution(context, 72)
        if let options = cairo_font_options_create() {
            cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
            cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
            cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
            pango_cairo_context_set_font_options(context, options)
            cairo_font_options_destroy(options)
        }
        self.fontMap = map
        self.context = context
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(UnsafeMutableRawPointer(fontMap))
    }

    func measure(_ text: RichText, style: TextStyle, width: Double?) throws(DocumentError) -> TextMetrics {
        let key = CacheKey(text: text, style: style, width: width)
        if let known = cache[key] { return known }
        let layout = try makeLayout(text, style: style, width: width)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var lineBottoms: [Double] = []
        var widest: Int32 = 0
        if let iterator = pango_layout_get_iter(layout) {
            defer { pango_layout_iter_free(iterator) }
            repeat {
                var top: Int32 = 0, bottom: Int32 = 0
                pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
                var logical = PangoRectangle()
                pango_layout_iter_get_line_extents(iterator, nil, &logical)
                widest = max(widest, logical.width)
                lineBottoms.append(Self.points(bottom))
            } while pango_layout_iter_next_line(iterator) != 0
        }
        var logicalWidth: Int32 = 0, logicalHeight: Int32 = 0
        pango_layout_get_size(layout, &logicalWidth, &logicalHeight)
        let metrics = TextMetrics(width: Self.points(widest), height: Self.points(logicalHeight), lineBottoms: lineBottoms)
        if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
        cache[key] = metrics
        return metrics
    }

    /// Draws `item` on the Cairo context `cairo` (its lines, at its place, in its colour).
    func draw(_ item: TextItem, on cairo: OpaquePointer) throws(DocumentError) {
        let layout = try makeLayout(item.text, style: item.style, width: item.width)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        let color = item.style.color
        cairo_save(cairo)
        defer { cairo_restore(cairo) }
        cairo_set_source_rgba(cairo, color.red, color.green, color.blue, color.alpha)
        cairo_translate(cairo, item.origin.x, item.origin.y)
        if item.vertical { cairo_rotate(cairo, -Double.pi / 2) }
        guard let iterator = pango_layout_get_iter(layout) else { return }
        defer { pango_layout_iter_free(iterator) }
        var index = 0
        var firstTop: Int32?
        repeat {
            defer { index += 1 }
            if let wanted = item.lines, !wanted.contains(index) { continue }
            var top: Int32 = 0, bottom: Int32 = 0
            pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
            let origin = firstTop ?? top
            firstTop = origin
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            let baseline = pango_layout_iter_get_baseline(iterator)
            guard let line = pango_layout_iter_get_line_readonly(iterator) else { continue }
            cairo_move_to(cairo, Self.points(logical.x), Self.points(baseline - origin))
            pango_cairo_show_layout_line(cairo, line)
        } while pango_layout_iter_next_line(iterator) != 0
    }

    /// A Pango layout of `text`; the caller unrefs it.
    private func makeLayout(_ text: RichText, style: TextStyle, width: Double?) throws(DocumentError) -> OpaquePointer {
        guard style.size.isFinite, style.size > 0, style.size <= 400 else {
            throw DocumentError(.invalidContent, "a font size of \(style.size) pt")
        }
        guard let layout = pango_layout_new(context) else {
            throw DocumentError(.renderingFailed, "Pango could not create a layout")
        }
        if let description = pango_font_description_new() {
            pango_font_description_set_family(description, style.family)
            pango_font_description_set_size(description, Int32((style.size * Double(PANGO_SCALE)).rounded()))
            pango_font_description_set_weight(description, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
            pango_font_description_set_style(description, style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
            pango_layout_set_font_description(layout, description)
            pango_font_description_free(description)
        }
        if let width {
            guard width.isFinite, width > 0 else {
                g_object_unref(UnsafeMutableRawPointer(layout))
                throw DocumentError(.invalidContent, "text wrapped at a width of \(width) pt")
            }
            pango_layout_set_width(layout, Int32(min(width * Double(PANGO_SCALE), Double(Int32.max / 2)).rounded(.down)))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch style.alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        case .justified:
            pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
            pango_layout_set_justify(layout, 1)
        }
        pango_layout_set_markup(layout, text.markup, -1)
        return layout
    }

    private static func points(_ units: Int32) -> Double {
        Double(units) / Double(PANGO_SCALE)
    }
}
