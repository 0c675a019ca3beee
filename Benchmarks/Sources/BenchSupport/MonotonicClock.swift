#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Nanoseconds from CLOCK_MONOTONIC: cheap enough to read twice per call.
@inline(__always)
public func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
}

/// The warm-up and measurement windows of one client run, in monotonic nanoseconds.
public struct MeasurementWindow: Sendable {
    public let start: UInt64
    public let measureFrom: UInt64
    public let measureUntil: UInt64

    public init(warmup: Double, duration: Double) {
        start = monotonicNanoseconds()
        measureFrom = start + UInt64(warmup * 1e9)
        measureUntil = measureFrom + UInt64(duration * 1e9)
    }

    /// Measured seconds.
    public var seconds: Double { Double(measureUntil - measureFrom) / 1e9 }

    /// Whether a call that ran from `begin` to `end` is inside the measured window.
    @inline(__always)
    public func counts(begin: UInt64, end: UInt64) -> Bool { begin >= measureFrom && end <= measureUntil }
}
