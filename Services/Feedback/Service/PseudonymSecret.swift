import Foundation
import KinerjaCrypto
import KinerjaService

/// The deployment secret that keys 360° rater pseudonyms (``RaterPseudonym``) and comment orders
/// (``CommentOrder``): 32 random bytes in a file beside the store (or where
/// `feedback.pseudonym_secret_file` says), created 0600 on first start, never in the database.
///
/// Losing it changes every pseudonym and comment order from then on (old audit entries keep
/// theirs); keep it in the same backup as the service's private key, not with the database.
enum PseudonymSecret {
    /// The file name beside the store.
    static let defaultFileName = "feedback-pseudonym.secret"

    /// The secret's path for a configuration.
    static func path(configured: String?, storePath: String) -> String {
        if let configured { return configured }
        return URL(fileURLWithPath: storePath).deletingLastPathComponent().appendingPathComponent(defaultFileName).path
    }

    /// The secret at `path`, created first when the file does not exist.
    ///
    /// - Throws: ``ConfigurationError`` when the file cannot be created or read, is shorter than
    ///   32 bytes, or can be read by others than the service user.
    static func loadOrCreate(at path: String) throws -> [UInt8] {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try? manager.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let bytes = SecureRandom.bytes(RaterPseudonym.minimumSecretBytes)
            // O_EXCL: two processes starting at once never overwrite each other's secret.
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            if fd >= 0 {
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                let synced = fsync(fd)
                close(fd)
                guard written == bytes.count, synced == 0 else {
                    unlink(path)
                    throw ConfigurationError(key: "feedback.pseudonym_secret_file", "cannot write \(path)")
                }
            } else if errno != EEXIST {
                throw ConfigurationError(key: "feedback.pseudonym_secret_file", "cannot create \(path): \(String(cString: strerror(errno)))")
            }
        }
        guard let attributes = try? manager.attributesOfItem(atPath: path),
              let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue else {
            throw ConfigurationError(key: "feedback.pseudonym_secret_file", "cannot read \(path)")
        }
        guard mode & 0o077 == 0 else {
            throw ConfigurationError(key: "feedback.pseudonym_secret_file", "\(path) is readable by others (mode \(String(mode, radix: 8))); chmod 600 it")
        }
        guard let data = manager.contents(atPath: path) else {
            throw ConfigurationError(key: "feedback.pseudonym_secret_file", "cannot read \(path)")
        }
        guard data.count >= RaterPseudonym.minimumSecretBytes else {
            throw ConfigurationError(key: "feedback.pseudonym_secret_file",
                                     "\(path) holds \(data.count) bytes; at least \(RaterPseudonym.minimumSecretBytes) random bytes are needed")
        }
        return Array(data)
    }
}
