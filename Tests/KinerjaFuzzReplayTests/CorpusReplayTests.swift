import Foundation
import KinerjaFuzzTargets
import Testing

/// Every file of the committed fuzz corpus (`Fuzz/Corpus/<target>/`) through its target's checks,
/// without sanitizers: a crash or broken invariant the fuzzer once found stays fixed
/// (docs/RELIABILITY.md, "Fuzzing").
@Suite("Fuzz corpus replay")
struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz/Corpus")

    static func files(_ target: FuzzTarget) throws -> [URL] {
        let folder = corpus.appendingPathComponent(target.rawValue)
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test("every corpus file passes its target's checks", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let files = try Self.files(target)
        #expect(files.count >= FuzzSeeds.seeds(for: target).count, "Fuzz/Corpus/\(target.rawValue) has \(files.count) files")
        for file in files {
            let data = try [UInt8](Data(contentsOf: file))
            #expect(throws: Never.self, "\(target.rawValue)/\(file.lastPathComponent)") { try target.run(data) }
        }
    }

    /// `KINERJA_UPDATE_FUZZ_SEEDS=1` writes the seeds; otherwise each must be in the corpus, and
    /// each as built today must pass too (the demo data it comes from may have moved on).
    @Test("the hand-made seeds are in the corpus", arguments: FuzzTarget.allCases)
    func seeds(_ target: FuzzTarget) throws {
        let folder = Self.corpus.appendingPathComponent(target.rawValue)
        let update = ProcessInfo.processInfo.environment["KINERJA_UPDATE_FUZZ_SEEDS"] == "1"
        if update { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        for (name, bytes) in FuzzSeeds.seeds(for: target) {
            let file = folder.appendingPathComponent("seed-\(name)")
            if update { try Data(bytes).write(to: file) }
            #expect(FileManager.default.fileExists(atPath: file.path),
                    "Fuzz/Corpus/\(target.rawValue)/seed-\(name) is missing; rerun with KINERJA_UPDATE_FUZZ_SEEDS=1")
            #expect(throws: Never.self, "seed \(target.rawValue)/\(name)") { try target.run(bytes) }
        }
    }

}
