#if canImport(Glibc)
import Glibc
#endif

/// Something the optimiser cannot see through, so that decoded messages are really built.
nonisolated(unsafe) var blackHole = 0

@inline(never)
func consume(_ value: Int) { blackHole &+= value }

func nowSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// Operations per second of `body`, run in batches for `seconds`; the median of `repeats` runs.
func opsPerSecond(seconds: Double, repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    // Warm-up: caches, allocator, lazily built descriptors.
    for _ in 0..<200 { try body() }
    var rates: [Double] = []
    for _ in 0..<repeats {
        var operations = 0
        let start = nowSeconds()
        var elapsed = 0.0
        repeat {
            for _ in 0..<32 { try body() }
            operations += 32
            elapsed = nowSeconds() - start
        } while elapsed < seconds
        rates.append(Double(operations) / elapsed)
    }
    return rates.sorted()[rates.count / 2]
}
