/// A bar or line chart checked and reduced to what layout needs: every series with a colour,
/// one value per category, finite values.
struct ChartSpec {
    enum Marks {
        case groupedBars
        case stackedBars
        case lines(markers: Bool)
    }

    var title: String
    var categories: [String]
    var series: [(name: String, values: [Double?], color: Color)]
    var limits: [LimitLine]
    var axis: ValueAxis
    var marks: Marks
    var showsValues: Bool

    init(_ chart: Chart) throws(DocumentError) {
        let rawSeries: [ChartSeries]
        switch chart {
        case .bar(let bar):
            title = bar.title
            categories = bar.categories
            rawSeries = bar.series
            limits = bar.limits
            axis = bar.valueAxis
            marks = bar.arrangement == .grouped ? .groupedBars : .stackedBars
            showsValues = bar.showsValues
        case .line(let line):
            title = line.title
            categories = line.categories
            rawSeries = line.series
            limits = line.limits
            axis = line.valueAxis
            marks = .lines(markers: line.showsMarkers)
            showsValues = false
        }
        guard !categories.isEmpty, !rawSeries.isEmpty else {
            throw DocumentError(.invalidContent, "a chart needs at least one category and one series")
        }
        guard categories.count <= 400, rawSeries.count <= 40 else {
            throw DocumentError(.invalidContent, "a chart of \(categories.count) categories and \(rawSeries.count) series is too large to read")
        }
        series = []
        for (index, item) in rawSeries.enumerated() {
            guard item.values.count == categories.count else {
                throw DocumentError(.invalidContent, "series \"\(item.name)\" has \(item.values.count) values for \(categories.count) categories")
            }
            guard item.values.allSatisfy({ $0?.isFinite ?? true }) else {
                throw DocumentError(.invalidContent, "series \"\(item.name)\" has a value that is not a finite number")
            }
            if case .stackedBars = marks, item.values.contains(where: { ($0 ?? 0) < 0 }) {
                throw DocumentError(.invalidContent, "series \"\(item.name)\" has a negative value in stacked bars")
            }
            series.append((item.name, item.values, item.color ?? Color.palette[index % Color.palette.count]))
        }
        for limit in limits {
            if case .perCategory(let values) = limit.position, values.count != categories.count {
                throw DocumentError(.invalidContent, "limit \"\(limit.label)\" has \(values.count) values for \(categories.count) categories")
            }
            guard limit.values.allSatisfy(\.isFinite) else {
                throw DocumentError(.invalidContent, "limit \"\(limit.label)\" is not a finite number")
            }
        }
        if let range = axis.range, !(range.lowerBound.isFinite && range.upperBound.isFinite) {
            throw DocumentError(.invalidContent, "the value axis range is not finite")
        }
    }

    /// Every value the axis must show: bar tops (stack totals when stacked), points, limits.
    var extent: [Double] {
        var values = limits.flatMap(\.values)
        switch marks {
        case .stackedBars:
            for category in categories.indices {
                values.append(series.reduce(0) { $0 + ($1.values[category] ?? 0) })
            }
        case .groupedBars, .lines:
            values += series.flatMap { $0.values.compactMap { $0 } }
        }
        return values
    }
}
