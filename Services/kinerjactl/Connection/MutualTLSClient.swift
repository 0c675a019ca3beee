import Foundation
import KinerjaRPC
import KinerjaTLS

/// Opens a mutual-TLS RPC client of one Kinerja service with the operator's client certificate:
/// what every service connection shares.
enum MutualTLSClient {
    /// Fails unless `name` is a plain certificate name (letters, digits, `-`, `_`), so it cannot
    /// point outside `PKI/client/`.
    static func checkCertificateName(_ name: String, source: String) throws {
        let allowed = name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard !name.isEmpty, allowed else {
            throw CLIError.invalidArguments("\(source) must be a certificate name such as operator, not \(name.debugDescription)")
        }
    }

    /// The client certificate `PKI/client/NAME.pem|key` and CA `PKI/ca.pem`, checked before TLS sees them.
    static func tlsConfiguration(pki: String, certificateName: String) throws -> TLSConfiguration {
        try checkCertificateName(certificateName, source: "--cert")
        let configuration = TLSConfiguration(
            certificateChainFile: "\(pki)/client/\(certificateName).pem",
            privateKeyFile: "\(pki)/client/\(certificateName).key",
            trustRootsFile: "\(pki)/ca.pem")
        for file in [configuration.trustRootsFile, configuration.certificateChainFile, configuration.privateKeyFile]
        where !FileManager.default.isReadableFile(atPath: file) {
            throw CLIError(.failure, "cannot read \(file): pass --pki DIR and --cert NAME (or set \(ClientEnvironment.pki) and \(ClientEnvironment.certificate)), or make a development PKI "
                + "with deploy/pki/make-dev-pki.sh DIR")
        }
        return configuration
    }

    /// A client of the service at `server` whose certificate must carry `serverIdentityURI`
    /// (it connects on the first call).
    static func open(server: ServerAddress, serverIdentityURI: String, pki: String, certificateName: String) throws -> RPCClient {
        let configuration = try tlsConfiguration(pki: pki, certificateName: certificateName)
        let tls: TLSContext
        let identity: PeerIdentity
        do {
            tls = try TLSContext(configuration: configuration)
            identity = try PeerIdentity(uri: serverIdentityURI)
        } catch {
            throw CLIError(.failure, "cannot load the client certificate: \(error.message)", cause: error)
        }
        return RPCClient(configuration: ClientConfiguration(host: server.host, port: server.port,
                                                            serverIdentity: identity, tls: tls))
    }
}
