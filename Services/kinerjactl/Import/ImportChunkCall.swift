import KinerjaProto
import Synchronization

/// One chunk as one ImportEmployees client-stream call: the options message first, then the
/// chunk's rows, under the chunk's idempotency key.
enum ImportChunkCall {
    /// The report of a call, kept as soon as it has been read in full.
    private final class Answer: Sendable {
        let report = Mutex<Identity.ImportEmployeesResponse?>(nil)
    }

    static func send(_ chunk: ImportPlan.Chunk, options: Identity.ImportEmployeesOptions,
                     as caller: IdentityCaller) async throws -> Identity.ImportEmployeesResponse {
        try await caller.call(idempotencyKey: chunk.idempotencyKey) { client, callOptions in
            let answer = Answer()
            do {
                return try await client.transport.call(
                    Identity.IdentityService.Method.importEmployees, options: callOptions,
                    requests: { writer in
                        try await writer.write(Identity.ImportEmployeesRequest(item: .options(options)).serializedBytes())
                        for row in chunk.rows {
                            try await writer.write(Identity.ImportEmployeesRequest(item: .row(row)).serializedBytes())
                        }
                    },
                    onResponse: { responses in
                        let report = try await onlyReport(responses)
                        answer.report.withLock { $0 = report }
                        return report
                    })
            } catch let error as RPCError where error.code == .cancelled {
                // PROTOCOL.md 2.2 lets the server answer before the request stream ends; a replayed
                // chunk is answered that way. RPCClient then fails the unfinished writes with
                // CANCELLED "the call has ended" although the call ended OK with a full report.
                // TODO(rpc): drop this once RPCClient reports the server's status in that case.
                if let report = answer.report.withLock({ $0 }) { return report }
                throw error
            }
        }
    }

    /// The single report of a call whose response stream ended cleanly.
    private static func onlyReport(_ responses: RPCAsyncSequence<[UInt8]>) async throws -> Identity.ImportEmployeesResponse {
        var iterator = responses.makeAsyncIterator()
        guard let first = try await iterator.next() else {
            throw RPCError(.internal, "ImportEmployees: the server sent no report")
        }
        guard try await iterator.next() == nil else {
            throw RPCError(.internal, "ImportEmployees: the server sent more than one report")
        }
        do {
            return try Identity.ImportEmployeesResponse(serializedBytes: first)
        } catch {
            throw RPCError(.internal, "ImportEmployees: the report could not be decoded: \(error.message)")
        }
    }
}
