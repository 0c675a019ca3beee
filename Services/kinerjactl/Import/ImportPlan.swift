import KinerjaProto

/// How an employee file is sent: its rows in chunks, one ImportEmployees call per chunk, each
/// call with the idempotency key `import-<fingerprint>-<chunk index>`.
///
/// Re-running the same import (same file, same options, same chunk size, same `--import-id`)
/// gives the same keys, so the server replays the reports of chunks it already applied and only
/// the rest is done. The fingerprint therefore covers the file bytes *and* those settings: a
/// different chunk size puts different rows under a chunk index, and different options must
/// not be answered with a report made under the old ones.
struct ImportPlan: Sendable {
    /// One call's worth of rows.
    struct Chunk: Sendable, Equatable {
        /// Position of the chunk, from 0.
        let index: Int
        /// The rows, each with its CSV row number.
        let rows: [Identity.EmployeeImportRow]
        /// The `idempotency-key` metadata of the chunk's call; nil for a dry run.
        let idempotencyKey: String?
    }

    /// Largest chunk the service accepts in one call.
    static let maximumChunkSize = 100_000

    /// The options message sent first in every call.
    let options: Identity.ImportEmployeesOptions
    /// The content fingerprint in the keys.
    let fingerprint: String
    /// The chunks in order.
    let chunks: [Chunk]

    /// Number of rows in all chunks.
    var totalRows: Int { chunks.reduce(0) { $0 + $1.rows.count } }

    /// Plans an import of `rows` parsed from `fileBytes`.
    ///
    /// Rows are sent supervisors first: a row whose `atasan_nip` is the NIP of another row of the
    /// file goes after that row (otherwise file order), so a reference never points into a later
    /// call. A dry run writes nothing, so it goes in one call (up to ``maximumChunkSize`` rows) to
    /// let rows see each other, and carries no idempotency key: repeating it must show the
    /// server's current answer, not replay an old one.
    init(fileBytes: [UInt8], rows: [(rowNumber: Int, row: Identity.EmployeeImportRow)], chunkSize: Int,
         options: Identity.ImportEmployeesOptions, importID: String = "") {
        precondition(chunkSize >= 1, "chunk size is validated by the command")
        self.options = options
        let settings = "\u{0}kinerjactl-import-v1 chunk-size=\(chunkSize) update-existing=\(options.updateExisting) id=\(importID)"
        let fingerprint = importFingerprint(fileBytes + Array(settings.utf8))
        self.fingerprint = fingerprint
        let numbered = Self.supervisorsFirst(rows).map { item -> Identity.EmployeeImportRow in
            var row = item.row
            row.rowNumber = UInt32(clamping: item.rowNumber)
            return row
        }
        let chunkSize = options.dryRun ? max(chunkSize, Self.maximumChunkSize) : chunkSize
        chunks = stride(from: 0, to: numbered.count, by: chunkSize).enumerated().map { index, start in
            Chunk(index: index, rows: Array(numbered[start..<min(start + chunkSize, numbered.count)]),
                  idempotencyKey: options.dryRun ? nil : Self.idempotencyKey(fingerprint: fingerprint, chunkIndex: index))
        }
    }

    /// The rows in file order, except that each row comes after the row of its atasan (when the
    /// atasan is in the file and not part of a cycle).
    static func supervisorsFirst(_ rows: [(rowNumber: Int, row: Identity.EmployeeImportRow)])
        -> [(rowNumber: Int, row: Identity.EmployeeImportRow)] {
        var indexByNIP: [String: Int] = [:]
        for (index, item) in rows.enumerated() {
            if let nip = item.row.employee?.nip, !nip.isEmpty, indexByNIP[nip] == nil { indexByNIP[nip] = index }
        }
        var emitted = [Bool](repeating: false, count: rows.count)
        var ordered: [(rowNumber: Int, row: Identity.EmployeeImportRow)] = []
        ordered.reserveCapacity(rows.count)
        for start in rows.indices where !emitted[start] {
            // The chain of supervisors not yet emitted, nearest first; a cycle stops it.
            var chain: [Int] = []
            var onChain = Set<Int>()
            var current = start
            while !emitted[current], onChain.insert(current).inserted {
                chain.append(current)
                guard let supervisor = indexByNIP[rows[current].row.atasanNIP] else { break }
                current = supervisor
            }
            for index in chain.reversed() {
                emitted[index] = true
                ordered.append(rows[index])
            }
        }
        return ordered
    }

    /// `import-<fingerprint>-<chunk index>`.
    static func idempotencyKey(fingerprint: String, chunkIndex: Int) -> String {
        "import-\(fingerprint)-\(chunkIndex)"
    }
}
