import Foundation
import KinerjaCrypto
import KinerjaProto
import KinerjaReporting
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under the system's temporary folder, removed afterwards.
struct TemporaryFolder: ~Copyable {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-evidence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The store's folder inside it.
    var store: String { path + "/evidence" }

    /// Every file and folder under the store's folder, relative, sorted.
    func contents() -> [String] {
        (FileManager.default.subpaths(atPath: store) ?? []).sorted()
    }

    /// Permission bits of `relative` inside the store's folder.
    func mode(_ relative: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: store + "/" + relative)[.posixPermissions] as? NSNumber)?.intValue
    }
}

@Suite("Evidence store", .serialized)
struct EvidenceStoreTests {
    static let photo: [UInt8] = Samples.jpeg + (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

    static func hash(_ bytes: [UInt8]) -> EvidenceHash {
        EvidenceHash(bytes: SHA256.hash(bytes)) ?? EvidenceHash(hex: String(repeating: "0", count: 64))!
    }

    static func open(_ folder: borrowing TemporaryFolder) throws -> EvidenceStore {
        try EvidenceStore(configuration: .init(folder: folder.store, readChunkBytes: 64 << 10))
    }

    /// Uploads `bytes` in chunks of `chunk` bytes claiming `claimed`.
    static func upload(_ store: EvidenceStore, _ bytes: [UInt8], claimed: EvidenceHash? = nil, limit: UInt64 = 10 << 20, claimedSize: UInt64? = nil,
                       chunk: Int = 100_000) throws(ReportingError) -> StoredEvidence {
        var upload = try store.beginUpload(claimed: claimed ?? hash(bytes), byteLimit: limit, claimedSize: claimedSize)
        var offset = 0
        while offset < bytes.count {
            try upload.append(Array(bytes[offset..<min(offset + chunk, bytes.count)]))
            offset += chunk
        }
        return try upload.commit()
    }

    @Test("a streamed upload lands as ab/cdef… named by its SHA-256, files 0600 and folders 0700 even with umask 0, and reads back verified")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        let previous = umask(0)
        defer { umask(previous) }
        let store = try Self.open(folder)
        let stored = try Self.upload(store, Self.photo)
        let hash = Self.hash(Self.photo)
        #expect(stored == StoredEvidence(hash: hash, size: UInt64(Self.photo.count), mediaType: .jpeg, alreadyStored: false))
        #expect(folder.contents() == [".lock", hash.shard, "\(hash.shard)/\(hash.fileName)", "incoming"])
        #expect(folder.mode("\(hash.shard)/\(hash.fileName)") == 0o600)
        #expect(folder.mode(hash.shard) == 0o700)
        #expect(folder.mode("incoming") == 0o700)
        #expect(folder.mode(".lock") == 0o600)
        #expect(folder.mode("") == 0o700)
        #expect(try store.read(hash) == Self.photo)
        #expect(try store.contains(hash))
        var reader = try store.openReader(hash)
        var chunks = 0
        while let chunk = try reader.next() {
            #expect(chunk.count <= 64 << 10)
            chunks += 1
        }
        #expect(chunks == (Self.photo.count + (64 << 10) - 1) / (64 << 10))
        #expect(reader.bytesRead == UInt64(Self.photo.count))
    }

