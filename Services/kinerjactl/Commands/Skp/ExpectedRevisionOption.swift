import ArgumentParser
import Foundation
import KinerjaProto

/// Options of every `skp` command: the identity connection (session refresh, PKI, --json,
/// --timeout) and where the planning service listens.
struct PlanningOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp(
        "Planning service as HOST:PORT.",
        discussion: "Default: $KINERJA_PLANNING, else 127.0.0.1:7402. --server stays the identity service (sign-in and token refresh).",
        valueName: "host:port"))
    var planning: String?

    /// The planning service to call: --planning, else $KINERJA_PLANNING, else the default.
    func planningAddress(environment: [String: String]) throws -> ServerAddress {
        guard let text = planning ?? environment["KINERJA_PLANNING"].flatMap({ $0.isEmpty ? nil : $0 }) else {
            return PlanningConnection.defaultAddress
        }
        guard let address = ServerAddress(text) else {
            throw CLIError.invalidArguments("planning server \(text.debugDescription) is not HOST:PORT")
        }
        return address
    }

    /// Whether --json was given.
    var json: Bool { connection.json }
}

/// `--expected-revision` of the draft writes.
struct ExpectedRevisionOption: ParsableArguments {
    @Option(help: ArgumentHelp("Draft revision you read; the write fails with ABORTED when the SKP changed since.",
                               valueName: "revision"))
    var expectedRevision: UInt64?

    var value: UInt64 { expectedRevision ?? 0 }
}

extension CommandEnvironment {
    /// Runs `body` as the signed-in user against the planning service (tokens refreshed through identity).
    static func withPlanning<R>(_ options: PlanningOptions, _ body: (PlanningCaller) async throws -> R) async throws -> R {
        let address = try options.planningAddress(environment: options.connection.environment)
        return try await withSignedIn(options.connection) { identity in
            let planning = try PlanningConnection.open(
                server: address, pki: options.connection.pkiDirectory(environment: options.connection.environment),
                certificateName: options.connection.cert)
            do {
                let result = try await body(PlanningCaller(identity: identity, client: planning.client, server: address))
                await planning.close()
                return result
            } catch {
                await planning.close()
                throw error
            }
        }
    }

    /// Prints a response as JSON when `--json` was given; returns whether it did.
    static func printJSON<M: ProtoMessage>(_ message: M, _ options: PlanningOptions) -> Bool {
        printJSON(message, options.connection)
    }
}
