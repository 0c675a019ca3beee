/// A point in PostScript points (1/72 inch), origin at the top left, y growing downwards.
struct Point: Sendable, Hashable {
    /// Horizontal position.
    var x: Double
    /// Vertical position, downwards.
    var y: Double

    /// The point (`x`, `y`).
    init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// A size in points.
struct Size: Sendable, Hashable {
    /// Width.
    var width: Double
    /// Height.
    var height: Double

    /// The size `width` × `height`.
    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }
}

/// An axis-aligned rectangle in points.
struct Rect: Sendable, Hashable {
    /// Top-left corner.
    var origin: Point
    /// Width and height.
    var size: Size

    /// The rectangle at (`x`, `y`) of `width` × `height`.
    init(x: Double, y: Double, width: Double, height: Double) {
        origin = Point(x: x, y: y)
        size = Size(width: width, height: height)
    }

    var minX: Double { origin.x }
    var minY: Double { origin.y }
    var maxX: Double { origin.x + size.width }
    var maxY: Double { origin.y + size.height }
    var width: Double { size.width }
    var height: Double { size.height }

    /// The rectangle moved by (`dx`, `dy`).
    func offsetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: origin.x + dx, y: origin.y + dy, width: size.width, height: size.height)
    }

    /// The rectangle shrunk by `inset` on every side (never below zero size).
    func insetBy(_ inset: Double) -> Rect {
        Rect(x: origin.x + inset, y: origin.y + inset,
             width: max(0, size.width - 2 * inset), height: max(0, size.height - 2 * inset))
    }
}

/// Points per millimetre (72 / 25.4).
public let pointsPerMillimetre = 72.0 / 25.4
