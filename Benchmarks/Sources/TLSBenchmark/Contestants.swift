import KinerjaTLS
import NIOCore
import NIOSSL

/// A TLS implementation under test: makes a fresh client and server handler for one connection.
protocol Contestant: Sendable {
    var name: String { get }
    func makeHandlers() throws -> (client: any ChannelHandler, server: any ChannelHandler)
}

/// KinerjaTLS on the system OpenSSL 3.
struct Ours: Contestant {
    let name = "KinerjaTLS (OpenSSL 3)"
    let client: TLSContext
    let server: TLSContext
    let expected: PeerIdentity

    init(pki: String) throws {
        client = try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(pki)/client/hr-portal.pem", privateKeyFile: "\(pki)/client/hr-portal.key",
            trustRootsFile: "\(pki)/ca.pem"
        ))
        server = try TLSContext(configuration: TLSConfiguration(
            certificateChainFile: "\(pki)/service/identity.pem", privateKeyFile: "\(pki)/service/identity.key",
            trustRootsFile: "\(pki)/ca.pem"
        ))
        expected = try PeerIdentity(kind: .service, name: "identity")
    }

    func makeHandlers() throws -> (client: any ChannelHandler, server: any ChannelHandler) {
        (TLSHandler.client(context: client, expecting: expected), TLSHandler.server(context: server))
    }
}

/// swift-nio-ssl's NIOSSLHandler (BoringSSL), configured the same way: mutual TLS 1.3, ALPN, our CA only.
struct SwiftNIOSSL: Contestant {
    let name = "swift-nio-ssl 2.37.6 (BoringSSL)"
    let client: NIOSSLContext
    let server: NIOSSLContext

    init(pki: String) throws {
        let ca = NIOSSLTrustRoots.file("\(pki)/ca.pem")
        var serverConfiguration = NIOSSL.TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile("\(pki)/service/identity.pem").map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: "\(pki)/service/identity.key", format: .pem))
        )
        serverConfiguration.trustRoots = ca
        serverConfiguration.certificateVerification = .noHostnameVerification
        serverConfiguration.minimumTLSVersion = .tlsv13
        serverConfiguration.applicationProtocols = ["kinerja-rpc/1"]
        var clientConfiguration = NIOSSL.TLSConfiguration.makeClientConfiguration()
        clientConfiguration.certificateChain = try NIOSSLCertificate.fromPEMFile("\(pki)/client/hr-portal.pem").map { .certificate($0) }
        clientConfiguration.privateKey = .privateKey(try NIOSSLPrivateKey(file: "\(pki)/client/hr-portal.key", format: .pem))
        clientConfiguration.trustRoots = ca
        clientConfiguration.certificateVerification = .noHostnameVerification
        clientConfiguration.minimumTLSVersion = .tlsv13
        clientConfiguration.applicationProtocols = ["kinerja-rpc/1"]
        server = try NIOSSLContext(configuration: serverConfiguration)
        client = try NIOSSLContext(configuration: clientConfiguration)
    }

    func makeHandlers() throws -> (client: any ChannelHandler, server: any ChannelHandler) {
        (try NIOSSLClientHandler(context: client, serverHostname: nil), NIOSSLServerHandler(context: server))
    }
}
