/// A chart: drawn alone as PDF, SVG or PNG (``Chart/render(_:width:height:)``) or inside a
/// ``Document`` (``Block/chart(_:height:)``).
public enum Chart: Sendable, Hashable {
    /// Bars per category, grouped or stacked.
    case bar(BarChart)
    /// Lines through one value per category.
    case line(LineChart)
}
