import BenchSupport
import Foundation
import KinerjaCrypto
import KinerjaProto
import KinerjaService

/// Access-token verification on one core (one loop, nothing else running in this process),
/// against `openssl speed -seconds 3 ed25519` in the same run.
enum TokenBenchmark {
    static let audience = Identity.IdentityService.descriptor.name

    static func run(_ options: Options) async throws -> (figures: [Figure], notes: [String]) {
        log("==> tokens: AccessTokenVerifier, TokenAuthenticator, openssl speed ed25519")
        let now = Date()
        // Two published keys, as identity has (ACTIVE + NEXT); tokens are signed by the first.
        let active = Ed25519PrivateKey(), next = Ed25519PrivateKey()
        let published = [signingKey("k-active", active, now), signingKey("k-next", next, now)]
        let keys = try published.map { try VerificationKey($0) }
        let signer = AccessTokenSigner(keyID: "k-active", privateKey: active)

        // Distinct tokens like identity's (roles, unit, session, ULID-shaped token id), signed up front.
        let distinct = 4000
        var tokens: [String] = []
        tokens.reserveCapacity(distinct)
        let signStart = monotonicNanoseconds()
        for index in 0..<distinct { tokens.append(try signer.sign(claims(index, now: now))) }
        let signPerSecond = Double(distinct) / (Double(monotonicNanoseconds() - signStart) / 1e9)
        let token = tokens[0]
        log("  token: \(token.utf8.count) characters; signing \(Table.number(signPerSecond))/s")

        var uncached: [Double] = [], cached: [Double] = [], authCached: [Double] = [], authFresh: [Double] = [], authIdentity: [Double] = []
        var opensslVerify: [Double] = [], opensslSign: [Double] = []
        for repeatIndex in 0..<options.repeats {
            // 1. Uncached: every call checks the signature (cache off), cycling over distinct tokens.
            let noCache = AccessTokenVerifier(keys: keys, cacheCapacity: 0)
            uncached.append(try rate(options.duration) { i in
                _ = try noCache.verify(tokens[i % distinct], audience: audience, now: Date())
            })
            // 2. Cached: the same token again and again (a token is presented many times in 15 min).
            let withCache = AccessTokenVerifier(keys: keys)
            _ = try withCache.verify(token, audience: audience, now: Date())
            cached.append(try rate(options.duration) { _ in
                _ = try withCache.verify(token, audience: audience, now: Date())
            })
            // 3. TokenAuthenticator end to end, keys already fetched (RemoteKeySource within its TTL).
            let header = "Bearer \(token)"
            let authenticator = TokenAuthenticator(audience: audience, keys: StaticKeySource(keys: keys))
            _ = try await authenticator.authenticate(header: header)
            authCached.append(try await rateAsync(options.duration) { _ in
                _ = try await authenticator.authenticate(header: header)
            })
            // 4. The same, but the key source rebuilds the VerificationKeys from the published
            //    SigningKey messages on every call, as identity's LocalKeySource does.
            let identityStyle = TokenAuthenticator(audience: audience, keys: RebuildingKeySource(published: published))
            _ = try await identityStyle.authenticate(header: header)
            authIdentity.append(try await rateAsync(options.duration) { _ in
                _ = try await identityStyle.authenticate(header: header)
            })
            // 5. TokenAuthenticator with a token it has not seen (first presentation; cache on).
            let fresh = TokenAuthenticator(audience: audience, keys: StaticKeySource(keys: keys))
            let headers = tokens.map { "Bearer \($0)" }
            authFresh.append(try await rateAsync(min(options.duration, 2), limit: distinct) { i in
                _ = try await fresh.authenticate(header: headers[i])
            })
            // The peer: OpenSSL's own Ed25519 loop, same machine, same moment.
            let speed = try await openSSLSpeed()
            opensslSign.append(speed.sign)
            opensslVerify.append(speed.verify)
            log("  run \(repeatIndex + 1)/\(options.repeats): uncached \(Table.number(uncached.last)), cached \(Table.number(cached.last)), "
                + "authenticator \(Table.number(authCached.last)) (identity-style keys \(Table.number(authIdentity.last)), first sight \(Table.number(authFresh.last))); "
                + "openssl verify \(Table.number(speed.verify))/s sign \(Table.number(speed.sign))/s")
        }
        let goal = Figure.Goal.atLeast(20_000)
        let figures = [
            Figure(key: "tokens_verify_uncached", label: "token verify, uncached (distinct)", unit: "verifies/s",
                   ours: uncached, peerName: "openssl verify", peer: opensslVerify, goal: goal),
            Figure(key: "tokens_verify_cached", label: "token verify, cached (same token)", unit: "verifies/s",
                   ours: cached, peerName: "openssl verify", peer: opensslVerify, goal: goal),
            Figure(key: "tokens_authenticator_cached", label: "TokenAuthenticator, cached", unit: "calls/s",
                   ours: authCached, peerName: "openssl verify", peer: opensslVerify, goal: goal),
            Figure(key: "tokens_authenticator_identity_keys", label: "TokenAuthenticator, identity's key source", unit: "calls/s",
                   ours: authIdentity, peerName: "openssl verify", peer: opensslVerify, goal: goal),
            Figure(key: "tokens_authenticator_first_sight", label: "TokenAuthenticator, first sight", unit: "calls/s",
                   ours: authFresh, peerName: "openssl verify", peer: opensslVerify, goal: goal),
            Figure(key: "tokens_sign", label: "token sign (AccessTokenSigner)", unit: "signs/s",
                   ours: [signPerSecond], peerName: "openssl sign", peer: opensslSign),
        ]
        let version = await openSSLVersion()
        let notes = ["tokens: \(token.utf8.count)-character tokens with 2 role claims; verify includes base64url + envelope and claims decoding and every claim check; one loop on one core; openssl speed -seconds 3 ed25519 (\(version))"]
        return (figures, notes)
    }

