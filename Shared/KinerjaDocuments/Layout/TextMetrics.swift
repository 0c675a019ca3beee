/// What Pango says about a laid-out text: its size and where each line ends.
struct TextMetrics: Sendable, Hashable {
    /// Width of the widest line, in points.
    var width: Double
    /// Height of all lines, in points.
    var height: Double
    /// The bottom of each line measured from the top of the first, in points.
    var lineBottoms: [Double]

    /// Number of lines.
    var lineCount: Int { lineBottoms.count }

    /// Height of lines `range` together.
    func height(of range: Range<Int>) -> Double {
        guard !range.isEmpty else { return 0 }
        let top = range.lowerBound == 0 ? 0 : lineBottoms[range.lowerBound - 1]
        return lineBottoms[range.upperBound - 1] - top
    }
}

/// Measures text the way it will be drawn.
protocol TextMeasuring {
    /// The metrics of `text` in `style`, wrapped at `width` (nil: no wrapping).
    func measure(_ text: RichText, style: TextStyle, width: Double?) throws(DocumentError) -> TextMetrics
}
