/// A value range rounded outwards to "nice" tick steps (1, 2 or 5 times a power of ten), so
/// that an axis reads 0, 20, 40 … rather than 0, 17.3, 34.6 ….
struct AxisScale: Sendable, Hashable {
    /// The lowest value on the axis.
    var lower: Double
    /// The highest value on the axis.
    var upper: Double
    /// Distance between ticks.
    var step: Double

    /// A scale covering `values` (and 0), with about `targetTicks` intervals; `fixed` wins when given.
    init(covering values: [Double], fixed: ClosedRange<Double>?, targetTicks: Int = 5) {
        let low: Double, high: Double
        if let fixed {
            low = fixed.lowerBound
            high = fixed.upperBound > fixed.lowerBound ? fixed.upperBound : fixed.lowerBound + 1
        } else {
            low = min(0, values.min() ?? 0)
            let top = max(0, values.max() ?? 0)
            high = top > low ? top : low + 1
        }
        let raw = (high - low) / Double(max(1, targetTicks))
        let magnitude = Self.powerOfTen(below: raw)
        let residual = raw / magnitude
        let step = (residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1) * magnitude
        self.step = step
        if fixed != nil {
            lower = low
            upper = high
        } else {
            lower = (low / step).rounded(.down) * step
            upper = (high / step).rounded(.up) * step
        }
    }

    /// The tick values from lower to upper.
    var ticks: [Double] {
        guard step > 0, upper > lower else { return [lower] }
        var values: [Double] = []
        var index = (lower / step).rounded(.up)
        while index * step <= upper + step * 1e-9 && values.count < 100 {
            values.append(index * step)
            index += 1
        }
        return values
    }

    /// Where `value` falls between lower (0) and upper (1).
    func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    /// Decimals that show every tick exactly (0 for steps of 1 and more).
    var decimals: Int {
        var decimals = 0
        var scaled = step
        while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-9 {
            scaled *= 10
            decimals += 1
        }
        return decimals
    }

    /// `value` with `decimals` decimals, a decimal comma as Indonesian readers expect
    /// (`12,5`), and no exponent.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "—" }
        var factor = 1.0
        for _ in 0..<decimals { factor *= 10 }
        let scaled = (abs(value) * factor).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int64(scaled) / Int64(factor)
        let fraction = Int64(scaled) % Int64(factor)
        var text = (value < 0 && scaled > 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            let digits = String(fraction)
            text += "," + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    private static func powerOfTen(below value: Double) -> Double {
        guard value.isFinite, value > 0 else { return 1 }
        var power = 1.0
        while power > value { power /= 10 }
        while power * 10 <= value { power *= 10 }
        return power
    }
}
