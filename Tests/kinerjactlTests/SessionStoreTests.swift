import Foundation
import KinerjaProto
import Testing
@testable import kinerjactl

/// The session file: where it lives, who may read it, and how it is replaced.
@Suite("Session file")
struct SessionStoreTests {
    static let session = StoredSession(
        server: "127.0.0.1:7401", nip: "199001012015031001",
        tokens: Identity.TokenPair(accessToken: "A1", accessTokenExpiresAt: Common.Timestamp(seconds: 1_000),
                                   refreshToken: "R1", refreshTokenExpiresAt: Common.Timestamp(seconds: 40_000),
                                   sessionID: "S1"))

    @Test("the path is $KINERJACTL_SESSION, else $XDG_CONFIG_HOME/kinerja, else ~/.config/kinerja")
    func location() {
        #expect(SessionStore.defaultPath(environment: ["KINERJACTL_SESSION": "/x/s.json", "KINERJA_SESSION": "/old.json", "HOME": "/home/a"]) == "/x/s.json")
        #expect(SessionStore.defaultPath(environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/a"]) == "/cfg/kinerja/session.json")
        #expect(SessionStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.config/kinerja/session.json")
        #expect(SessionStore.defaultPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/kinerja/session.json")
        #expect(SessionStore.defaultPath(environment: ["KINERJA_SESSION": "/old.json", "HOME": "/h"]) == "/h/.config/kinerja/session.json")
        #expect(SessionStore.defaultPath(environment: [:]) == nil)
    }

    @Test("a new session file is created with mode 0600 in a directory created with mode 0700")
    func modes() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = SessionStore(path: temporary.path + "/kinerja/session.json")
        try store.save(Self.session)
        #expect(TemporaryDirectory.mode(temporary.path + "/kinerja") == 0o700)
        #expect(TemporaryDirectory.mode(store.path) == 0o600)
    }

    @Test("what is saved is loaded back, and a missing file means no session")
    func roundTrip() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = SessionStore(path: temporary.path + "/session.json")
        #expect(try store.load() == nil)
        try store.save(Self.session)
        #expect(try store.load() == Self.session)
        try store.delete()
        #expect(try store.load() == nil)
        try store.delete()
    }

    @Test("saving replaces the file atomically and leaves no temporary file behind")
    func atomicReplace() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = SessionStore(path: temporary.path + "/session.json")
        try store.save(Self.session)
        var rotated = Self.session
        rotated.replaceTokens(with: Identity.TokenPair(accessToken: "A2", accessTokenExpiresAt: Common.Timestamp(seconds: 2_000),
                                                       refreshToken: "R2", refreshTokenExpiresAt: Common.Timestamp(seconds: 50_000)))
        try store.save(rotated)
        #expect(try store.load() == rotated)
        #expect(try store.load()?.sessionID == "S1", "a pair without a session id keeps the old one")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == ["session.json"])
        #expect(TemporaryDirectory.mode(store.path) == 0o600)
    }

    @Test("a session file that group or others can read is refused with a clear error")
    func refusesReadableFile() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let store = SessionStore(path: temporary.path + "/session.json")
        try store.save(Self.session)
        chmod(store.path, 0o644)
        let error = try #require(throws: CLIError.self) { try store.load() }
        #expect(error.message.contains("accessible by other users (mode 644)"))
        #expect(error.message.contains("run kinerjactl login"))
        chmod(store.path, 0o640)
        #expect(throws: CLIError.self) { try store.load() }
    }

    @Test("a session file that is a symbolic link is refused")
    func refusesSymlink() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let target = SessionStore(path: temporary.path + "/real.json")
        try target.save(Self.session)
        symlink(target.path, temporary.path + "/session.json")
        let error = try #require(throws: CLIError.self) { try SessionStore(path: temporary.path + "/session.json").load() }
        #expect(error.message.contains("symbolic link"))
    }

    @Test("a damaged session file asks for a new login")
    func damaged() throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let path = temporary.path + "/session.json"
        _ = FileManager.default.createFile(atPath: path, contents: Data("{not json".utf8), attributes: [.posixPermissions: 0o600])
        let error = try #require(throws: CLIError.self) { try SessionStore(path: path).load() }
        #expect(error.message.contains("damaged"))
    }

    @Test("an access token is refreshed when expired or within 30 s of expiry")
    func refreshMargin() {
        #expect(!Self.session.accessTokenNeedsRefresh(now: 969))
        #expect(Self.session.accessTokenNeedsRefresh(now: 970))
        #expect(Self.session.accessTokenNeedsRefresh(now: 2_000))
        #expect(!Self.session.refreshTokenExpired(now: 39_999))
        #expect(Self.session.refreshTokenExpired(now: 40_000))
    }
}
