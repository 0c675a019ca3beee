/// A reference line over a chart's values: a target across the whole chart, or a limit per
/// category (a distribution curve's quota for each predikat).
public struct LimitLine: Sendable, Hashable {
    /// Where the line is.
    public enum Position: Sendable, Hashable {
        /// One value across every category.
        case across(Double)
        /// A value per category, drawn over that category only; nil = none there.
        case perCategory([Double?])
    }

    /// Label in the legend.
    public var label: String
    /// Where the line is.
    public var position: Position
    /// Colour; default a dark red.
    public var color: Color
    /// Drawn dashed; default true.
    public var dashed: Bool

    /// A limit line.
    public init(label: String, position: Position, color: Color = Color(hex: 0xB2182B), dashed: Bool = true) {
        self.label = label
        self.position = position
        self.color = color
        self.dashed = dashed
    }

    /// The values the line takes (to size the value axis).
    var values: [Double] {
        switch position {
        case .across(let value): return [value]
        case .perCategory(let values): return values.compactMap { $0 }
        }
    }
}
