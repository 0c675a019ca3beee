// swift-tools-version: 6.0
// Kinerja benchmarks (issue 4, "Performance"): a separate package so the main build stays fast.
// Build: swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build-bench
// Run everything side by side: Benchmarks/run.sh (see Benchmarks/README.md).
//
// This manifest is SHARED. Add your targets and dependencies with precise edits; never rewrite
// another engineer's target. Owners:
//   - benchmark peers + harness: BenchSupport, GRPCBenchEcho, GRPCBenchServer, GRPCBenchClient, CodecBenchmark,
//     SwiftProtobufContract, RawOpenSSL/ (C, compiled by run.sh, not by SwiftPM), run.sh, README.md
//   - TLS engineer: TLSBenchmark
//   - RPC engineer: RPCBenchServer, RPCBenchClient (the "ours" peer; same CLI contract as the grpc
//     peer, see README.md — BenchSupport implements the contract's arguments, timing and JSON line)
import PackageDescription
import Foundation

/// The parent package (`..`) is a path dependency: its identity is its folder's name, which is not
/// the same in every clone, so it is computed rather than spelled out.
let parentDirectory = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent()
let parent = parentDirectory.lastPathComponent.lowercased()

/// Which generated contract namespaces the parent has (they land proto by proto); the codec
/// benchmark measures those it finds and reports the others as missing.
let contractNamespaces: [SwiftSetting] = ["Identity", "Planning", "Reporting"].compactMap { namespace in
    let file = parentDirectory.appendingPathComponent(
        "Shared/KinerjaProto/Generated/\(namespace)/\(namespace.lowercased()).messages.swift")
    return FileManager.default.fileExists(atPath: file.path)
        ? .define("KINERJA_PROTO_\(namespace.uppercased())") : nil
}

