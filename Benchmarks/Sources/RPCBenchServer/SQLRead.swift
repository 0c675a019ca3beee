// `--sql-store PATH --sql-session ID --sql-user NIP --sql-target NIP`: before each echo, the SQLite
// work of one GetEmployee as a user (GetEmployeeSQL.all: the session gate, the atasan
// relationship and the joined employee read, cached statements, one read transaction) on a copy
// of identity's store. The peer of "GetEmployee as a user": the same reads behind the bare
// protocol, so the ratio is the service runtime's and the handler's cost above their SQL.
import BenchSQL
import GRDB
import KinerjaProto
import KinerjaRPC
import KinerjaStore

struct SQLRead: ServerInterceptor {
    let store: Store
    let sessionID: String
    let user: String
    let target: String

    init(path: String, sessionID: String, user: String, target: String) throws {
        var configuration = StoreConfiguration(path: path)
        configuration.checkIntegrityAtOpen = false
        store = try Store(configuration: configuration, migrations: [])
        self.sessionID = sessionID
        self.user = user
        self.target = target
    }

    func intercept(context: ServerContext, next: @Sendable (ServerContext) async throws -> Void) async throws {
        let (sessionID, user, target) = (self.sessionID, self.user, self.target)
        let found = try await store.read { db in try GetEmployeeSQL.all(db, sessionID: sessionID, userNIP: user, target: target) }
        guard found > 0 else { throw RPCError(.notFound, "the GetEmployee rows are not in \(store.configuration.path)") }
        try await next(context)
    }
}
