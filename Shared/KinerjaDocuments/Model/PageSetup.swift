/// The paper and its margins; the body is what lies inside the margins, the footer sits in the
/// bottom margin.
public struct PageSetup: Sendable, Hashable {
    /// Page width in points.
    public var width: Double
    /// Page height in points.
    public var height: Double
    /// Top margin in points.
    public var top: Double
    /// Bottom margin in points; holds the footer.
    public var bottom: Double
    /// Left margin in points.
    public var left: Double
    /// Right margin in points.
    public var right: Double

    /// A page of `width` × `height` points with the given margins.
    public init(width: Double, height: Double, top: Double, bottom: Double, left: Double, right: Double) {
        self.width = width
        self.height = height
        self.top = top
        self.bottom = bottom
        self.left = left
        self.right = right
    }

    /// A4 portrait (210 × 297 mm) with margins of 15 mm at the top, 20 mm at the bottom
    /// (for the footer), 20 mm on the left (binding) and 15 mm on the right.
    public static let a4Portrait = PageSetup(
        width: 210 * pointsPerMillimetre, height: 297 * pointsPerMillimetre,
        top: 15 * pointsPerMillimetre, bottom: 20 * pointsPerMillimetre,
        left: 20 * pointsPerMillimetre, right: 15 * pointsPerMillimetre)

    /// A4 landscape (297 × 210 mm) with the same margins as ``a4Portrait``.
    public static let a4Landscape = PageSetup(
        width: 297 * pointsPerMillimetre, height: 210 * pointsPerMillimetre,
        top: 15 * pointsPerMillimetre, bottom: 20 * pointsPerMillimetre,
        left: 20 * pointsPerMillimetre, right: 15 * pointsPerMillimetre)

    /// The area inside the margins.
    var body: Rect {
        Rect(x: left, y: top, width: width - left - right, height: height - top - bottom)
    }

    /// Fails unless the body has room (at least 72 × 72 points).
    func validate() throws(DocumentError) {
        let values = [width, height, top, bottom, left, right]
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }), body.width >= 72, body.height >= 72 else {
            throw DocumentError(.invalidContent, "the page \(width) × \(height) pt leaves no room inside its margins")
        }
    }
}
