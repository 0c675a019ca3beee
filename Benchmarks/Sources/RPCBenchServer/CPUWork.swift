// A handler's work, simulated: each call spins the CPU for a fixed time before the echo runs, so
// that the server's capacity is set by its cores (as a real service's is) rather than by the
// protocol. Used by the overload benchmark (Benchmarks/overload.sh).
import BenchSupport
import KinerjaProto
import KinerjaRPC

struct CPUWork: ServerInterceptor {
    let microseconds: Int

    func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        let until = monotonicNanoseconds() + UInt64(microseconds) * 1000
        var spin: UInt64 = 0
        while monotonicNanoseconds() < until { spin &+= 1 }
        if spin == .max { print("") }  // keeps the loop from being optimised away
        try await next(context)
    }
}
