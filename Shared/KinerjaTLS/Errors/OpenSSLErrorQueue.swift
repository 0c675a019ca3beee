import COpenSSL
import COpenSSLShim

/// The entries OpenSSL left on its per-thread error queue after one failed call.
public struct OpenSSLErrorStack: Error, Sendable, Hashable, CustomStringConvertible {
    /// One queued OpenSSL error.
    public struct Entry: Sendable, Hashable, CustomStringConvertible {
        /// The packed OpenSSL error code.
        public var code: UInt
        /// The library that raised it (`SSL routines`, `x509 certificate routines` …).
        public var library: String
        /// The reason text (`certificate verify failed`, `sslv3 alert certificate expired` …).
        public var reason: String
        /// Extra text OpenSSL attached, such as `verify error:num=10:certificate has expired`.
        public var detail: String?

        public var description: String {
            if let detail, !detail.isEmpty { return "\(library): \(reason) (\(detail))" }
            return "\(library): \(reason)"
        }
    }

    /// Oldest first.
    public var entries: [Entry]

    /// The alert the peer sent, when one of the entries reports a received TLS alert.
    public var receivedAlert: UInt8? {
        for entry in entries {
            let reason = kinerja_err_get_reason(entry.code)
            if kinerja_err_get_lib(entry.code) == ERR_LIB_SSL,
               reason >= SSL_AD_REASON_OFFSET, reason < SSL_AD_REASON_OFFSET + 256 {
                return UInt8(reason - SSL_AD_REASON_OFFSET)
            }
        }
        return nil
    }

    /// Whether any entry carries this SSL-library reason code (`SSL_R_…`).
    func contains(sslReason: Int32) -> Bool {
        entries.contains { kinerja_err_get_lib($0.code) == ERR_LIB_SSL && kinerja_err_get_reason($0.code) == sslReason }
    }

    public var description: String {
        entries.isEmpty ? "no OpenSSL error queued" : entries.map(\.description).joined(separator: "; ")
    }
}

/// The per-thread OpenSSL error queue: cleared before every call, drained after it.
///
/// One event loop thread serves many connections, so an error left behind by one connection must
/// never be blamed on the next.
enum OpenSSLErrorQueue {
    /// Forgets whatever an earlier call left behind.
    @inline(__always)
    static func clear() {
        ERR_clear_error()
    }

    /// Takes every queued entry, leaving the queue empty.
    static func drain() -> OpenSSLErrorStack {
        var entries: [OpenSSLErrorStack.Entry] = []
        while true {
            var data: UnsafePointer<CChar>?
            var flags: Int32 = 0
            let code = ERR_get_error_all(nil, nil, nil, &data, &flags)
            if code == 0 { break }
            let library = ERR_lib_error_string(code).map { String(cString: $0) } ?? "lib \(kinerja_err_get_lib(code))"
            let reason = ERR_reason_error_string(code).map { String(cString: $0) } ?? "reason \(kinerja_err_get_reason(code))"
            let detail = (flags & ERR_TXT_STRING) != 0 ? data.map { String(cString: $0) } : nil
            entries.append(.init(code: code, library: library, reason: reason, detail: detail))
        }
        return OpenSSLErrorStack(entries: entries)
    }
}
