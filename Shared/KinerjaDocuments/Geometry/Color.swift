/// An sRGB colour with opacity, each component in 0…1.
public struct Color: Sendable, Hashable {
    /// Red.
    public var red: Double
    /// Green.
    public var green: Double
    /// Blue.
    public var blue: Double
    /// Opacity; 1 is opaque.
    public var alpha: Double

    /// A colour from components in 0…1 (values outside are clamped when drawn).
    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit `0xRRGGBB` value.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(red: Double((hex >> 16) & 0xff) / 255, green: Double((hex >> 8) & 0xff) / 255,
                  blue: Double(hex & 0xff) / 255, alpha: alpha)
    }

    /// Black.
    public static let black = Color(red: 0, green: 0, blue: 0)
    /// White.
    public static let white = Color(red: 1, green: 1, blue: 1)
    /// The grey of secondary text and rules.
    public static let grey = Color(hex: 0x666666)
    /// The light grey of section rows and grid lines.
    public static let lightGrey = Color(hex: 0xE6E6E6)
    /// The pale blue of table headers on official forms.
    public static let headerBlue = Color(hex: 0xD9E2F3)

    /// A palette of eight colours that stay distinguishable in print and for the common forms
    /// of colour blindness (Okabe–Ito), for chart series.
    public static let palette: [Color] = [
        Color(hex: 0x0072B2), Color(hex: 0xE69F00), Color(hex: 0x009E73), Color(hex: 0xCC79A7),
        Color(hex: 0x56B4E9), Color(hex: 0xD55E00), Color(hex: 0xF0E442), Color(hex: 0x000000),
    ]
}
