import Foundation
import GRDB
import KinerjaCrypto
import KinerjaProto
import KinerjaStore
import KinerjaService
import Synchronization

/// Identity's token-signing keys: exactly one ACTIVE key signs, one NEXT key is published ahead
/// of use, and RETIRED keys stay published until the last token they signed has expired.
///
/// Private keys live in the store (a file readable only by the service user) and in memory.
final class SigningKeyRing: Sendable {
    struct ActiveKey: Sendable {
        let keyID: String
        let signer: AccessTokenSigner
        let createdAt: Int64
    }

    private let store: Store
    /// How long a retired key stays valid: the longest access token plus clock skew.
    private let retirementGrace: Int64
    private let state = Mutex<(active: ActiveKey?, published: [Identity.SigningKey])>((nil, []))

    init(store: Store, accessTokenMinutes: Int) {
        self.store = store
        self.retirementGrace = Int64(accessTokenMinutes * 60 + 60)
    }

    /// Loads the keys, creating the first ACTIVE and NEXT keys in an empty store.
    func load(now: Date = Date()) async throws {
        try await store.write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM signing_key WHERE state = ?", arguments: [Identity.SigningKeyState.active.rawValue]) == 0 {
                try Self.insertKey(state: .active, now: now, in: db)
                try Self.insertKey(state: .next, now: now, in: db)
                try AuditLog.append(AuditRecord(principal: "system", principalKind: .system, action: "identity.signing_key.create",
                                                outcome: .success, detail: "first signing keys"), in: db)
            }
        }
        try await reload(now: now)
    }

    /// The key that signs new tokens.
    func active() throws -> ActiveKey {
        guard let key = state.withLock({ $0.active }) else { throw RPCError(.unavailable, "no signing key is loaded") }
        return key
    }

    /// Every key verifiers should accept now.
    func published() -> [Identity.SigningKey] { state.withLock { $0.published } }

    /// NEXT → ACTIVE, ACTIVE → RETIRED (valid until its tokens expire, or at once in an
    /// emergency), and a new NEXT key. Runs inside the caller's write transaction.
    static func rotate(emergency: Bool, retirementGrace: Int64, now: Date, in db: Database) throws {
        let nowSeconds = Int64(now.timeIntervalSince1970)
        try db.execute(sql: "UPDATE signing_key SET state = ?, not_after = ? WHERE state = ?",
                       arguments: [Identity.SigningKeyState.retired.rawValue,
                                   // In an emergency the key must stop at once, past the verifiers' 60 s clock skew too.
                                   emergency ? nowSeconds - 61 : nowSeconds + retirementGrace,
                                   Identity.SigningKeyState.active.rawValue])
        // created_at of an ACTIVE key is when it started signing (the rotation schedule counts from it).
        try db.execute(sql: "UPDATE signing_key SET state = ?, created_at = ? WHERE state = ?",
                       arguments: [Identity.SigningKeyState.active.rawValue, nowSeconds, Identity.SigningKeyState.next.rawValue])
        if db.changesCount == 0 { try insertKey(state: .active, now: now, in: db) }
        try insertKey(state: .next, now: now, in: db)
        // Keys past their validity are of no use to anyone; drop their private halves.
        try db.execute(sql: "DELETE FROM signing_key WHERE state = ? AND not_after < ?",
                       arguments: [Identity.SigningKeyState.retired.rawValue, nowSeconds - 86_400])
    }

    func rotate(emergency: Bool, now: Date, in db: Database) throws {
        try Self.rotate(emergency: emergency, retirementGrace: retirementGrace, now: now, in: db)
    }

    /// Re-reads the keys after a change.
    func reload(now: Date = Date()) async throws {
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let stored = try await store.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM signing_key ORDER BY created_at").map { row in
                var key = Identity.SigningKey()
                key.keyID = row["key_id"]
                key.algorithm = "Ed25519"
                key.publicKey = Array(row["public_key"] as Data)
                key.notBefore = Common.Timestamp(seconds: row["not_before"], nanos: 0)
                key.notAfter = Common.Timestamp(seconds: row["not_after"], nanos: 0)
                key.state = Identity.SigningKeyState(rawValue: row["state"])
                return (key: key, privateKey: Array(row["private_key"] as Data), createdAt: row["created_at"] as Int64)
            }
        }
        var active: ActiveKey?
        var published: [Identity.SigningKey] = []
        for entry in stored {
            if (entry.key.notAfter?.seconds ?? 0) >= nowSeconds { published.append(entry.key) }
            if entry.key.state == .active {
                let privateKey = try Ed25519PrivateKey(rawRepresentation: entry.privateKey)
                active = ActiveKey(keyID: entry.key.keyID, signer: AccessTokenSigner(keyID: entry.key.keyID, privateKey: privateKey),
                                   createdAt: entry.createdAt)
            }
        }
        state.withLock { $0 = (active, published) }
    }

    /// Seconds since the ACTIVE key started signing.
    func activeAge(now: Date = Date()) -> Int64 {
        guard let key = state.withLock({ $0.active }) else { return .max }
        return Int64(now.timeIntervalSince1970) - key.createdAt
    }

    private static func insertKey(state: Identity.SigningKeyState, now: Date, in db: Database) throws {
        let key = Ed25519PrivateKey()
        let nowSeconds = Int64(now.timeIntervalSince1970)
        let keyID = "k-" + ULID.make(now: now).lowercased()
        // An ACTIVE key has no planned end: rotation sets one. 100 years stands for "until rotated".
        try db.execute(sql: """
            INSERT INTO signing_key (key_id, private_key, public_key, state, created_at, not_before, not_after)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [keyID, Data(key.rawRepresentation), Data(key.publicKey.rawRepresentation), state.rawValue,
                             nowSeconds, nowSeconds - 60, nowSeconds + 100 * 365 * 86_400])
    }
}

/// Verification keys from the ring, for identity's own authentication of incoming calls.
struct LocalKeySource: VerificationKeySource {
    let ring: SigningKeyRing

    func keys() async throws -> [VerificationKey] {
        ring.published().compactMap { try? VerificationKey($0) }
    }

    func refreshedKeys() async throws -> [VerificationKey] {
        try await keys()
    }
}
