import Foundation
import GRDB
@testable import KinerjaIdentity
import KinerjaProto
import KinerjaService
import KinerjaTestSupport
import Testing

@Suite("Retention of sign-in data: refresh tokens 30 days after expiry, sessions 180 days after they ended", .serialized)
struct RetentionTests {
    @Test("the sweep removes exactly the refresh tokens and sessions past retention, keeps the rest (a live session included), audits what it removed, and a second run removes nothing")
    func sweep() async throws {
        try await withIdentity { fixture in
            let nip = try fixture.nip("pegawai")
            _ = try await fixture.signIn("pegawai")
            let now = Date()
            let t = Int64(now.timeIntervalSince1970)
            let day: Int64 = 86_400
            // (session, created, expires, revoked) and (token, session, expires).
            let sessions: [(String, Int64, Int64, Int64?)] = [
                ("S-EXPIRED-181", t - 200 * day, t - 181 * day, nil),    // past: ended 181 days ago
                ("S-EXPIRED-179", t - 190 * day, t - 179 * day, nil),    // kept: 179 days
                ("S-REVOKED-181", t - 182 * day, t + 10 * day, t - 181 * day), // past: revoked 181 days ago, would expire later
                ("S-REVOKED-10", t - 20 * day, t + 10 * day, t - 10 * day),    // kept
            ]
            let tokens: [(String, String, Int64)] = [
                ("T-200", "S-EXPIRED-181", t - 200 * day),   // past (and its session goes)
                ("T-179", "S-EXPIRED-179", t - 179 * day),   // past: 179 > 30 days after expiry
                ("T-29", "S-REVOKED-10", t - 29 * day),      // kept
                ("T-31", "S-REVOKED-10", t - 31 * day),      // past
            ]
            try await fixture.store.pool.write { db in
                for (id, created, expires, revoked) in sessions {
                    try db.execute(sql: """
                        INSERT INTO session (session_id, nip, created_at, last_refreshed_at, expires_at, audience, client_name, peer_address, revoked_at)
                        VALUES (?, ?, ?, ?, ?, 'kinerja', 'test', '127.0.0.1', ?)
                        """, arguments: [id, nip, created, created, expires, revoked])
                }
                for (hash, session, expires) in tokens {
                    try db.execute(sql: "INSERT INTO refresh_token (token_hash, session_id, issued_at, expires_at) VALUES (?, ?, ?, ?)",
                                   arguments: [Data(hash.utf8), session, expires - 30 * day, expires])
                }
            }
            let before = try await fixture.store.pool.read { db in
                (sessions: try String.fetchAll(db, sql: "SELECT session_id FROM session WHERE session_id NOT LIKE 'S-%'"),
                 tokens: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM refresh_token WHERE session_id NOT LIKE 'S-%'") ?? 0)
            }
            #expect(!before.sessions.isEmpty && before.tokens > 0, "signing in made a live session with a refresh token")

            try await RetentionSweep(IdentityRetention.rules).run(store: fixture.store, now: now)

            let after = try await fixture.store.pool.read { db in
                (sessions: Set(try String.fetchAll(db, sql: "SELECT session_id FROM session WHERE session_id LIKE 'S-%'")),
                 tokens: Set(try Data.fetchAll(db, sql: "SELECT token_hash FROM refresh_token WHERE session_id LIKE 'S-%'")
                    .map { String(decoding: $0, as: UTF8.self) }),
                 live: try String.fetchAll(db, sql: "SELECT session_id FROM session WHERE session_id NOT LIKE 'S-%'"),
                 liveTokens: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM refresh_token WHERE session_id NOT LIKE 'S-%'") ?? 0,
                 audit: try String.fetchAll(db, sql: "SELECT detail FROM audit_log WHERE action = 'kinerja.retention' AND principal = 'system'"))
            }
            #expect(after.sessions == ["S-EXPIRED-179", "S-REVOKED-10"])
            #expect(after.tokens == ["T-29"])
            #expect(after.live == before.sessions && after.liveTokens == before.tokens)
            #expect(after.audit.contains { $0.contains("identity.refresh_token=") && $0.contains("identity.session=") })

            let again = try await RetentionSweep(IdentityRetention.rules).run(store: fixture.store, now: now)
            #expect(again == ["identity.refresh_token": 0, "identity.session": 0])
            let entries = try await fixture.store.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'kinerja.retention'") ?? 0
            }
            #expect(entries == after.audit.count, "a sweep that removes nothing writes no audit entry")
        }
    }
}
