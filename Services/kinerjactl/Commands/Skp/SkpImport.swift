import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Skp {
    /// `kinerjactl skp import`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Enter one SKP (or several, one per NIP) from a CSV file: RHKs, IKIs, triwulan targets.",
            discussion: """
            The file is checked locally first; nothing is sent when a row is wrong (exit 65, each problem \
            with its row and column). Then, per SKP (NIP and year): the SKP is created when there is none \
            (version 1, Draft), and the RHKs it lacks are added with their IKIs; an RHK it already has \
            (same text) gets the IKIs it lacks (same aspek and indicator). Every write carries the \
            idempotency key skp-import-<fingerprint>-<row>-<skp|rhk|iki>, the fingerprint covering the \
            file and the defaults below, so running the same command again after a failure adds only \
            what is still missing. Exit 3 when the service refused some rows (see the table).

            Format: UTF-8 CSV, a header row, then one row per IKI. Consecutive rows of one SKP with the \
            same rhk_text form one RHK; give its kind, parent, cascade type, peran, perspektif and \
            penugasan on its first row. \
            Columns (any order; * required):
              nip               owner NIP; empty: --nip, else yours
              year              SKP year; empty: --year, else the current WITA year
              approach          kuantitatif (default) or kualitatif
              rhk_kind *        utama or tambahan
              rhk_text *        the planned result (1–1000 characters)
              parent_rhk_id     the atasan's RHK it intervenes (skp candidates)
              cascade_type      with a parent: direct (rhk_text = the parent's)
                                or non-direct (default)
              peran             with a parent: your peran in it (≤ 200 characters)
              perspektif        JPT: penerima-layanan, proses-bisnis,
                                penguatan-internal or anggaran
              penugasan         Tambahan: the assignment it comes from
              aspek *           kuantitas, kualitas, waktu or biaya
              indicator *       the indicator (1–500 characters)
              target            annual target (bottom of a range); Kuantitatif
              upper             top of a range target
              unit              unit of measure with a target, e.g. dokumen
              qualitative_text  descriptive target; Kualitatif
              direction         higher, lower or range (defaults as add-iki)
              aggregation       sum, average, latest, max or min (as add-iki)
              tw1,tw2,tw3,tw4   triwulan targets; empty: none for that triwulan
              cumulative        yes when tw1–tw4 count from January
            Numbers use digits and a decimal point (1200, 12.5). A semicolon \
            separator is accepted when the header has no comma. YAML is not read: \
            no YAML library is a dependency.

            Example (nip and year left to the defaults):
              rhk_kind,rhk_text,aspek,indicator,target,unit,tw1,tw2,tw3,tw4
              utama,Terlayaninya KTP-el,kuantitas,KTP-el terbit,1200,dokumen,300,300,300,300
              ,Terlayaninya KTP-el,waktu,Rata-rata waktu layanan,3,hari,,,,
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "NIP for rows whose nip is empty (default: yours).") var nip: String?
        @Option(help: "Year for rows whose year is empty (default: the current WITA year).") var year: Int?
        @Flag(help: "Only check the file; send nothing.") var check = false
        @Flag(help: "No progress lines.") var quiet = false

        /// Reads and parses the file; every problem goes to stderr, then exit 65.
        static func load(path: String, defaultNIP: String, defaultYear: Int32) throws -> SkpFile {
            let name = path.split(separator: "/").last.map(String.init) ?? path
            let lower = path.lowercased()
            if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") {
                throw CLIError(.badInputFile, "\(name): YAML is not supported (no YAML library is a dependency of kinerjactl); "
                    + "save the SKP as CSV (see kinerjactl skp import --help)")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIError(.badInputFile, "\(path): cannot read the file")
            }
            do throws(SkpFile.Problems) {
                return try SkpFile.parse(bytes: Array(data), defaultNIP: defaultNIP, defaultYear: defaultYear)
            } catch {
                for problem in error.problems.dropLast() { StandardError.line("\(name): \(problem)") }
                let last = error.problems.last.map { "\($0)" } ?? "cannot be read"
                let more = error.problems.count > 1 ? " (\(error.problems.count) problems; nothing was sent)" : " (nothing was sent)"
                throw CLIError(.badInputFile, "\(name): \(last)\(more)")
            }
        }

        func validate() throws {
            if let year { _ = try SkpValues.year(year) }
            if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
        }

        func run() async throws {
            let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
            var defaultNIP = try nip.map { try ArgumentChecks.nip($0, option: "--nip") } ?? ""
            if defaultNIP.isEmpty {
                defaultNIP = (try? CommandEnvironment.sessionStore(environment: connection.environment).load())??.nip ?? ""
            }
            let skpFile = try Self.load(path: file, defaultNIP: defaultNIP, defaultYear: year)
            let name = file.split(separator: "/").last.map(String.init) ?? file
            for skp in skpFile.skps {
                for rhk in skp.rhks {
                    for iki in rhk.ikis {
                        for warning in iki.warnings { StandardError.line("\(name): row \(iki.row): warning: \(warning)") }
                    }
                }
            }
            let plan = "\(skpFile.skps.count) SKP\(skpFile.skps.count == 1 ? "" : "s"), \(skpFile.rhkCount) RHKs, \(skpFile.ikiCount) IKIs"
            if check {
                print("\(name): \(plan); the file is valid (nothing sent).")
                return
            }
            var importer = SkpFileImporter(file: skpFile, name: name)
            if !quiet { importer.note = { StandardError.line($0) } }
            let summary = try await CommandEnvironment.withPlanning(connection) { caller in try await importer.run(caller) }
            if connection.json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                print(String(decoding: try encoder.encode(summary), as: UTF8.self))
            } else {
                print(summary.table().render())
                print(summary.totalsLine)
                if summary.rejectedRows > 0 { print("\n" + summary.rejectionTable().render()) }
            }
            if summary.rejectedRows > 0 {
                throw CLIError(.importPartiallyRejected, "\(summary.rejectedRows) of \(skpFile.ikiCount) rows rejected")
            }
        }
    }
}
