// `--runtime full`: the echo behind the interceptors every Kinerja service puts around its calls,
// in the same order as `ServiceRuntime.server` — the call log (one JSON line per call to standard
// error, principal pseudonymised) and the authorisation interceptor (the method's rule looked up,
// the caller's certificate matched against it, the `Access` task-local set) — so that the
// runtime's own cost per call is a ratio against the bare echo measured in the same run.
// The benchmark client is the HR portal's machine certificate (`client/hr-portal`), so no bearer
// token is verified here; token verification is measured by IdentityBenchmark (`tokens`).
import KinerjaCrypto
import KinerjaProto
import KinerjaRPC
import KinerjaService
import KinerjaStore
import Logging
import RPCBenchEcho

enum FullRuntime {
    /// The interceptors of a service, with a table allowing the HR portal both echo methods.
    static func interceptors() -> [any ServerInterceptor] {
        StructuredLogHandler.bootstrap(level: .info, format: .json)
        let logging = CallLogInterceptor(logger: Logger(label: "kinerja-bench"), pseudonymKey: SecureRandom.bytes(32),
                                         errorDomain: "bench.kinerja.kupangkota.go.id")
        let table = AuthorizationTable(service: "kinerja.bench.v1.Echo", rules: [
            BenchEcho.unary: AccessRule(.client("hr-portal")),
            BenchEcho.stream: AccessRule(.client("hr-portal")),
        ])
        let auth = AuthInterceptor(table: table, authenticator: TokenAuthenticator(audience: "bench", keys: NoKeys()),
                                   resolver: NoRelationships(), audit: DiscardAudit())
        return [logging, auth]
    }
}

/// No signing keys: the benchmark sends no tokens (a token sent anyway is refused).
struct NoKeys: VerificationKeySource {
    func keys() async throws -> [VerificationKey] { [] }
    func refreshedKeys() async throws -> [VerificationKey] { [] }
}

/// The echo has no relationship grants.
struct NoRelationships: RelationshipResolver {
    func unitOf(nip: String) async throws -> String? { nil }
    func isAtasan(_ atasanNIP: String, of nip: String) async throws -> Bool { false }
    func unit(_ unitID: String, isWithin scope: [String], includeSubunits: Bool) async throws -> Bool { false }
}

/// Allowed calls are not audited; the benchmark makes no denied ones.
struct DiscardAudit: AuditSink {
    func record(_ entry: AuditRecord) async {}
}
