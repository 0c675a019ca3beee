import KinerjaProto
import Testing
@testable import kinerjactl

/// Sending an import: one call per chunk, retries after UNAVAILABLE, totals and the failure message.
@Suite("Import run")
struct ImportRunnerTests {
    static func plan(rows: Int = 2_500, chunkSize: Int = 1_000) -> ImportPlan {
        ImportPlan(fileBytes: Array("file".utf8), rows: ImportPlanTests.rows(rows), chunkSize: chunkSize,
                   options: Identity.ImportEmployeesOptions(sourceName: "pegawai.csv"))
    }

    /// A report accepting every row of the chunk as created, except NIPs in `rejected`.
    static func report(_ chunk: ImportPlan.Chunk, rejected: Set<String> = []) -> Identity.ImportEmployeesResponse {
        var report = Identity.ImportEmployeesResponse(totalRows: UInt32(chunk.rows.count))
        for row in chunk.rows {
            let nip = row.employee?.nip ?? ""
            if rejected.contains(nip) {
                report.rejectedRows += 1
                report.results.append(Identity.ImportRowResult(
                    rowNumber: row.rowNumber, nip: nip, outcome: .rejected, statusCode: 6,
                    reasons: [Common.FieldViolation(field: "nip", description: "already exists", reason: "NIP_EXISTS")]))
            } else {
                report.acceptedRows += 1
                report.results.append(Identity.ImportRowResult(rowNumber: row.rowNumber, nip: nip, outcome: .created))
            }
        }
        return report
    }

    private func runner(retries: Int = 5, notes: Recorder<String>, progress: Recorder<Int>) -> ImportRunner {
        var runner = ImportRunner()
        runner.retries = retries
        runner.sleep = { _ in }
        runner.note = { notes.append($0) }
        runner.progress = { acknowledged, _ in progress.append(acknowledged) }
        return runner
    }

    @Test("each chunk is one call; progress counts acknowledged rows; totals add up the reports")
    func totals() async throws {
        let notes = Recorder<String>(), progress = Recorder<Int>()
        let summary = try await runner(notes: notes, progress: progress).run(Self.plan()) { chunk, _ in
            Self.report(chunk, rejected: ["5", "2400"])
        }
        #expect(progress.items == [0, 1_000, 2_000, 2_500])
        #expect(summary.rows == 2_500)
        #expect(summary.created == 2_498)
        #expect(summary.rejected == 2)
        #expect(summary.unchanged == 0)
        #expect(summary.rejections.map(\.rowNumber) == [7, 2_402])
        #expect(summary.totalsLine == "rows 2 500, created 2 498, updated 0, unchanged 0, rejected 2")
        #expect(summary.merged.totalRows == 2_500)
        #expect(summary.rejectionTable().render().contains("ALREADY_EXISTS  nip: already exists"))
    }

    @Test("rows that are neither created nor updated count as unchanged")
    func unchanged() {
        var summary = ImportSummary()
        summary.add(Identity.ImportEmployeesResponse(totalRows: 10, acceptedRows: 9, rejectedRows: 1, results: [
            .init(rowNumber: 2, outcome: .created), .init(rowNumber: 3, outcome: .updated),
            .init(rowNumber: 4, outcome: .rejected, statusCode: 3),
        ]))
        #expect((summary.created, summary.updated, summary.unchanged, summary.rejected) == (1, 1, 7, 1))
    }

