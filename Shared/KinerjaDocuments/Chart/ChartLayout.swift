/// Turns a chart into draw items inside a rectangle: title, legend, value axis with gridlines
/// and tick labels, category labels, the bars or lines, value labels and limit lines.
struct ChartLayout {
    let measurer: any TextMeasuring

    static let labelStyle = TextStyle(size: 7.5, color: Color(hex: 0x333333))
    static let titleStyle = TextStyle(size: 10, bold: true, alignment: .center)
    static let gridStroke = Stroke(width: 0.4, color: Color(hex: 0xC8C8C8))
    static let axisStroke = Stroke(width: 0.8, color: Color(hex: 0x333333))

    func items(for chart: Chart, in rect: Rect) throws(DocumentError) -> [DrawItem] {
        let spec = try ChartSpec(chart)
        var items: [DrawItem] = []
        var top = rect.minY + 2
        if !spec.title.isEmpty {
            let title = RichText(spec.title)
            let metrics = try measurer.measure(title, style: Self.titleStyle, width: rect.width)
            items.append(.text(TextItem(text: title, style: Self.titleStyle, origin: Point(x: rect.minX, y: top), width: rect.width)))
            top += metrics.height + 4
        }
        let legend = try legendItems(spec, left: rect.minX, top: top, width: rect.width)
        items += legend.items
        top = legend.bottom + 6

        let scale = AxisScale(covering: spec.extent, fixed: spec.axis.range)
        let decimals = scale.decimals
        let tickTexts = scale.ticks.map { RichText(AxisScale.format($0, decimals: decimals) + spec.axis.unitSuffix) }
        var tickWidth = 0.0, tickHeight = 0.0
        for text in tickTexts {
            let metrics = try measurer.measure(text, style: Self.labelStyle, width: nil)
            tickWidth = max(tickWidth, metrics.width)
            tickHeight = max(tickHeight, metrics.height)
        }
        var left = rect.minX + tickWidth + 6
        var axisTitle: (text: RichText, metrics: TextMetrics)?
        if !spec.axis.title.isEmpty {
            let text = RichText(spec.axis.title)
            let metrics = try measurer.measure(text, style: Self.labelStyle, width: nil)
            axisTitle = (text, metrics)
            left += metrics.height + 4
        }
        let plotWidth = rect.maxX - 6 - left
        let slot = plotWidth / Double(spec.categories.count)
        guard slot > 2 else { throw DocumentError(.invalidContent, "a chart \(Int(rect.width)) pt wide has no room for \(spec.categories.count) categories") }
        var labelHeight = 0.0
        let labelWidth = max(8, slot - 4)
        let categoryStyle = Self.labelStyle.centered
        for category in spec.categories {
            labelHeight = max(labelHeight, try measurer.measure(RichText(category), style: categoryStyle, width: labelWidth).height)
        }
        let plot = Rect(x: left, y: top + tickHeight / 2, width: plotWidth, height: rect.maxY - labelHeight - 6 - (top + tickHeight / 2))
        guard plot.height > 20 else { throw DocumentError(.invalidContent, "a chart \(Int(rect.height)) pt tall has no room for its plot") }
        func y(_ value: Double) -> Double { plot.maxY - min(1, max(0, scale.fraction(value))) * plot.height }

        for (tick, text) in zip(scale.ticks, tickTexts) {
            let at = y(tick)
            items.append(.polyline([Point(x: plot.minX, y: at), Point(x: plot.maxX, y: at)], Self.gridStroke))
            items.append(.text(TextItem(text: text, style: Self.labelStyle.aligned(.right),
                                        origin: Point(x: plot.minX - 6 - tickWidth, y: at - tickHeight / 2), width: tickWidth)))
        }
        if let axisTitle {
            items.append(.text(TextItem(text: axisTitle.text, style: Self.labelStyle,
                                        origin: Point(x: rect.minX, y: plot.minY + plot.height / 2 + axisTitle.metrics.width / 2),
                                        width: nil, vertical: true)))
        }
        for (index, category) in spec.categories.enumerated() {
            items.append(.text(TextItem(text: RichText(category), style: categoryStyle,
                                        origin: Point(x: plot.minX + Double(index) * slot + (slot - labelWidth) / 2, y: plot.maxY + 4),
                                        width: labelWidth)))
        }
        items += try marks(spec, plot: plot, slot: slot, y: y)
        items += limitItems(spec, plot: plot, slot: slot, y: y)
        let baseline = y(min(max(0, scale.lower), scale.upper))
        items.append(.polyline([Point(x: plot.minX, y: plot.minY), Point(x: plot.minX, y: plot.maxY)], Self.axisStroke))
        items.append(.polyline([Point(x: plot.minX, y: baseline), Point(x: plot.maxX, y: baseline)], Self.axisStroke))
        return items
    }

    /// Width of the bars of one category together, as a share of its slot.
    static let groupShare = 0.7

