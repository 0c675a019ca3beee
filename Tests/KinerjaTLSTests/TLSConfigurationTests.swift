import KinerjaTLS
import NIOCore
import Testing

@Suite("TLS configuration and context loading")
struct TLSConfigurationTests {
    let pki: TestPKI

    init() throws { pki = try TestPKI.shared() }

    @Test("the defaults are TLS 1.3 only, kinerja-rpc/1, no tickets, 10 s handshake timeout")
    func defaults() {
        let configuration = TLSConfiguration(certificateChainFile: "c", privateKeyFile: "k", trustRootsFile: "t")
        #expect(configuration.minimumVersion == .tls13)
        #expect(configuration.applicationProtocols == ["kinerja-rpc/1"])
        #expect(!configuration.sessionTickets)
        #expect(configuration.handshakeTimeout == .seconds(10))
        #expect(configuration.trustDomain == "kinerja.kupangkota.go.id")
    }

    @Test("TLS 1.2, when allowed, offers exactly the six ECDHE AEAD suites of Mozilla intermediate")
    func tls12Suites() {
        #expect(TLSConfiguration.tls12CipherSuites.count == 6)
        #expect(TLSConfiguration.tls12CipherSuites.allSatisfy { $0.hasPrefix("ECDHE-") && ($0.contains("GCM") || $0.contains("CHACHA20")) })
        #expect(TLSConfiguration.groups == ["X25519", "P-256", "P-384"])
    }

    @Test("a context knows its own identity from its certificate")
    func localIdentity() throws {
        let context = try pki.context(pki.service("identity"))
        #expect(context.localIdentity == (try PeerIdentity(kind: .service, name: "identity")))
    }

    @Test("a missing file, a key of another certificate, or our own bad leaf is refused as configurationInvalid", arguments: [
        "missing certificate", "mismatched key", "missing trust roots", "own CA leaf", "own two URIs",
    ])
    func invalid(_ what: String) throws {
        var configuration = pki.configuration(pki.service("planning"))
        switch what {
        case "missing certificate": configuration.certificateChainFile = "/nonexistent/cert.pem"
        case "mismatched key": configuration.privateKeyFile = pki.service("reporting").key
        case "missing trust roots": configuration.trustRootsFile = "/nonexistent/ca.pem"
        case "own CA leaf": configuration = pki.configuration(pki.bad("ca-leaf"))
        default: configuration = pki.configuration(pki.bad("two-uris"))
        }
        do {
            _ = try TLSContext(configuration: configuration)
            Issue.record("\(what) was accepted")
        } catch {
            #expect(error.code == .configurationInvalid, "\(error)")
        }
    }

    @Test("an empty or over-long ALPN protocol name is refused")
    func badALPN() {
        var configuration = pki.configuration(pki.service("planning"))
        configuration.applicationProtocols = [""]
        #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
        configuration.applicationProtocols = [String(repeating: "x", count: 256)]
        #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
    }
}
