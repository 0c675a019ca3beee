import KinerjaProto

/// An SKP file: the RHKs and IKIs of one SKP, or of several (one per NIP and year), for bulk
/// entry with `kinerjactl skp import`. Only CSV is read: no YAML library is a dependency of
/// the package.
///
/// The format: UTF-8 CSV (a byte order mark is skipped; a semicolon separator is accepted when
/// the header has no comma), a header row naming the columns in any order, then one row per
/// IKI. Consecutive rows of the same SKP with the same `rhk_text` form one RHK; its kind, parent,
/// cascade type, peran, perspektif and penugasan are given on its first row (later rows leave them empty or repeat
/// them). Blank rows are skipped.
///
/// | column | required | value |
/// | --- | --- | --- |
/// | `nip` | no | owner NIP, 18 digits; empty: `--nip`, else yours |
/// | `year` | no | SKP year 2000–2100; empty: `--year`, else the current WITA year |
/// | `approach` | no | `kuantitatif` or `kualitatif` (default kuantitatif); one per SKP |
/// | `rhk_kind` | yes | `utama` or `tambahan` |
/// | `rhk_text` | yes | the planned result, 1–1000 characters |
/// | `parent_rhk_id` | no | the atasan's RHK it intervenes |
/// | `perspektif` | no | JPT only: `penerima-layanan`, `proses-bisnis`, `penguatan-internal`, `anggaran` |
/// | `penugasan` | no | Tambahan only: the assignment it comes from |
/// | `cascade_type` | no | with a parent: `direct` (the parent's result itself; `rhk_text` is then the parent's text) or `non-direct` (default) |
/// | `peran` | no | with a parent: the owner's peran in the parent result, at most 200 characters |
/// | `aspek` | yes | `kuantitas`, `kualitas`, `waktu` or `biaya` |
/// | `indicator` | yes | indicator text, 1–500 characters |
/// | `target` | kuantitatif | annual target (bottom of a range); digits and a decimal point |
/// | `upper` | no | top of a range target |
/// | `unit` | with a target | unit of measure, e.g. `dokumen` |
/// | `qualitative_text` | kualitatif | descriptive target |
/// | `direction` | no | `higher`, `lower` or `range` (default as `skp add-iki`) |
/// | `aggregation` | no | `sum`, `average`, `latest`, `max` or `min` (default as `skp add-iki`) |
/// | `tw1`…`tw4` | no | triwulan targets; empty: none for that triwulan |
/// | `cumulative` | no | `yes` when tw1…tw4 count from January |
///
/// Errors name the row (the header is row 1) and the column, as a spreadsheet shows them.
struct SkpFile: Equatable {
    /// One IKI row.
    struct IkiRow: Equatable {
        var row: Int
        var iki: Planning.Iki
        var warnings: [String]
    }

    /// One RHK: its first row, its fields and its IKI rows.
    struct RhkRows: Equatable {
        var row: Int
        var rhk: Planning.Rhk
        var ikis: [IkiRow]
    }

    /// One SKP (NIP and year): its first row, approach (nil when no row gives one) and RHKs.
    struct SkpRows: Equatable {
        var row: Int
        var nip: String
        var year: Int32
        var approach: Planning.SkpApproach?
        var rhks: [RhkRows]
    }

    /// One problem, at a row and (when known) a column.
    struct Problem: Error, Equatable, CustomStringConvertible {
        var row: Int
        /// 1-based column number; nil for problems of the whole row or a column missing from the header.
        var column: Int?
        /// The column's name, when known.
        var columnName: String?
        var message: String

        var description: String {
            var place = "row \(row)"
            if let column { place += ", column \(column)" }
            if let columnName { place += " (\(columnName))" }
            return place + ": " + message
        }
    }

    /// Every problem found (at most ``maximumProblems``), in row order.
    struct Problems: Error, Equatable {
        var problems: [Problem]
    }

    static let columns = ["nip", "year", "approach", "rhk_kind", "rhk_text", "parent_rhk_id", "cascade_type", "peran", "perspektif", "penugasan",
                          "aspek", "indicator", "target", "upper", "unit", "qualitative_text", "direction", "aggregation",
                          "tw1", "tw2", "tw3", "tw4", "cumulative"]
    static let requiredColumns = ["rhk_kind", "rhk_text", "aspek", "indicator"]
    static let maximumProblems = 50
    static let maximumRhks = 30
    static let maximumIkisPerRhk = 10

    /// The file's bytes, which the idempotency keys cover.
    var bytes: [UInt8]
    /// The content fingerprint in the keys (file bytes and the defaults used for empty cells).
    var fingerprint: String
    var skps: [SkpRows]

    var rhkCount: Int { skps.reduce(0) { $0 + $1.rhks.count } }
    var ikiCount: Int { skps.reduce(0) { $0 + $1.rhks.reduce(0) { $0 + $1.ikis.count } } }

    /// `skp-import-<fingerprint>-<row>-<operation>`: the same file (and defaults) gives the same
    /// key for the same row, so a re-run after a crash is answered with the first result.
    static func idempotencyKey(fingerprint: String, row: Int, operation: String) -> String {
        "skp-import-\(fingerprint)-\(row)-\(operation)"
    }

    func idempotencyKey(row: Int, operation: String) -> String {
        Self.idempotencyKey(fingerprint: fingerprint, row: row, operation: operation)
    }

    /// The fingerprint of a file read with the given defaults.
    static func fingerprint(bytes: [UInt8], defaultNIP: String, defaultYear: Int32) -> String {
        importFingerprint(bytes + Array("\u{0}kinerjactl-skp-import-v1 nip=\(defaultNIP) year=\(defaultYear)".utf8))
    }
}
