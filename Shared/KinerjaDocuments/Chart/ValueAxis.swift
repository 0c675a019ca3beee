/// The value (vertical) axis of a chart: its title, range and how its numbers read.
public struct ValueAxis: Sendable, Hashable {
    /// Title along the axis; may be empty.
    public var title: String
    /// Fixed range; nil = from 0 (or the smallest negative value) to a round number above the
    /// largest value.
    public var range: ClosedRange<Double>?
    /// Text after each tick number, e.g. `%`.
    public var unitSuffix: String

    /// An axis.
    public init(title: String = "", range: ClosedRange<Double>? = nil, unitSuffix: String = "") {
        self.title = title
        self.range = range
        self.unitSuffix = unitSuffix
    }
}
