public import BenchSupport
public import GRPCNIOTransportHTTP2Posix
import NIOCore
import NIOPosix

/// How grpc-swift-2 is configured: `defaults` as shipped, or `best` (issue 4, "Performance").
///
/// `best` runs Swift tasks on NIO's event loops
/// (`NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()`) and
/// disables flush coalescing (`flushCoalescing = nil`) on both ends.
public enum GRPCTuning: String, Sendable {
    case defaults
    case best

    /// `--tuning defaults|best`; `defaults` when absent.
    public init(_ arguments: BenchArguments) {
        switch arguments.extra["tuning"] {
        case nil, "defaults", "default": self = .defaults
        case "best": self = .best
        case let other?:
            FileHandleOutput.standardError("error: --tuning is defaults or best, not \(other)\n")
            exit(2)
        }
    }

    /// Must run first thing in `main`, before any task exists.
    public func installExecutorIfNeeded() {
        guard self == .best else { return }
        if !NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor() {
            FileHandleOutput.standardError("warning: could not install NIO as the global executor\n")
        }
    }

    public var serverConfig: HTTP2ServerTransport.Posix.Config {
        .defaults { config in
            if self == .best { config.connection.flushCoalescing = nil }
        }
    }

    public var clientConfig: HTTP2ClientTransport.Posix.Config {
        .defaults { config in
            if self == .best { config.connection.flushCoalescing = nil }
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
