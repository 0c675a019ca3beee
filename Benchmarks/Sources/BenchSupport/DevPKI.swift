/// The files of the development PKI (`deploy/pki/make-dev-pki.sh`) that the peers use.
///
/// Every peer's server presents the `identity` service certificate and every client the
/// `hr-portal` client certificate; both sides verify the other against the one CA (mutual TLS).
public struct DevPKI: Sendable {
    public var caCertificate: String
    public var serverCertificate: String
    public var serverKey: String
    public var clientCertificate: String
    public var clientKey: String

    public init(directory: String) {
        caCertificate = "\(directory)/ca.pem"
        serverCertificate = "\(directory)/service/identity.pem"
        serverKey = "\(directory)/service/identity.key"
        clientCertificate = "\(directory)/client/hr-portal.pem"
        clientKey = "\(directory)/client/hr-portal.key"
    }
}
