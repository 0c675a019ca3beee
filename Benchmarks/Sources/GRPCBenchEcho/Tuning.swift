public import BenchSupport
public import GRPCNIOTransportHTTP2Posix
import NIOCore
import NIOPosix

/// How grpc-swift-2 is configured on both ends (issue 4, "Performance"): `--tuning NAME`.
///
/// The two knobs the issue names: run Swift tasks on NIO's event loops
/// (`NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()`),
/// and disable flush coalescing (`config.connection.flushCoalescing = nil`). Each helps some
/// workloads and hurts others, so all four combinations can be measured and the best one
/// per workload is grpc-swift-2's "best tuning".
public enum GRPCTuning: String, Sendable, CaseIterable {
    /// As shipped: Swift's global executor, flush coalescing on (100 µs / 64 KiB).
    case defaults
    /// NIO's event loops as the global executor; flush coalescing on.
    case executor
    /// Swift's global executor; flush coalescing off.
    case noCoalescing = "no-coalescing"
    /// NIO's event loops as the global executor and flush coalescing off.
    case best

    /// `--tuning NAME`; `defaults` when absent.
    public init(_ arguments: BenchArguments) {
        guard let name = arguments.extra["tuning"] else {
            self = .defaults
            return
        }
        guard let tuning = GRPCTuning(rawValue: name) else {
            let names = GRPCTuning.allCases.map(\.rawValue).joined(separator: ", ")
            FileHandleOutput.standardError("error: --tuning is one of \(names), not \(name)\n")
            exit(2)
        }
        self = tuning
    }

    var runsOnEventLoops: Bool { self == .executor || self == .best }
    var coalescesFlushes: Bool { self == .defaults || self == .executor }

    /// Must run first thing in `main`, before any task exists.
    public func installExecutorIfNeeded() {
        guard runsOnEventLoops else { return }
        if !NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            FileHandleOutput.standardError("warning: could not install NIO as the global executor\n")
        }
    }

    public var serverConfig: HTTP2ServerTransport.Posix.Config {
        .defaults { config in
            if !coalescesFlushes { config.connection.flushCoalescing = nil }
        }
    }

    public var clientConfig: HTTP2ClientTransport.Posix.Config {
        .defaults { config in
            if !coalescesFlushes { config.connection.flushCoalescing = nil }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