    static func signingKey(_ id: String, _ key: Ed25519PrivateKey, _ now: Date) -> Identity.SigningKey {
        var published = Identity.SigningKey()
        published.keyID = id
        published.algorithm = "Ed25519"
        published.publicKey = key.publicKey.rawRepresentation
        published.notBefore = Common.Timestamp(seconds: Int64(now.timeIntervalSince1970) - 3600, nanos: 0)
        published.notAfter = Common.Timestamp(seconds: Int64(now.timeIntervalSince1970) + 100 * 365 * 86_400, nanos: 0)
        published.state = .active
        return published
    }

    /// Claims shaped like identity's TokenIssuer output for a pengelola kinerja.
    static func claims(_ index: Int, now: Date) -> Identity.AccessTokenClaims {
        let seconds = Int64(now.timeIntervalSince1970)
        var claims = Identity.AccessTokenClaims()
        claims.issuer = AccessTokenVerifier.issuer
        claims.subject = String(198_703_152_010_012_000 + index)
        claims.audience = ["kinerja"]
        claims.issuedAt = Common.Timestamp(seconds: seconds, nanos: 0)
        claims.notBefore = Common.Timestamp(seconds: seconds, nanos: 0)
        claims.expiresAt = Common.Timestamp(seconds: seconds + 15 * 60, nanos: 0)
        claims.tokenID = "01JB" + String(format: "%022d", index)
        claims.sessionID = "01JA" + String(format: "%022d", index)
        var pegawai = Identity.RoleClaim()
        pegawai.role = .pegawai
        var pengelola = Identity.RoleClaim()
        pengelola.role = .pengelolaKinerja
        pengelola.scopeUnitIDs = ["01J9ZZKPG0000000000000ROOT"]
        pengelola.includeSubunits = true
        claims.roles = [pegawai, pengelola]
        claims.unitID = "01J9ZZKPGBKPSDM00000000PKA"
        return claims
    }

    /// Operations per second of `body(i)` run back to back for `seconds` (checked every 64 calls).
    static func rate(_ seconds: Double, _ body: (Int) throws -> Void) throws -> Double {
        let start = monotonicNanoseconds()
        let end = start + UInt64(seconds * 1e9)
        var count = 0
        var now = start
        while now < end {
            for _ in 0..<64 { try body(count); count += 1 }
            now = monotonicNanoseconds()
        }
        return Double(count) / (Double(now - start) / 1e9)
    }

    static func rateAsync(_ seconds: Double, limit: Int = .max, _ body: (Int) async throws -> Void) async throws -> Double {
        let start = monotonicNanoseconds()
        let end = start + UInt64(seconds * 1e9)
        var count = 0
        var now = start
        while now < end && count < limit {
            for _ in 0..<min(64, limit - count) { try await body(count); count += 1 }
            now = monotonicNanoseconds()
        }
        return Double(count) / (Double(now - start) / 1e9)
    }

    /// `openssl speed -seconds 3 ed25519`: (sign/s, verify/s).
    static func openSSLSpeed() async throws -> (sign: Double, verify: Double) {
        // openssl speed times its loops with alarm(2); a child of this process inherits a mask with
        // SIGALRM blocked (libdispatch's threads block signals), and the loop would never end. perl
        // clears the mask and the disposition before exec'ing openssl.
        let output = try await runTool("/usr/bin/perl", ["-e", "use POSIX; sigprocmask(SIG_SETMASK, POSIX::SigSet->new); $SIG{ALRM}='DEFAULT'; exec @ARGV",
                                                   "openssl", "speed", "-seconds", "3", "ed25519"])
        // "... Ed25519 ...   0.0000s   0.0001s  23000.0   8000.0"
        guard let line = output.split(separator: "\n").last(where: { $0.contains("EdDSA (Ed25519)") }) else {
            throw BenchFailure("openssl speed printed no Ed25519 line:\n\(output)")
        }
        let numbers = line.split(separator: " ").compactMap { Double($0) }
        guard numbers.count >= 2 else { throw BenchFailure("cannot read: \(line)") }
        return (numbers[numbers.count - 2], numbers[numbers.count - 1])
    }

    static func openSSLVersion() async -> String {
        ((try? await runTool("/usr/bin/env", ["openssl", "version"])) ?? "openssl ?").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Keys fetched once (RemoteKeySource within its TTL).
struct StaticKeySource: VerificationKeySource {
    let keys: [VerificationKey]
    func keys() async throws -> [VerificationKey] { keys }
    func refreshedKeys() async throws -> [VerificationKey] { keys }
}

/// What identity's LocalKeySource does: VerificationKey(SigningKey) for every published key, per call.
struct RebuildingKeySource: VerificationKeySource {
    let published: [Identity.SigningKey]
    func keys() async throws -> [VerificationKey] { published.compactMap { try? VerificationKey($0) } }
    func refreshedKeys() async throws -> [VerificationKey] { try await keys() }
}

/// Runs a tool to completion (spawned like ChildProcess); its standard output and error.
func runTool(_ executable: String, _ arguments: [String]) async throws -> String {
    let directory = NSTemporaryDirectory() + "kinerja-tool-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let child = try ChildProcess(name: "tool", executable: executable, arguments: arguments, directory: directory)
    let status = try await child.waitForExit(timeout: 120)
    let text = child.stdout + ((try? String(contentsOfFile: child.stderrPath, encoding: .utf8)) ?? "")
    guard status == 0 else {
        throw BenchFailure("\(arguments.joined(separator: " ")) ended with wait status \(status):\n\(text.suffix(400))")
    }
    return text
}
