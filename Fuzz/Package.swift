// swift-tools-version: 6.0
// Kinerja fuzzing (issue 18, docs/RELIABILITY.md "Fuzzing"): one libFuzzer executable per target,
// a separate package so that the sanitizer flags never touch the main build or `make test`.
// Build and run: Fuzz/run.sh (swift build -c release --sanitize fuzzer --sanitize address).
// The logic of each target lives in the parent's KinerjaFuzzTargets (replayed by `make test`);
// these executables only hand libFuzzer's input to it.
import PackageDescription
import Foundation

/// The parent package (`..`) is a path dependency: its identity is its folder's name, which is not
/// the same in every clone, so it is computed rather than spelled out (as in Benchmarks/).
let parent = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let targets = ["frames", "codec", "token", "csv", "skpcsv", "evidence", "forms"]

let package = Package(
    name: "KinerjaFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "..")],
    targets: targets.map { name in
        .executableTarget(
            name: "fuzz-\(name)",
            dependencies: [.product(name: "KinerjaFuzzTargets", package: parent)],
            path: "Sources/fuzz-\(name)"
        )
    }
)
