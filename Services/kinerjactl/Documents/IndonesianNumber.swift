/// Numbers as Indonesian official documents write them: a dot between thousands and a comma
/// before the fraction (`1.200`, `2,5`, `12.345,75`), so that a target reads as on the form.
enum IndonesianNumber {
    /// `value` with at most 4 digits after the comma, trailing zeros dropped; a value too large
    /// for that precision (10^14 and more, never a target) as Swift prints it.
    static func format(_ value: Double) -> String {
        let scale: Double = 10_000
        guard value.isFinite, abs(value) < 1e14 else { return value.isFinite ? String(value) : "—" }
        let units = UInt64((abs(value) * scale).rounded())
        let integer = units / UInt64(scale)
        var fraction = String(units % UInt64(scale))
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && units > 0 ? "-" : ""
        return sign + grouped(String(integer)) + (fraction.isEmpty ? "" : "," + fraction)
    }

    /// `1234567` → `1.234.567`.
    private static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(".") }
            result.append(digit)
        }
        return result
    }
}
