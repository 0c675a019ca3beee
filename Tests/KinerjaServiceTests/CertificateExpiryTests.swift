import KinerjaService
import Testing

/// When the log warns about the service's own certificate (docs/OPERATIONS.md, "Certificates").
@Suite("Certificate expiry")
struct CertificateExpiryTests {
    static let now: Int64 = 1_800_000_000
    static let day: Int64 = 86_400

    @Test("more than 14 days left is valid; 14 days or less warns; at or past notAfter is expired")
    func boundaries() {
        #expect(CertificateExpiry.assess(notAfter: Self.now + 90 * Self.day, now: Self.now) == .valid(daysLeft: 90))
        #expect(CertificateExpiry.assess(notAfter: Self.now + 14 * Self.day + 1, now: Self.now) == .valid(daysLeft: 14))
        #expect(CertificateExpiry.assess(notAfter: Self.now + 14 * Self.day, now: Self.now) == .expiresSoon(daysLeft: 14))
        #expect(CertificateExpiry.assess(notAfter: Self.now + 1, now: Self.now) == .expiresSoon(daysLeft: 0))
        #expect(CertificateExpiry.assess(notAfter: Self.now, now: Self.now) == .expired(daysAgo: 0))
        #expect(CertificateExpiry.assess(notAfter: Self.now - 3 * Self.day, now: Self.now) == .expired(daysAgo: 3))
    }
}
