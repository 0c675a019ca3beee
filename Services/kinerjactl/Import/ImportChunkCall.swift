import KinerjaProto

/// One chunk as one ImportEmployees client-stream call: the options message first, then the
/// chunk's rows, under the chunk's idempotency key.
enum ImportChunkCall {
    static func send(_ chunk: ImportPlan.Chunk, options: Identity.ImportEmployeesOptions,
                     as caller: SignedInCaller) async throws -> Identity.ImportEmployeesResponse {
        try await caller.call(idempotencyKey: chunk.idempotencyKey) { client, callOptions in
            try await client.importEmployees(options: callOptions) { writer in
                try await writer.write(.init(item: .options(options)))
                for row in chunk.rows { try await writer.write(.init(item: .row(row))) }
            }
        }
    }
}