    @Test("the same content uploaded twice is stored once; the second upload says it was already stored")
    func deduplicated() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        _ = try Self.upload(store, Samples.pdf)
        let again = try Self.upload(store, Samples.pdf, chunk: 7)
        #expect(again.alreadyStored)
        #expect(try store.entries().count == 1)
    }

    @Test("bytes that hash differently from the client's claim are refused, the temporary file is removed and nothing remains")
    func claimMismatch() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        let error = Fixtures.error { try Self.upload(store, Self.photo, claimed: Self.hash(Samples.png)) }
        #expect(error?.code == .evidenceHashMismatch)
        #expect(error?.statusCode == .invalidArgument)
        #expect(folder.contents() == [".lock", "incoming"])
    }

    @Test("the size cap is enforced while streaming: the chunk that passes it fails and the partial file is removed at once")
    func sizeCap() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        var upload = try store.beginUpload(claimed: Self.hash(Self.photo), byteLimit: 150_000)
        try upload.append(Array(Self.photo[0..<100_000]))
        #expect(folder.contents().count == 3, "the temporary file exists while the upload runs")
        let error = Fixtures.error { try upload.append(Array(Self.photo[100_000..<200_000])) }
        #expect(error?.code == .evidenceFileTooLarge)
        #expect(error?.statusCode == .resourceExhausted)
        #expect(folder.contents() == [".lock", "incoming"], "removed before the upload value is even dropped")
        do {
            _ = try upload.commit()
            Issue.record("an upload that failed cannot be committed")
        } catch {
            #expect(error.code == .evidenceStoreIO)
        }
        #expect(Fixtures.error { try store.beginUpload(claimed: Self.hash(Self.photo), byteLimit: 10, claimedSize: 11) }?.code == .evidenceFileTooLarge)
    }

    @Test("a claimed size is kept to: more bytes fail as they arrive, fewer fail at commit; nothing remains")
    func claimedSize() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        #expect(Fixtures.error { try Self.upload(store, Samples.pdf, claimedSize: 10) }?.code == .evidenceSizeMismatch)
        #expect(Fixtures.error { try Self.upload(store, Samples.pdf, claimedSize: UInt64(Samples.pdf.count + 1)) }?.code == .evidenceSizeMismatch)
        #expect(try Self.upload(store, Samples.pdf, claimedSize: UInt64(Samples.pdf.count)).size == UInt64(Samples.pdf.count))
        #expect(folder.contents().count == 4)
    }

    @Test("content that is not an allowed media type is refused at commit with its correct hash; nothing remains")
    func mediaType() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        let error = Fixtures.error { try Self.upload(store, Samples.exe) }
        #expect(error?.code == .evidenceMediaTypeNotAllowed)
        #expect(folder.contents() == [".lock", "incoming"])
    }

    @Test("an upload cut off halfway (the client went away, the upload value is dropped) leaves nothing")
    func cutOff() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        do {
            var upload = try store.beginUpload(claimed: Self.hash(Self.photo), byteLimit: 10 << 20)
            try upload.append(Array(Self.photo[0..<50_000]))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.store + "/incoming").count == 1)
        }
        #expect(folder.contents() == [".lock", "incoming"])
        var cancelled = try store.beginUpload(claimed: Self.hash(Self.photo), byteLimit: 10 << 20)
        try cancelled.append(Samples.jpeg)
        cancelled.cancel()
        #expect(folder.contents() == [".lock", "incoming"])
    }

    @Test("a crash mid-upload leaves a temporary file behind; opening the store removes it")
    func crashLeftovers() throws {
        let folder = try TemporaryFolder()
        let hash: EvidenceHash
        do {
            let store = try Self.open(folder)
            hash = try Self.upload(store, Samples.png).hash
        }
        // What a killed process leaves: a half-written .part file in incoming/.
        let leftover = folder.store + "/incoming/3f9a0c1e5b7d2468ace0bdf13579ace0.part"
        #expect(FileManager.default.createFile(atPath: leftover, contents: Data(Self.photo.prefix(1000))))
        let reopened = try Self.open(folder)
        #expect(reopened.removedTemporaryFiles == 1)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(try reopened.read(hash) == Samples.png, "stored files are untouched")
    }

    @Test("a file altered on disk is detected while reading: the chunks stream, then the end is DATA_LOSS")
    func alteredOnDisk() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        let hash = try Self.upload(store, Self.photo).hash
        let path = folder.store + "/\(hash.shard)/\(hash.fileName)"
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 150_000)
        try handle.write(contentsOf: Data([0x00]))
        try handle.close()

        var reader = try store.openReader(hash)
        var received = 0
        var error: ReportingError?
        do throws(ReportingError) {
            while let chunk = try reader.next() { received += chunk.count }
        } catch let failure {
            error = failure
        }
        #expect(received == Self.photo.count)
        #expect(error?.code == .evidenceCorrupted)
        #expect(error?.statusCode == .dataLoss)
        #expect(error?.message.contains(folder.path) == false, "no path in the message a client sees")
        #expect(error?.cause?.contains(hash.fileName) == true, "the operator's cause names the file")
        #expect(Fixtures.error { try store.verify(hash) }?.code == .evidenceCorrupted)

        // A truncated file is caught as well.
        try FileManager.default.removeItem(atPath: path)
        #expect(FileManager.default.createFile(atPath: path, contents: Data(Self.photo.prefix(1000))))
        #expect(Fixtures.error { try store.read(hash) }?.code == .evidenceCorrupted)
    }

    @Test("orphans: stored files no report refers to, older than the grace period; collecting them removes them and their empty folders")
    func orphans() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        let referenced = try Self.upload(store, Samples.pdf).hash
        let oldOrphan = try Self.upload(store, Samples.png).hash
        let youngOrphan = try Self.upload(store, Samples.webp).hash
        let now = Date()
        for hash in [referenced, oldOrphan] {
            try FileManager.default.setAttributes([.modificationDate: now.addingTimeInterval(-3 * 86_400)],
                                                  ofItemAtPath: folder.store + "/\(hash.shard)/\(hash.fileName)")
        }
        // A stray file an operator left is not a hash name: never listed, never removed.
        #expect(FileManager.default.createFile(atPath: folder.store + "/\(oldOrphan.shard)/README", contents: Data("x".utf8)))

        let found = try store.orphans(referenced: [referenced], olderThan: 86_400, now: now)
        #expect(found.map(\.hash) == [oldOrphan])
        #expect(try store.collectOrphans(referenced: [referenced], olderThan: 86_400, now: now).map(\.hash) == [oldOrphan])
        #expect(try !store.contains(oldOrphan))
        #expect(try store.contains(referenced))
        #expect(try store.contains(youngOrphan), "uploaded an hour ago for a report not yet submitted")
        #expect(FileManager.default.fileExists(atPath: folder.store + "/\(oldOrphan.shard)/README"))
        #expect(try store.entries().map(\.hash).sorted() == [referenced, youngOrphan].sorted())
    }

    @Test("a second process cannot open a store in use; it can once the first has closed it")
    func exclusive() throws {
        let folder = try TemporaryFolder()
        var first: EvidenceStore? = try Self.open(folder)
        let error = Fixtures.error { try EvidenceStore(configuration: .init(folder: folder.store)) }
        #expect(error?.code == .evidenceStoreLocked)
        #expect(error?.statusCode == .unavailable)
        #expect(first != nil)
        first = nil
        #expect(throws: Never.self) { _ = try Self.open(folder) }
    }

    @Test("reading or removing a file that is not stored: NOT_FOUND and false")
    func missing() throws {
        let folder = try TemporaryFolder()
        let store = try Self.open(folder)
        #expect(Fixtures.error { try store.openReader(Self.hash(Samples.gif)) }?.code == .evidenceNotFound)
        #expect(try !store.remove(Self.hash(Samples.gif)))
        let hash = try Self.upload(store, Samples.heic).hash
        #expect(try store.remove(hash))
        #expect(try !store.contains(hash))
    }
}