    @Test("a chunk failing with UNAVAILABLE is retried with the same key, with a note each time")
    func retriesUnavailable() async throws {
        let notes = Recorder<String>(), progress = Recorder<Int>()
        let keys = Recorder<String?>()
        let failures = Recorder([true, true])
        let summary = try await runner(notes: notes, progress: progress).run(Self.plan()) { chunk, _ in
            keys.append(chunk.idempotencyKey)
            if chunk.index == 1, failures.popFirst() != nil {
                throw RPCError(.unavailable, "server draining")
            }
            return Self.report(chunk)
        }
        let plan = Self.plan()
        #expect(keys.items == [plan.chunks[0].idempotencyKey, plan.chunks[1].idempotencyKey,
                                         plan.chunks[1].idempotencyKey, plan.chunks[1].idempotencyKey,
                                         plan.chunks[2].idempotencyKey])
        #expect(notes.items.count == 2)
        #expect(notes.items.first?.hasPrefix("note: chunk 2/3 failed (UNAVAILABLE: server draining); retrying in 1 s") == true)
        #expect(summary.rows == 2_500)
    }

    @Test("after the retries the import fails with UNAVAILABLE, the acknowledged rows, and how to resume")
    func givesUp() async throws {
        let notes = Recorder<String>(), progress = Recorder<Int>()
        let error = try await #require(throws: CLIError.self) {
            _ = try await runner(retries: 3, notes: notes, progress: progress).run(Self.plan()) { chunk, _ in
                if chunk.index == 2 { throw RPCError(.unavailable, "connection refused") }
                return Self.report(chunk)
            }
        }
        #expect(notes.items.count == 3)
        let report = ErrorReporting.report(error)
        #expect(report.exitStatus == 69)
        #expect(report.line == "error: UNAVAILABLE: connection refused (2 000 of 2 500 rows acknowledged; "
            + "run the same command again to resume)")
    }

    @Test("other failures are not retried and keep their exit status")
    func otherFailures() async throws {
        let notes = Recorder<String>(), progress = Recorder<Int>()
        let calls = Recorder<Int>()
        let error = try await #require(throws: CLIError.self) {
            _ = try await runner(notes: notes, progress: progress).run(Self.plan()) { _, _ in
                calls.append(1)
                throw RPCError(.permissionDenied, "only pengelola kinerja of the unit or admin may import")
            }
        }
        #expect(calls.items.count == 1)
        #expect(ErrorReporting.report(error).exitStatus == 77)
        #expect(ErrorReporting.report(error).line
            == "error: PERMISSION_DENIED: only pengelola kinerja of the unit or admin may import (0 of 2 500 rows acknowledged; "
               + "run the same command again to resume once the cause is fixed)")
    }

    /// A caller with a long-lived session over `transport`.
    private func caller(_ transport: FakeTransport, in temporary: TemporaryDirectory) throws -> IdentityCaller {
        try TestSession(accessExpires: Int64.max / 2, in: temporary, [.identity: transport]).session.identity
    }

    @Test("a chunk call streams the options first, then its rows, under the chunk's idempotency key")
    func chunkCall() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let transport = FakeTransport { _, requests, _ in
            try Identity.ImportEmployeesResponse(totalRows: UInt32(requests.count - 1)).serializedBytes()
        }
        let caller = try caller(transport, in: temporary)
        let plan = Self.plan(rows: 5, chunkSize: 2)
        let summary = try await ImportRunner().run(plan) { chunk, options in
            try await ImportChunkCall.send(chunk, options: options, as: caller)
        }
        #expect(summary.rows == 5)
        let calls = transport.calls
        #expect(calls.count == 3)
        #expect(calls.map(\.method) == ["ImportEmployees", "ImportEmployees", "ImportEmployees"])
        #expect(calls.map { $0.metadata["idempotency-key"] } == plan.chunks.map(\.idempotencyKey))
        #expect(calls.allSatisfy { $0.metadata["authorization"] == "Bearer A1" })
        let messages = try calls[1].decoded(Identity.ImportEmployeesRequest.self)
        #expect(messages.first?.item == .options(Identity.ImportEmployeesOptions(sourceName: "pegawai.csv")))
        let rows = messages.dropFirst().compactMap { message -> UInt32? in
            if case .row(let row)? = message.item { return row.rowNumber }
            return nil
        }
        #expect(rows == [4, 5])
    }

    @Test("a chunk the server answered before the rows were all sent (a replay) counts with its report")
    func earlyAnswer() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let transport = FakeTransport(cancelAfterResponse: true) { _, _, _ in
            try Identity.ImportEmployeesResponse(totalRows: 2, acceptedRows: 2).serializedBytes()
        }
        let caller = try caller(transport, in: temporary)
        let plan = Self.plan(rows: 2, chunkSize: 2)
        let report = try await ImportChunkCall.send(plan.chunks[0], options: plan.options, as: caller)
        #expect(report.acceptedRows == 2)
        let failing = FakeTransport { _, _, _ in throw RPCError(.cancelled, "the call was cancelled") }
        await #expect(throws: RPCError.self) {
            _ = try await ImportChunkCall.send(plan.chunks[0], options: plan.options, as: try self.caller(failing, in: temporary))
        }
    }

    @Test("the progress bar reads [#####-----] 4 000/10 000 rows acknowledged")
    func progressBar() {
        #expect(ImportProgress.bar(acknowledged: 4_000, total: 10_000) == "[####------] 4 000/10 000 rows acknowledged")
        #expect(ImportProgress.bar(acknowledged: 5_000, total: 10_000) == "[#####-----] 5 000/10 000 rows acknowledged")
        #expect(ImportProgress.bar(acknowledged: 10_000, total: 10_000) == "[##########] 10 000/10 000 rows acknowledged")
        let written = Recorder<String>()
        let lines = ImportProgress(style: .lines) { written.append($0) }
        lines.update(acknowledged: 0, total: 2_000)
        lines.update(acknowledged: 1_000, total: 2_000)
        #expect(written.items == ["1 000/2 000 rows acknowledged\n"])
    }

    @Test("a resumed import counts chunks an earlier run applied as already imported, not as created")
    func replayedChunks() async throws {
        var first = Identity.ImportEmployeesResponse()
        first.totalRows = 1_000
        first.acceptedRows = 1_000
        first.replayed = true
        var second = Identity.ImportEmployeesResponse()
        second.totalRows = 1_000
        second.acceptedRows = 1_000
        second.results = (0..<1_000).map { Identity.ImportRowResult(rowNumber: UInt32($0 + 2), outcome: .created) }
        var summary = ImportSummary()
        summary.add(first)
        summary.add(second)
        #expect(summary.totalsLine == "rows 2 000, created 1 000, updated 0, unchanged 0, rejected 0, already imported 1 000 (by an earlier run)")
    }
}