let package = Package(
    name: "KinerjaBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", exact: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", exact: "2.9.2"),
        .package(url: "https://github.com/apple/swift-protobuf.git", exact: "1.39.0"),
        // The comparison peer of TLSBenchmark (owner: TLS engineer).
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
        // IdentityBenchmark inserts rows with GRDB directly (the parent's own GRDB; same requirement).
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        // The runtime echo (RPCBenchServer --runtime full) bootstraps the services' log handler.
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
    ],
    targets: [
        // MARK: Benchmark peers and harness support (owner: benchmark peers).

        // The peers' CLI contract (README.md), latency recording and the JSON result line.
        .target(
            name: "BenchSupport",
            path: "Sources/BenchSupport"
        ),
        // grpc-swift-2 over HTTP/2 + TLS (swift-nio-ssl): raw-bytes echo and server streaming.
        .target(
            name: "GRPCBenchEcho",
            dependencies: [
                "BenchSupport",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/GRPCBenchEcho"
        ),
        .executableTarget(
            name: "GRPCBenchServer",
            dependencies: [
                "BenchSupport",
                "GRPCBenchEcho",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/GRPCBenchServer"
        ),
        .executableTarget(
            name: "GRPCBenchClient",
            dependencies: [
                "BenchSupport",
                "GRPCBenchEcho",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/GRPCBenchClient"
        ),
        // swift-protobuf 1.39.0 output of protoc + protoc-gen-swift for proto/ (committed; see
        // README.md "Regenerating"). No build plugin.
        .target(
            name: "SwiftProtobufContract",
            dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")],
            path: "Sources/SwiftProtobufContract"
        ),
        // Encode + decode per second: KinerjaProto (protobuf-c) against swift-protobuf.
        .executableTarget(
            name: "CodecBenchmark",
            dependencies: [
                "SwiftProtobufContract",
                .product(name: "KinerjaProto", package: parent),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
            ],
            path: "Sources/CodecBenchmark",
            swiftSettings: contractNamespaces
        ),

        // MARK: TLS (owner: TLS engineer).
        // Handshakes/s and bulk MB/s: KinerjaTLS (system OpenSSL 3) against swift-nio-ssl's NIOSSLHandler.
        .executableTarget(
            name: "TLSBenchmark",
            dependencies: [
                .product(name: "KinerjaTLS", package: parent),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
            ],
            path: "Sources/TLSBenchmark"
        ),
        // Our TLS server alone, for the manual scan in docs/SECURITY.md (testssl.sh / sslyze).
        .executableTarget(
            name: "TLSScanServer",
            dependencies: [
                .product(name: "KinerjaTLS", package: parent),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Sources/TLSScanServer"
        ),
        // MARK: RPC engineer — the "ours" peer on KinerjaRPC.
        .target(
            name: "RPCBenchEcho",
            dependencies: ["BenchSupport", .product(name: "KinerjaRPC", package: parent), .product(name: "KinerjaProto", package: parent)],
            path: "Sources/RPCBenchEcho"
        ),
        // One GetEmployee's SQLite reads (identity's statements), for the diagnostic and the GRDB-reading echo.
        .target(
            name: "BenchSQL",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            path: "Sources/BenchSQL"
        ),
        .executableTarget(
            name: "RPCBenchServer",
            dependencies: ["BenchSupport", "RPCBenchEcho", "BenchSQL", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "KinerjaRPC", package: parent), .product(name: "KinerjaTLS", package: parent),
                           .product(name: "KinerjaService", package: parent), .product(name: "KinerjaProto", package: parent),
                           .product(name: "KinerjaCrypto", package: parent), .product(name: "KinerjaStore", package: parent),
                           .product(name: "Logging", package: "swift-log")],
            path: "Sources/RPCBenchServer"
        ),
        .executableTarget(
            name: "RPCBenchClient",
            dependencies: ["BenchSupport", "RPCBenchEcho", .product(name: "KinerjaRPC", package: parent),
                           .product(name: "KinerjaProto", package: parent), .product(name: "KinerjaTLS", package: parent)],
            path: "Sources/RPCBenchClient"
        ),
        // The overload benchmark's open-loop client (issue 18; overload.sh starts RPCBenchServer with
        // a CPU cost per call and a limit on calls in flight, then offers twice its capacity).
        .executableTarget(
            name: "OverloadBench",
            dependencies: ["BenchSupport", "RPCBenchEcho", .product(name: "KinerjaRPC", package: parent),
                           .product(name: "KinerjaProto", package: parent), .product(name: "KinerjaTLS", package: parent)],
            path: "Sources/OverloadBench"
        ),
        // MARK: Identity (issue 5), planning (issue 6), reporting (issue 12) and feedback (issue 13) services: GetEmployee
        // against the plain echo, token verification, bulk import against GRDB directly, idle RSS;
        // streamed targets against GRDB in-process, concurrent approvals; bulk reports against GRDB,
        // team progress against in-process aggregation, compliance, evidence upload against a local
        // copy; citizen ratings against the echo, streamed behaviour summaries against GRDB in-process. See README.md "Identity benchmark".
        .executableTarget(
            name: "IdentityBenchmark",
            dependencies: [
                "BenchSupport",
                "RPCBenchEcho",
                "BenchSQL",
                .product(name: "KinerjaIdentity", package: parent),
                .product(name: "KinerjaPlanning", package: parent),
                .product(name: "KinerjaReporting", package: parent),
                .product(name: "KinerjaASN", package: parent),
                .product(name: "KinerjaDemo", package: parent),
                // KinerjaASN and KinerjaDemo: the WITA calendar and the demo organisation (moved out of KinerjaIdentity).
                // Issue 13: the feedback workload (its schema, bulk loader and summary reader).
                .product(name: "KinerjaFeedback", package: parent),
                // Issue 14: the evaluation workload (its domain for the in-process peer).
                .product(name: "KinerjaEvaluation", package: parent),
                .product(name: "KinerjaService", package: parent),
                // Issue 12: the in-process team-progress peer asks identity as the reporting service does.
                .product(name: "KinerjaIdentityClient", package: parent),
                .product(name: "KinerjaRPC", package: parent),
                .product(name: "KinerjaTLS", package: parent),
                .product(name: "KinerjaCrypto", package: parent),
                .product(name: "KinerjaProto", package: parent),
                .product(name: "KinerjaStore", package: parent),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/IdentityBenchmark"
        ),
        // MARK: Issue 17 — Kupang's morning peak as a load test (docs/CAPACITY.md): every service and the
        // web gateway as release processes (Benchmarks/Peak/run.sh starts them), driven over the protocol.
        .executableTarget(
            name: "PeakLoad",
            dependencies: [
                .product(name: "KinerjaASN", package: parent),
                .product(name: "KinerjaDemo", package: parent),
                .product(name: "KinerjaPlanning", package: parent),
                .product(name: "KinerjaRPC", package: parent),
                .product(name: "KinerjaTLS", package: parent),
                .product(name: "KinerjaCrypto", package: parent),
                .product(name: "KinerjaProto", package: parent),
                .product(name: "KinerjaStore", package: parent),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Sources/PeakLoad"
        ),
    ]
)
