/// One series of a chart: a name for the legend and one value per category.
public struct ChartSeries: Sendable, Hashable {
    /// Name in the legend.
    public var name: String
    /// One value per category (missing values are nil: no bar, a gap in a line).
    public var values: [Double?]
    /// Colour; nil = the next colour of ``Color/palette``.
    public var color: Color?

    /// A series.
    public init(name: String, values: [Double?], color: Color? = nil) {
        self.name = name
        self.values = values
        self.color = color
    }
}
