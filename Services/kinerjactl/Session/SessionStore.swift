import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The session file: created 0600 in a 0700 directory, replaced atomically, and refused when
/// anyone but its owner can read or write it (it holds bearer tokens).
struct SessionStore: Sendable {
    /// The session file's path.
    let path: String

    init(path: String) {
        self.path = path
    }

    /// `$KINERJACTL_SESSION`, else `$XDG_CONFIG_HOME/kinerja/session.json`, else
    /// `~/.config/kinerja/session.json`; nil when not even HOME is known.
    static func defaultPath(environment: ClientEnvironment) -> String? {
        if let explicit = environment[ClientEnvironment.session] { return explicit }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return config + "/kinerja/session.json"
        }
        guard let home = environment["HOME"] else { return nil }
        return home + "/.config/kinerja/session.json"
    }

    private var directory: String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private func failure(_ what: String, _ code: Int32 = errno) -> CLIError {
        CLIError(.failure, "\(what): \(String(cString: strerror(code)))")
    }

    // MARK: Reading.

    /// The stored session, or nil when there is none. Refuses a file that is not a regular file
    /// owned by the user, or that group or others may access.
    func load() throws -> StoredSession? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw CLIError(.failure, "session file \(path) is a symbolic link; refusing to read it") }
            throw failure("cannot open session file \(path)")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("cannot inspect session file \(path)") }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw CLIError(.failure, "session file \(path) is not a regular file")
        }
        guard info.st_uid == geteuid() else {
            throw CLIError(.failure, "session file \(path) belongs to another user; refusing to use it")
        }
        let permissions = info.st_mode & 0o777
        guard permissions & 0o077 == 0 else {
            throw CLIError(.failure, "session file \(path) is accessible by other users (mode \(String(permissions, radix: 8))); "
                + "delete it and run kinerjactl login")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read session file \(path)")
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > 1 << 20 { throw CLIError(.failure, "session file \(path) is too large") }
        }
        do {
            return try JSONDecoder().decode(StoredSession.self, from: data)
        } catch {
            throw CLIError(.failure, "session file \(path) is damaged; run kinerjactl login", cause: error)
        }
    }

    // MARK: Writing.

    /// Writes the session atomically: a new 0600 file under a temporary name (O_CREAT|O_EXCL),
    /// flushed to disk, then renamed over the old one. Creates a missing directory with mode 0700.
    func save(_ session: StoredSession) throws {
        try makeDirectory(directory)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let bytes = Array(try encoder.encode(session)) + [0x0A]
        let temporary = "\(path).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var written = 0
        var failed: CLIError?
        if fchmod(fd, 0o600) != 0 { failed = failure("cannot set the mode of \(temporary)") }
        while failed == nil, written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0, errno != EINTR { failed = failure("cannot write \(temporary)") }
            if count > 0 { written += count }
        }
        if failed == nil, fsync(fd) != 0 { failed = failure("cannot flush \(temporary)") }
        close(fd)
        if failed == nil, rename(temporary, path) != 0 { failed = failure("cannot replace \(path)") }
        if let failed {
            unlink(temporary)
            throw failed
        }
    }

    /// Removes the session file; no error when there is none.
    func delete() throws {
        if unlink(path) != 0, errno != ENOENT { throw failure("cannot remove session file \(path)") }
    }

    /// Creates `directory` and missing parents; the ones created get mode 0700. Existing ones are left as they are.
    private func makeDirectory(_ directory: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw CLIError(.failure, "\(directory) is not a directory") }
            return
        }
        guard errno == ENOENT else { throw failure("cannot inspect \(directory)") }
        if let slash = directory.lastIndex(of: "/"), slash != directory.startIndex {
            try makeDirectory(String(directory[..<slash]))
        }
        if mkdir(directory, 0o700) != 0, errno != EEXIST { throw failure("cannot create \(directory)") }
        chmod(directory, 0o700)
    }

    // MARK: Locking.

    /// Runs `body` holding an exclusive lock on `<path>.lock`, so that two kinerjactl processes
    /// never spend the same single-use refresh token (a reuse revokes the whole session).
    func withLock<R>(_ body: () async throws -> R) async throws -> R {
        try makeDirectory(directory)
        let lockPath = path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot open \(lockPath)") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw failure("cannot lock \(lockPath)") }
        }
        defer { flock(fd, LOCK_UN) }
        return try await body()
    }
}