    private func marks(_ spec: ChartSpec, plot: Rect, slot: Double, y: (Double) -> Double) throws(DocumentError) -> [DrawItem] {
        var items: [DrawItem] = []
        var labels: [DrawItem] = []
        let group = slot * Self.groupShare
        let valueStyle = TextStyle(size: 6.5, color: Color(hex: 0x222222), alignment: .center)
        func label(_ value: Double, centerX: Double, top: Double, width: Double) throws(DocumentError) {
            let text = RichText(AxisScale.format(value, decimals: value == value.rounded() ? 0 : 1))
            let height = try measurer.measure(text, style: valueStyle, width: nil).height
            labels.append(.text(TextItem(text: text, style: valueStyle, origin: Point(x: centerX - width / 2, y: top - height), width: width)))
        }
        switch spec.marks {
        case .groupedBars:
            let bar = group / Double(spec.series.count)
            for (seriesIndex, series) in spec.series.enumerated() {
                for (category, value) in series.values.enumerated() {
                    guard let value else { continue }
                    let x = plot.minX + Double(category) * slot + (slot - group) / 2 + Double(seriesIndex) * bar
                    let (from, to) = (y(0), y(value))
                    items.append(.rect(Rect(x: x, y: min(from, to), width: bar, height: abs(from - to)), fill: series.color, stroke: nil))
                    if spec.showsValues { try label(value, centerX: x + bar / 2, top: min(from, to) - 1, width: bar + 16) }
                }
            }
        case .stackedBars:
            for category in spec.categories.indices {
                var base = 0.0
                let x = plot.minX + Double(category) * slot + (slot - group) / 2
                for series in spec.series {
                    guard let value = series.values[category], value > 0 else { continue }
                    let (from, to) = (y(base), y(base + value))
                    items.append(.rect(Rect(x: x, y: to, width: group, height: from - to), fill: series.color,
                                       stroke: Stroke(width: 0.5, color: .white)))
                    base += value
                }
                if spec.showsValues, base > 0 { try label(base, centerX: x + group / 2, top: y(base) - 1, width: group + 16) }
            }
        case .lines(let markers):
            for series in spec.series {
                var run: [Point] = []
                for (category, value) in series.values.enumerated() {
                    guard let value else {
                        if run.count > 1 { items.append(.polyline(run, Stroke(width: 1.6, color: series.color))) }
                        run = []
                        continue
                    }
                    let point = Point(x: plot.minX + (Double(category) + 0.5) * slot, y: y(value))
                    run.append(point)
                    if markers { labels.append(.dot(center: point, radius: 2.4, fill: series.color)) }
                }
                if run.count > 1 { items.append(.polyline(run, Stroke(width: 1.6, color: series.color))) }
            }
        }
        return items + labels
    }

    private func limitItems(_ spec: ChartSpec, plot: Rect, slot: Double, y: (Double) -> Double) -> [DrawItem] {
        var items: [DrawItem] = []
        for limit in spec.limits {
            let stroke = Stroke(width: 1.3, color: limit.color, dash: limit.dashed ? [4, 2.5] : [])
            switch limit.position {
            case .across(let value):
                items.append(.polyline([Point(x: plot.minX, y: y(value)), Point(x: plot.maxX, y: y(value))], stroke))
            case .perCategory(let values):
                let group = slot * Self.groupShare
                for (category, value) in values.enumerated() {
                    guard let value else { continue }
                    let x = plot.minX + Double(category) * slot + (slot - group) / 2 - 3
                    items.append(.polyline([Point(x: x, y: y(value)), Point(x: x + group + 6, y: y(value))], stroke))
                }
            }
        }
        return items
    }

    /// The legend: a swatch and a name per series and limit, in rows that wrap.
    private func legendItems(_ spec: ChartSpec, left: Double, top: Double, width: Double) throws(DocumentError) -> (items: [DrawItem], bottom: Double) {
        var entries: [(name: String, swatch: (Rect) -> DrawItem)] = []
        for series in spec.series {
            switch spec.marks {
            case .lines:
                entries.append((series.name, { rect in
                    .polyline([Point(x: rect.minX, y: rect.minY + rect.height / 2), Point(x: rect.maxX, y: rect.minY + rect.height / 2)],
                              Stroke(width: 1.6, color: series.color))
                }))
            case .groupedBars, .stackedBars:
                entries.append((series.name, { rect in .rect(rect, fill: series.color, stroke: nil) }))
            }
        }
        for limit in spec.limits {
            entries.append((limit.label, { rect in
                .polyline([Point(x: rect.minX, y: rect.minY + rect.height / 2), Point(x: rect.maxX, y: rect.minY + rect.height / 2)],
                          Stroke(width: 1.3, color: limit.color, dash: limit.dashed ? [4, 2.5] : []))
            }))
        }
        var items: [DrawItem] = []
        var x = left, rowTop = top, rowHeight = 0.0
        for entry in entries where !entry.name.isEmpty {
            let text = RichText(entry.name)
            let metrics = try measurer.measure(text, style: Self.labelStyle, width: min(width - 14, 220))
            let entryWidth = 14 + metrics.width + 10
            if x > left && x + entryWidth > left + width {
                x = left
                rowTop += rowHeight + 3
                rowHeight = 0
            }
            let swatch = Rect(x: x, y: rowTop + (min(metrics.height, 10) - 7) / 2 + 1, width: 11, height: 7)
            items.append(entry.swatch(swatch))
            items.append(.text(TextItem(text: text, style: Self.labelStyle, origin: Point(x: x + 14, y: rowTop), width: min(width - 14, 220))))
            x += entryWidth
            rowHeight = max(rowHeight, metrics.height)
        }
        return (items, rowTop + rowHeight)
    }
}
