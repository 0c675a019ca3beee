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
        .executable(name: "kinerjactl", targets: ["kinerjactl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
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

        // MARK: Executables.
        .executableTarget(
            name: "kinerjactl",
            dependencies: [
                "KinerjaProto",
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
