import COpenSSL

/// The per-thread OpenSSL error queue, cleared before a call and drained into text after it fails.
///
/// Threads are shared by many requests, so an entry left behind by one must never be blamed on
/// the next.
enum OpenSSLErrorQueue {
    /// Forgets whatever an earlier call left behind.
    @inline(__always)
    static func clear() {
        ERR_clear_error()
    }

    /// Takes every queued entry, oldest first, as one line of text.
    static func drain() -> String {
        var lines: [String] = []
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            lines.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return lines.joined(separator: "; ")
    }

    /// A ``CryptoError`` carrying the drained queue.
    static func error(_ code: CryptoError.Code, _ message: String) -> CryptoError {
        CryptoError(code, message, openSSLError: drain())
    }
}
