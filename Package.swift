// swift-tools-version: 6.0
// Kinerja — performance management for the ASN of Pemerintah Kota Kupang.
// Layout and module boundaries: docs/ARCHITECTURE.md.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Kinerja",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "KinerjaProto", targets: ["KinerjaProto"]),
        .library(name: "KinerjaTLS", targets: ["KinerjaTLS"]),
        .library(name: "KinerjaRPC", targets: ["KinerjaRPC"]),
        .library(name: "KinerjaCrypto", targets: ["KinerjaCrypto"]),
        .library(name: "KinerjaStore", targets: ["KinerjaStore"]),
        .library(name: "KinerjaService", targets: ["KinerjaService"]),
        .library(name: "KinerjaASN", targets: ["KinerjaASN"]),
        .library(name: "KinerjaDemo", targets: ["KinerjaDemo"]),
        .library(name: "KinerjaIdentityClient", targets: ["KinerjaIdentityClient"]),
        .library(name: "KinerjaIdentity", targets: ["KinerjaIdentity"]),
        .library(name: "KinerjaPlanning", targets: ["KinerjaPlanning"]),
        .library(name: "KinerjaReporting", targets: ["KinerjaReporting"]),
        .library(name: "KinerjaEvaluation", targets: ["KinerjaEvaluation"]),
        .library(name: "KinerjaFeedback", targets: ["KinerjaFeedback"]),
        .library(name: "KinerjaDocuments", targets: ["KinerjaDocuments"]),
        .executable(name: "kinerjactl", targets: ["kinerjactl"]),
        .executable(name: "kinerja-identity", targets: ["kinerja-identity"]),
        .executable(name: "kinerja-planning", targets: ["kinerja-planning"]),
        .executable(name: "kinerja-reporting", targets: ["kinerja-reporting"]),
        .executable(name: "kinerja-feedback", targets: ["kinerja-feedback"]),
        .executable(name: "kinerja-evaluation", targets: ["kinerja-evaluation"]),
        .executable(name: "kinerja-web", targets: ["kinerja-web"]),
        // The fuzz targets' logic, for the libFuzzer executables of the separate package Fuzz/.
        .library(name: "KinerjaFuzzTargets", targets: ["KinerjaFuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.6.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        // The web gateway: HTTP server, HTTPS for browsers, server-rendered templates.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // MARK: System libraries (Debian packages; see README "Requirements").
        .systemLibrary(
            name: "CProtobufC",
            path: "Shared/CProtobufC",
            pkgConfig: "libprotobuf-c",
            providers: [.apt(["libprotobuf-c-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            path: "Shared/COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CCairo",
            path: "Shared/CCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
        ),

        // MARK: The wire contract.
        // protoc-c output for proto/ (generated, committed) plus the capped decoding allocator.
        .target(
            name: "KinerjaProtoC",
            dependencies: ["CProtobufC"],
            path: "Shared/KinerjaProtoC",
            cSettings: [.unsafeFlags(["-Wno-incompatible-pointer-types-discards-qualifiers"])]
        ),
        // Generated Swift value types, service protocols and client stubs over libprotobuf-c.
        .target(
            name: "KinerjaProto",
            dependencies: ["KinerjaProtoC", "CProtobufC"],
            path: "Shared/KinerjaProto",
            swiftSettings: strict
        ),

        // MARK: TLS on the system OpenSSL.
        .target(
            name: "COpenSSLShim",
            dependencies: ["COpenSSL"],
            path: "Shared/COpenSSLShim"
        ),
        .target(
            name: "KinerjaTLS",
            dependencies: [
                "COpenSSLShim",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Shared/KinerjaTLS",
            swiftSettings: strict
        ),

        // MARK: The RPC protocol: framing, connection state machine, server, client.
        .target(
            name: "KinerjaRPC",
            dependencies: [
                "KinerjaProto",
                "KinerjaTLS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Shared/KinerjaRPC",
            swiftSettings: strict
        ),

        // MARK: Cryptography on the system OpenSSL: digests, randomness, Ed25519, password
        // hashing, access tokens. Pure values, no I/O.
        .target(
            name: "KinerjaCrypto",
            dependencies: ["COpenSSLShim", "KinerjaProto", "KinerjaASN"],
            path: "Shared/KinerjaCrypto",
            swiftSettings: strict
        ),

        // MARK: Storage: GRDB over the system SQLite, migrations, backup, audit chain, idempotency.
        .target(
            name: "KinerjaStore",
            dependencies: [
                "KinerjaProto",
                "KinerjaCrypto",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Shared/KinerjaStore",
            swiftSettings: strict
        ),

        // MARK: The runtime every service shares: configuration, lifecycle, logging, authentication
        // and authorisation.
        .target(
            name: "KinerjaService",
            dependencies: [
                "KinerjaASN",
                "KinerjaProto",
                "KinerjaCrypto",
                "KinerjaRPC",
                "KinerjaTLS",
                "KinerjaStore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Shared/KinerjaService",
            swiftSettings: strict
        ),

        // MARK: The vocabulary every service shares: NIP, the WITA calendar and working days, dates,
        // employee references, the employee CSV format. Pure values, no I/O.
        .target(
            name: "KinerjaASN",
            dependencies: ["KinerjaProto"],
            path: "Shared/KinerjaASN",
            swiftSettings: strict
        ),
        // The Kupang demo organisation every service's demo data derives from, reproducible from a seed.
        .target(
            name: "KinerjaDemo",
            dependencies: ["KinerjaProto", "KinerjaASN"],
            path: "Shared/KinerjaDemo",
            swiftSettings: strict
        ),

        // The identity client every other service uses: the directory (live over the protocol,
        // in memory for tests) and the revocation feed.
        .target(
            name: "KinerjaIdentityClient",
            dependencies: [
                "KinerjaASN",
                "KinerjaProto",
                "KinerjaService",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Shared/KinerjaIdentityClient",
            swiftSettings: strict
        ),

        // MARK: Services: one library (logic, testable in-process) and one thin executable each.
        .target(
            name: "KinerjaIdentity",
            dependencies: [
                "KinerjaASN",
                "KinerjaDemo",
                "KinerjaProto",
                "KinerjaCrypto",
                "KinerjaRPC",
                "KinerjaStore",
                "KinerjaService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Identity",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-identity",
            dependencies: [
                "KinerjaIdentity",
                "KinerjaService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/kinerja-identity",
            swiftSettings: strict
        ),

        .target(
            name: "KinerjaPlanning",
            dependencies: [
                "KinerjaASN",
                "KinerjaIdentityClient",
                "KinerjaDemo",
                "KinerjaProto",
                "KinerjaCrypto",
                "KinerjaRPC",
                "KinerjaStore",
                "KinerjaService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Planning",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-planning",
            dependencies: [
                "KinerjaPlanning",
                "KinerjaService",
                "KinerjaStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/kinerja-planning",
            swiftSettings: strict
        ),

        // The reporting service's library: its rules as values (daily reports and their lifecycle,
        // aggregation and capaian, compliance, evidence), the content-addressed evidence store,
        // the store, the handlers, planning as reporting asks it, the demo reports, the program.
        .target(
            name: "KinerjaReporting",
            dependencies: [
                "KinerjaASN",
                "KinerjaIdentityClient",
                "KinerjaDemo",
                "KinerjaProto",
                "KinerjaCrypto",
                "KinerjaRPC",
                "KinerjaStore",
                "KinerjaService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/Reporting",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-reporting",
            dependencies: ["KinerjaReporting"],
            path: "Services/kinerja-reporting",
            swiftSettings: strict
        ),

        // The evaluation service's library: its rules as values (predikat matrix, distribution
        // curve, proposals, periods, finalisation, leniency, tindak lanjut), the store with the
        // finalisation snapshots, the authorisation table, the peers (evidence, locks), the
        // handlers and the demo evaluations.
        .target(
            name: "KinerjaEvaluation",
            dependencies: [
                "KinerjaASN",
                "KinerjaIdentityClient",
                "KinerjaDemo",
                "KinerjaProto",
                "KinerjaCrypto",
                "KinerjaRPC",
                "KinerjaStore",
                "KinerjaService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Evaluation",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-evaluation",
            dependencies: ["KinerjaEvaluation", "KinerjaService"],
            path: "Services/kinerja-evaluation",
            swiftSettings: strict
        ),

        // The feedback service's library: its rules as values (continuous feedback, dialog kinerja
        // and coaching, 360° BerAKHLAK rounds with their anonymity, citizen tickets and ratings, the
        // Survei Kepuasan Masyarakat, the policy), the store, the authorisation table, the handlers
        // and the demo data.
        .target(
            name: "KinerjaFeedback",
            dependencies: [
                "KinerjaASN",
                "KinerjaIdentityClient",
                "KinerjaDemo",
                "KinerjaProto",
                "KinerjaCrypto",
                "KinerjaRPC",
                "KinerjaStore",
                "KinerjaService",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Services/Feedback",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-feedback",
            dependencies: [
                "KinerjaFeedback",
                "KinerjaService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/kinerja-feedback",
            swiftSettings: strict
        ),

        // The web gateway's library: sessions, CSRF, security headers, rate limits, the pages
        // (Mustache templates) and the calls behind them (docs/WEB.md).
        .target(
            name: "KinerjaWeb",
            dependencies: [
                "KinerjaASN",
                "KinerjaClient",
                "KinerjaCrypto",
                "KinerjaProto",
                "KinerjaRPC",
                "KinerjaTLS",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/Web",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "kinerja-web",
            dependencies: ["KinerjaWeb"],
            path: "Services/kinerja-web",
            swiftSettings: strict
        ),

        // MARK: Documents: PDF pages (paragraphs, tables, stamps) and charts (PDF, SVG, PNG) laid
        // out with Pango and drawn with Cairo.
        .target(
            name: "KinerjaDocuments",
            dependencies: ["CCairo"],
            path: "Shared/KinerjaDocuments",
            swiftSettings: strict
        ),

        // MARK: What clients of the services share: addresses, the service list, generated stubs as
        // one client type, the per-service connections (kinerjactl and kinerja-web).
        .target(
            name: "KinerjaClient",
            dependencies: ["KinerjaProto"],
            path: "Shared/KinerjaClient",
            swiftSettings: strict
        ),

        // MARK: The command line.
        .executableTarget(
            name: "kinerjactl",
            dependencies: [
                "KinerjaASN",
                "KinerjaClient",
                "KinerjaProto",
                "KinerjaRPC",
                "KinerjaTLS",
                "KinerjaCrypto",
                "KinerjaDocuments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Services/kinerjactl",
            swiftSettings: strict
        ),

        // MARK: Tests.
        // A server for interoperability tests with independent clients (Python, openssl s_client).
        .executableTarget(
            name: "kinerja-rpc-testserver",
            dependencies: ["KinerjaRPC", "KinerjaProto", "KinerjaTLS"],
            path: "Tests/RPCTestServer",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaProtoTests",
            dependencies: ["KinerjaProto", "KinerjaProtoC", "CProtobufC"],
            path: "Tests/KinerjaProtoTests",
            swiftSettings: strict
        ),
        // The architecture as tests: module boundaries, thin executables, the generated
        // docs/AUTHORIZATION.md.
        .testTarget(
            name: "KinerjaArchitectureTests",
            dependencies: ["KinerjaTestSupport", "KinerjaService", "KinerjaProto", "KinerjaIdentity", "KinerjaPlanning", "KinerjaReporting", "KinerjaFeedback",
                           "KinerjaEvaluation"],
            path: "Tests/KinerjaArchitectureTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaASNTests",
            dependencies: ["KinerjaASN", "KinerjaDemo", "KinerjaProto"],
            path: "Tests/KinerjaASNTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaRPCTests",
            dependencies: [
                "KinerjaRPC",
                "KinerjaProto",
                "KinerjaTLS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            path: "Tests/KinerjaRPCTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaCryptoTests",
            dependencies: ["KinerjaCrypto", "KinerjaProto"],
            path: "Tests/KinerjaCryptoTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaStoreTests",
            dependencies: ["KinerjaStore", "KinerjaProto", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/KinerjaStoreTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaServiceTests",
            dependencies: ["KinerjaService", "KinerjaIdentityClient", "KinerjaTestSupport", "KinerjaCrypto", "KinerjaProto", "KinerjaRPC", "KinerjaTLS"],
            path: "Tests/KinerjaServiceTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaIdentityTests",
            dependencies: [
                "KinerjaTestSupport", "KinerjaASN", "KinerjaDemo", "KinerjaIdentity", "KinerjaService", "KinerjaStore", "KinerjaCrypto", "KinerjaProto", "KinerjaRPC",
                "KinerjaTLS", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/KinerjaIdentityTests",
            swiftSettings: strict
        ),
        // Fixtures shared by the service tests: the development PKI, identity and planning in-process.
        .target(
            name: "KinerjaTestSupport",
            dependencies: [
                "KinerjaASN", "KinerjaDemo", "KinerjaIdentityClient", "KinerjaIdentity", "KinerjaPlanning", "KinerjaReporting", "KinerjaFeedback",
                "KinerjaEvaluation", "KinerjaService", "KinerjaStore", "KinerjaCrypto", "KinerjaProto", "KinerjaRPC", "KinerjaTLS",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/KinerjaTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaPlanningTests",
            dependencies: [
                "KinerjaTestSupport", "KinerjaASN", "KinerjaDemo", "KinerjaPlanning", "KinerjaIdentity", "KinerjaService", "KinerjaStore", "KinerjaCrypto", "KinerjaProto",
                "KinerjaRPC", "KinerjaTLS", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/KinerjaPlanningTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaReportingTests",
            dependencies: [
                "KinerjaTestSupport", "KinerjaReporting", "KinerjaASN", "KinerjaDemo", "KinerjaCrypto", "KinerjaProto", "KinerjaService", "KinerjaStore",
                "KinerjaRPC", "KinerjaTLS", "KinerjaPlanning", "KinerjaIdentity", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/KinerjaReportingTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaEvaluationTests",
            dependencies: [
                "KinerjaTestSupport", "KinerjaEvaluation", "KinerjaProto", "KinerjaASN", "KinerjaDemo", "KinerjaIdentity", "KinerjaPlanning",
                "KinerjaReporting", "KinerjaFeedback", "KinerjaService", "KinerjaStore", "KinerjaCrypto", "KinerjaRPC", "KinerjaTLS",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/KinerjaEvaluationTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaFeedbackTests",
            dependencies: [
                "KinerjaTestSupport", "KinerjaFeedback", "KinerjaIdentity", "KinerjaPlanning", "KinerjaService", "KinerjaStore", "KinerjaProto",
                "KinerjaASN", "KinerjaDemo", "KinerjaCrypto", "KinerjaRPC", "KinerjaTLS", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/KinerjaFeedbackTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaEndToEndTests",
            dependencies: ["KinerjaTestSupport", "KinerjaProto", "KinerjaRPC", "KinerjaTLS", "KinerjaCrypto", "KinerjaIdentity", "KinerjaASN", "KinerjaDemo",
                           "KinerjaReporting", "KinerjaEvaluation", "KinerjaStore", .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/KinerjaEndToEndTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaDocumentsTests",
            dependencies: ["KinerjaDocuments"],
            path: "Tests/KinerjaDocumentsTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "kinerjactlTests",
            dependencies: ["kinerjactl", "KinerjaDocuments", "KinerjaTestSupport", "KinerjaASN", "KinerjaCrypto", "KinerjaProto",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/kinerjactlTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaWebTests",
            dependencies: [
                "KinerjaWeb", "KinerjaClient", "KinerjaTestSupport", "KinerjaProto", "KinerjaRPC", "KinerjaTLS", "KinerjaASN",
                "KinerjaIdentity", "KinerjaFeedback", "KinerjaReporting", "KinerjaService",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            path: "Tests/KinerjaWebTests",
            swiftSettings: strict
        ),
        // The fuzz targets of issue 18 (docs/RELIABILITY.md, "Fuzzing"): the logic of each target,
        // built without sanitizers; Fuzz/ wraps it in libFuzzer executables, and the replay test
        // runs every file of Fuzz/Corpus/ through it.
        .target(
            name: "KinerjaFuzzTargets",
            dependencies: [
                "KinerjaASN", "KinerjaCrypto", "KinerjaDemo", "KinerjaProto", "KinerjaRPC", "KinerjaReporting", "KinerjaWeb",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/KinerjaFuzzTargets",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaFuzzReplayTests",
            dependencies: ["KinerjaFuzzTargets"],
            path: "Tests/KinerjaFuzzReplayTests",
            swiftSettings: strict
        ),
        .testTarget(
            name: "KinerjaTLSTests",
            dependencies: [
                "KinerjaTLS",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            path: "Tests/KinerjaTLSTests",
            swiftSettings: strict
        ),
    ]
)
