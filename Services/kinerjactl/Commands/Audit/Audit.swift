import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl audit`: identity's hash-chained audit log.
    struct Audit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify and list identity's audit log.",
                                                        subcommands: [Verify.self, List.self])

        /// `kinerjactl audit verify`.
        struct Verify: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Verify the audit hash chain (exit 4 when broken).")
            @OptionGroup var connection: ConnectionOptions
            @Option(help: "First sequence (default: the start).") var from: UInt64?
            @Option(help: "Last sequence (default: the head).") var to: UInt64?

            func validate() throws {
                if let from, let to, from > to { throw CLIError.invalidArguments("--from must not be after --to") }
            }

            func run() async throws {
                let request = Identity.VerifyAuditChainRequest(fromSequence: from ?? 0, toSequence: to ?? 0)
                let response = try await CommandEnvironment.withSignedIn(connection) { caller in
                    try await caller.call { try await $0.verifyAuditChain(request, options: $1) }
                }
                let result = response.verification ?? .init()
                if !CommandEnvironment.printJSON(response, connection) {
                    print(AuditText.verification(result))
                }
                if !result.intact {
                    throw CLIError(.auditChainBroken, "audit chain broken at sequence \(result.firstBrokenSequence): "
                        + (result.failure.isEmpty ? "no reason given" : result.failure))
                }
            }
        }

        /// `kinerjactl audit list`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List audit events, oldest first.")
            @OptionGroup var connection: ConnectionOptions
            @Option(help: "Only events by this principal (NIP or SPIFFE URI).") var principal: String?
            @Option(help: "Only events whose action starts with this.") var actionPrefix: String?
            @Option(help: "At most N events (default 50).") var limit = 50

            func validate() throws {
                guard limit >= 1 else { throw CLIError.invalidArguments("--limit must be at least 1") }
            }

            func run() async throws {
                let filter = Common.AuditEventFilter(principal: principal ?? "", actionPrefix: actionPrefix ?? "")
                let events = try await CommandEnvironment.withSignedIn(connection) { caller in
                    var events: [Common.AuditEvent] = []
                    var cursor = ""
                    repeat {
                        let page = Common.PageRequest(pageSize: UInt32(min(500, limit - events.count)), cursor: cursor)
                        let response = try await caller.call {
                            try await $0.listAuditEvents(.init(filter: filter, page: page), options: $1)
                        }
                        events += response.events
                        cursor = response.page?.nextCursor ?? ""
                    } while !cursor.isEmpty && events.count < limit
                    return Array(events.prefix(limit))
                }
                if CommandEnvironment.printJSON(Identity.ListAuditEventsResponse(events: events), connection) { return }
                var table = Table([.init("SEQ", alignRight: true), .init("AT", maxWidth: 21), .init("PRINCIPAL", maxWidth: 30),
                                   .init("ACTION", maxWidth: 50), .init("TARGET", maxWidth: 30), .init("OUTCOME", maxWidth: 24),
                                   .init("STATUS", maxWidth: 20)])
                for event in events {
                    let status = RPCError.Code(rawValue: Int32(clamping: event.statusCode))?.description ?? String(event.statusCode)
                    table.append([String(event.sequence), WITATime.format(event.at), event.principal, event.action, event.target,
                                  Display.name(event.outcome), status])
                }
                print(table.render())
            }
        }
    }
}
