public import KinerjaTLS
public import Logging
import Foundation

/// How close the service's own certificate is to its notAfter, and what the log says about it
/// (issue 18; docs/OPERATIONS.md, "Certificates"): a warning each day from 14 days before, an
/// error once it has passed — peers then refuse every new connection ("certificate has expired").
public enum CertificateExpiry: Equatable, Sendable {
    /// More than the warning period left.
    case valid(daysLeft: Int)
    /// Expires within the warning period.
    case expiresSoon(daysLeft: Int)
    /// Already expired.
    case expired(daysAgo: Int)

    /// Warn from this many days before the notAfter.
    public static let warningDays = 14

    /// The state of a certificate whose notAfter is `notAfter` at `now` (both seconds since the epoch).
    public static func assess(notAfter: Int64, now: Int64) -> CertificateExpiry {
        let left = notAfter - now
        if left <= 0 { return .expired(daysAgo: Int((-left) / 86_400)) }
        let days = Int(left / 86_400)
        return left <= Int64(warningDays) * 86_400 ? .expiresSoon(daysLeft: days) : .valid(daysLeft: days)
    }

    /// Logs the state of `tls`'s certificate at `now` (default: the wall clock): nothing while valid, a warning when it
    /// expires soon, an error once expired.
    public static func log(_ tls: TLSContext, now: Int64? = nil, to logger: Logger) {
        let now = now ?? Int64(Date().timeIntervalSince1970)
        guard let notAfter = tls.certificateNotAfter else { return }
        let metadata: Logger.Metadata = ["not_after": "\(notAfter)", "identity": "\(tls.localIdentity.uri)"]
        switch assess(notAfter: notAfter, now: now) {
        case .valid:
            break
        case .expiresSoon(let days):
            logger.warning("our TLS certificate expires in \(days) day(s): renew it and send SIGHUP", metadata: metadata)
        case .expired(let days):
            logger.error("our TLS certificate expired \(days) day(s) ago: peers refuse new connections; renew it and send SIGHUP",
                         metadata: metadata)
        }
    }
}
