/// Lines through one value per category (months, periods) for one or more series, with
/// optional limit lines.
public struct LineChart: Sendable, Hashable {
    /// Title above the chart; may be empty.
    public var title: String
    /// Category labels along the horizontal axis, in order.
    public var categories: [String]
    /// The series; each has one value per category (nil leaves a gap).
    public var series: [ChartSeries]
    /// Reference lines.
    public var limits: [LimitLine]
    /// The value axis.
    public var valueAxis: ValueAxis
    /// Mark each value with a dot.
    public var showsMarkers: Bool

    /// A line chart.
    public init(title: String = "", categories: [String], series: [ChartSeries], limits: [LimitLine] = [],
                valueAxis: ValueAxis = ValueAxis(), showsMarkers: Bool = true) {
        self.title = title
        self.categories = categories
        self.series = series
        self.limits = limits
        self.valueAxis = valueAxis
        self.showsMarkers = showsMarkers
    }
}
