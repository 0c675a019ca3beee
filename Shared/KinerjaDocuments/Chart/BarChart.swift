/// Bars per category for one or more series, side by side (grouped) or on top of each other
/// (stacked), with optional limit lines.
public struct BarChart: Sendable, Hashable {
    /// How the series of one category are arranged.
    public enum Arrangement: Sendable, Hashable {
        /// Side by side.
        case grouped
        /// On top of each other (values must not be negative).
        case stacked
    }

    /// Title above the chart; may be empty.
    public var title: String
    /// Category labels along the horizontal axis.
    public var categories: [String]
    /// The series; each has one value per category.
    public var series: [ChartSeries]
    /// Grouped or stacked.
    public var arrangement: Arrangement
    /// Reference lines.
    public var limits: [LimitLine]
    /// The value axis.
    public var valueAxis: ValueAxis
    /// Print each bar's value above (grouped) or inside (stacked) it.
    public var showsValues: Bool

    /// A bar chart.
    public init(title: String = "", categories: [String], series: [ChartSeries], arrangement: Arrangement = .grouped,
                limits: [LimitLine] = [], valueAxis: ValueAxis = ValueAxis(), showsValues: Bool = false) {
        self.title = title
        self.categories = categories
        self.series = series
        self.arrangement = arrangement
        self.limits = limits
        self.valueAxis = valueAxis
        self.showsValues = showsValues
    }
}
