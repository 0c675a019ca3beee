import KinerjaProto

extension String {
    /// The text without leading and trailing whitespace.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// Length as the contract counts characters: Unicode scalars, after trimming.
    var trimmedLength: Int { trimmed.unicodeScalars.count }

    /// The text cut to at most `limit` Unicode scalars, ending with "…" when cut.
    func truncated(to limit: Int) -> String {
        let scalars = unicodeScalars
        guard scalars.count > limit, limit > 0 else { return self }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(limit - 1))
        view.append("…")
        return String(view)
    }
}

/// Number formatting for explanations: integers without a fraction, others with one or two decimals.
enum Figures {
    /// `value` with at most `decimals` decimals and no trailing zeros, e.g. 300, 12.5, 2.083.
    static func number(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        var scale: Int64 = 1
        for _ in 0..<max(0, min(decimals, 6)) { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        let sign = value < 0 && scaled != 0 ? "-" : ""
        let whole = scaled / scale
        var fraction = scaled % scale
        guard fraction != 0 else { return sign + String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: String(scale).count - 1 - digits.count) + digits
        while digits.hasSuffix("0") {
            digits.removeLast()
            fraction /= 10
        }
        return sign + String(whole) + "." + digits
    }

    /// A percent with one decimal, e.g. "66.7%".
    static func percent(_ value: Double) -> String {
        number(value, decimals: 1) + "%"
    }
}
