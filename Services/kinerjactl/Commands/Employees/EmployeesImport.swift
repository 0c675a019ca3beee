import ArgumentParser
import KinerjaProto

extension Kinerjactl.Employees {
    /// `kinerjactl employees import`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import employees from a CSV file, in resumable chunks.",
            discussion: """
            The file is parsed locally first; nothing is sent when a row does not parse (exit 65). Rows \
            then go in chunks, one ImportEmployees call per chunk, each with the idempotency key \
            import-<fingerprint>-<chunk>: running the same command again after a failure replays the \
            chunks the server already applied and sends only the rest. The fingerprint covers the file, \
            --chunk-size, --update-existing and --import-id; change --import-id to apply the same file \
            again as a new import. Rows go supervisors first (a row after the row of its atasan) so \
            references never point into a later call. A dry run goes in one call without a key. Exit 3 \
            when some rows were rejected.

            Header: nip,full_name,gelar_depan,gelar_belakang,asn_type,jenis_jabatan,jabatan_name,golongan,\
            unit_code,atasan_nip,birth_date,sex,tmt,status,email,phone
            """
        )

        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The CSV file.") var file: String
        @Flag(help: "Validate on the server without writing anything.") var dryRun = false
        @Flag(help: "Update employees whose NIP exists instead of rejecting those rows.") var updateExisting = false
        @Option(help: "Rows per call (1–100000).") var chunkSize = 1000
        @Option(help: "Retries of a chunk whose call fails with UNAVAILABLE.") var retries = 5
        @Option(help: "Tells imports of the same file apart (part of the idempotency keys).") var importID = ""
        @Flag(help: "No progress output.") var quiet = false

        /// Rejected rows shown in the table; `--json` has them all.
        static let shownRejections = 200

        func validate() throws {
            guard (1...ImportPlan.maximumChunkSize).contains(chunkSize) else {
                throw CLIError.invalidArguments("--chunk-size must be 1–\(ImportPlan.maximumChunkSize)")
            }
            guard (0...100).contains(retries) else { throw CLIError.invalidArguments("--retries must be 0–100") }
            guard importID.utf8.count <= 64, importID.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                throw CLIError.invalidArguments("--import-id must be at most 64 printable ASCII characters without spaces")
            }
        }

        /// The plan for a parsed file.
        func plan(_ source: EmployeeCSVSource) -> ImportPlan {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            let options = Identity.ImportEmployeesOptions(dryRun: dryRun, updateExisting: updateExisting,
                                                          sourceName: String(name.prefix(200)))
            return ImportPlan(fileBytes: source.bytes, rows: source.rows, chunkSize: chunkSize, options: options, importID: importID)
        }

        func run() async throws {
            let plan = plan(try EmployeeCSVSource.load(path: file, parser: EmployeeCSVSource.standardParser))
            let style: ImportProgress.Style = quiet ? .quiet : StandardError.isTerminal ? .bar : .lines
            let progress = ImportProgress(style: style, write: StandardError.write)
            var runner = ImportRunner()
            runner.retries = retries
            runner.note = progress.note
            runner.progress = progress.update
            let summary: ImportSummary
            do {
                summary = try await CommandEnvironment.withSignedIn(connection) { caller in
                    try await runner.run(plan) { chunk, options in
                        try await ImportChunkCall.send(chunk, options: options, as: caller)
                    }
                }
                progress.finish()
            } catch {
                progress.finish()
                throw error
            }
            if !CommandEnvironment.printJSON(summary.merged, connection) {
                print((dryRun ? "Dry run (nothing written): " : "") + summary.totalsLine)
                if summary.rejected > 0 {
                    print(summary.rejectionTable(limit: Self.shownRejections).render())
                    if summary.rejections.count > Self.shownRejections {
                        print("… and \(Display.grouped(summary.rejections.count - Self.shownRejections)) more rejected rows "
                            + "(--json lists every row)")
                    }
                }
            }
            if summary.rejected > 0 {
                throw CLIError(.importPartiallyRejected,
                               "\(Display.grouped(summary.rejected)) of \(Display.grouped(summary.rows)) rows rejected")
            }
        }
    }
}
