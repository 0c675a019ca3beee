/// Who is on the other end of a connection: the single URI SAN of its verified certificate.
///
/// The URI has the SPIFFE form `spiffe://<trust domain>/service/<name>` for a Kinerja service or
/// `spiffe://<trust domain>/client/<name>` for a machine client or an operator.
public struct PeerIdentity: Hashable, Sendable, CustomStringConvertible {
    /// Whether the peer is one of our services or a client of them.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case service
        case client
    }

    /// The trust domain of the Kupang city government's Kinerja deployment.
    public static let defaultTrustDomain = "kinerja.kupangkota.go.id"

    /// The full URI, exactly as it appears in the certificate.
    public let uri: String
    /// The trust domain (the URI's host).
    public let trustDomain: String
    /// Service or client.
    public let kind: Kind
    /// The service or client name, e.g. `planning` or `hr-portal`.
    public let name: String

    /// Makes the identity of a named service or client.
    public init(kind: Kind, name: String, trustDomain: String = PeerIdentity.defaultTrustDomain) throws(TLSError) {
        try self.init(uri: "spiffe://\(trustDomain)/\(kind.rawValue)/\(name)", trustDomain: trustDomain)
    }

    /// Parses a URI SAN, refusing anything but `spiffe://<trustDomain>/(service|client)/<name>`.
    public init(uri: String, trustDomain: String = PeerIdentity.defaultTrustDomain) throws(TLSError) {
        let prefix = "spiffe://\(trustDomain)/"
        guard uri.hasPrefix(prefix) else {
            throw TLSError(.peerCertificateRejected, "URI SAN \(uri.debugDescription) is not in trust domain \(trustDomain)")
        }
        let path = uri.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
        guard path.count == 2, let kind = Kind(rawValue: String(path[0])) else {
            throw TLSError(.peerCertificateRejected, "URI SAN \(uri.debugDescription) is neither /service/<name> nor /client/<name>")
        }
        let name = String(path[1])
        guard Self.isValidName(name) else {
            throw TLSError(.peerCertificateRejected, "URI SAN \(uri.debugDescription) has an invalid name")
        }
        self.uri = uri
        self.trustDomain = trustDomain
        self.kind = kind
        self.name = name
    }

    /// A name is a DNS-label-like word: lowercase letters, digits and inner hyphens, at most 63.
    static func isValidName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...63).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    public var description: String { uri }
}
