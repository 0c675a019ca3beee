#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The few POSIX calls the evidence store makes, each turning a failure into a
/// ``ReportingError`` whose message names the step and whose cause carries the call and errno.
///
/// Paths here are always built by the store from its own folder and hex names, never taken
/// from a client.
enum PosixFiles {
    /// Permission bits of every stored and temporary file.
    static let fileMode: mode_t = 0o600
    /// Permission bits of every folder of the store.
    static let folderMode: mode_t = 0o700

    /// The error for a failed `call` while doing `step`, with errno. A full file system (ENOSPC,
    /// EDQUOT) is `EVIDENCE_STORE_FULL`, retryable like the SQLite store's own full disk; any other
    /// failure is `EVIDENCE_STORE_IO`.
    static func failure(_ step: String, _ call: String, path: String, errno code: Int32 = errno) -> ReportingError {
        let cause = "\(call)(\(path)): \(String(cString: strerror(code))) (errno \(code))"
        if code == ENOSPC || code == EDQUOT {
            return ReportingError(.evidenceStoreFull, "the evidence store is full: the file was not stored; retry later", cause: cause)
        }
        return ReportingError(.evidenceStoreIO, "the evidence store could not \(step)", cause: cause)
    }

    /// Creates the folder `path` with 0700 (whatever the umask); true when it was created, false when it existed.
    @discardableResult
    static func makeFolder(_ path: String) throws(ReportingError) -> Bool {
        if mkdir(path, folderMode) == 0 {
            guard chmod(path, folderMode) == 0 else { throw failure("set a folder's permissions", "chmod", path: path) }
            return true
        }
        let code = errno
        guard code == EEXIST else { throw failure("create a folder", "mkdir", path: path, errno: code) }
        var info = stat()
        guard lstat(path, &info) == 0 else { throw failure("inspect a folder", "lstat", path: path) }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw ReportingError(.evidenceStoreIO, "the evidence store's folder layout is damaged", cause: "\(path) exists and is not a folder")
        }
        if info.st_mode & 0o777 != folderMode {
            guard chmod(path, folderMode) == 0 else { throw failure("set a folder's permissions", "chmod", path: path) }
        }
        return false
    }

    /// Flushes the folder `path`'s entries (a rename or unlink in it) to disk.
    static func syncFolder(_ path: String) throws(ReportingError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw failure("open a folder to flush it", "open", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw failure("flush a folder to disk", "fsync", path: path) }
    }

    /// Creates a new file `path` for writing, 0600 whatever the umask, failing if it exists.
    static func createExclusive(_ path: String) throws(ReportingError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, fileMode)
        guard fd >= 0 else { throw failure("create a temporary file", "open", path: path) }
        guard fchmod(fd, fileMode) == 0 else {
            let code = errno
            close(fd)
            unlink(path)
            throw failure("set a file's permissions", "fchmod", path: path, errno: code)
        }
        return fd
    }

    /// Writes all of `bytes` to `fd` (retrying short writes and EINTR).
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(ReportingError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw failure("write a file", "write", path: path)
            }
            offset += written
        }
    }

    /// Reads up to `count` bytes from `fd` (retrying EINTR); empty at the end of the file.
    static func read(_ fd: Int32, count: Int, path: String) throws(ReportingError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        while true {
            let got = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw failure("read a file", "read", path: path)
            }
            buffer.removeSubrange(got...)
            return buffer
        }
    }

    /// Opens an existing regular file for reading; nil when it does not exist.
    static func openForReading(_ path: String) throws(ReportingError) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw failure("open a file", "open", path: path)
        }
        return fd
    }

    /// The size and modification time (seconds since 1970) of the file open as `fd`.
    static func status(_ fd: Int32, path: String) throws(ReportingError) -> (size: UInt64, modified: Int64, mode: mode_t) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw failure("inspect a file", "fstat", path: path) }
        return (UInt64(max(info.st_size, 0)), modificationSeconds(info), info.st_mode)
    }

    /// The size, modification time and kind of `path` without following a link; nil when absent.
    static func status(path: String) throws(ReportingError) -> (size: UInt64, modified: Int64, isFile: Bool, isFolder: Bool, mode: mode_t)? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw failure("inspect a file", "lstat", path: path)
        }
        let kind = info.st_mode & S_IFMT
        return (UInt64(max(info.st_size, 0)), modificationSeconds(info), kind == S_IFREG, kind == S_IFDIR, info.st_mode & 0o7777)
    }

    /// The names in folder `path` (without `.` and `..`).
    static func list(_ path: String) throws(ReportingError) -> [String] {
        guard let folder = opendir(path) else { throw failure("list a folder", "opendir", path: path) }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the file `path`; true when it existed.
    @discardableResult
    static func remove(_ path: String) throws(ReportingError) -> Bool {
        if unlink(path) == 0 { return true }
        if errno == ENOENT { return false }
        throw failure("remove a file", "unlink", path: path)
    }

    /// Removes the folder `path` when empty; false when it is not empty or absent.
    @discardableResult
    static func removeFolderIfEmpty(_ path: String) -> Bool {
        rmdir(path) == 0
    }

    /// Renames `source` to `destination`, replacing it atomically.
    static func rename(_ source: String, to destination: String) throws(ReportingError) {
        guard systemRename(source, destination) == 0 else { throw failure("move a file into place", "rename", path: destination) }
    }

    /// Flushes `fd`'s data to disk.
    static func sync(_ fd: Int32, path: String) throws(ReportingError) {
        guard fsync(fd) == 0 else { throw failure("flush a file to disk", "fsync", path: path) }
    }

    /// Takes an exclusive, non-blocking `flock` on a lock file in `folder`; the descriptor stays open while held.
    static func lockFolder(_ folder: String) throws(ReportingError) -> Int32 {
        let path = folder + "/.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, fileMode)
        guard fd >= 0 else { throw failure("open its lock file", "open", path: path) }
        guard fchmod(fd, fileMode) == 0 else {
            let code = errno
            close(fd)
            throw failure("set a file's permissions", "fchmod", path: path, errno: code)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(fd)
            if code == EWOULDBLOCK {
                throw ReportingError(.evidenceStoreLocked, "the evidence store is in use by another process", cause: "flock(\(path)): held elsewhere")
            }
            throw failure("lock its folder", "flock", path: path, errno: code)
        }
        return fd
    }

    /// The modification time of `info`, seconds since 1970.
    static func modificationSeconds(_ info: stat) -> Int64 {
        #if canImport(Darwin)
        Int64(info.st_mtimespec.tv_sec)
        #else
        Int64(info.st_mtim.tv_sec)
        #endif
    }

    /// Closes `fd`, ignoring errors (only on paths that already failed or only read).
    static func closeQuietly(_ fd: Int32) {
        _ = close(fd)
    }

    /// Closes `fd` after writing; a failure may mean lost data.
    static func closeChecked(_ fd: Int32, path: String) throws(ReportingError) {
        guard close(fd) == 0 else { throw failure("close a file", "close", path: path) }
    }
}

/// `read(2)`, reachable beside ``PosixFiles/read(_:count:path:)``.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// `rename(2)`, reachable beside ``PosixFiles/rename(_:to:)``.
private func systemRename(_ source: String, _ destination: String) -> Int32 {
    rename(source, destination)
}
