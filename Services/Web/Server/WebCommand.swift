public import ArgumentParser
import Foundation
import KinerjaClient
import Logging

/// `kinerja-web serve`: the web app on HTTPS, calling the five services with the certificate
/// `client/web` of the PKI.
public struct WebCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kinerja-web",
        abstract: "The Kinerja web app: pages for pegawai, atasan, BKPSDM and citizens over the services' protocol.",
        discussion: "Listens on HTTPS with PKI/https/web.pem; calls the services as spiffe://…/client/web (PKI/client/web.pem). docs/WEB.md.")

    @Option(help: "Address to listen on, HOST:PORT.") var listen = "127.0.0.1:8443"
    @Option(help: "The PKI directory (ca.pem, client/web.*, https/web.*).") var pki = ".dev/pki"
    @Option(help: "Identity service, HOST:PORT.") var identity = "127.0.0.1:7401"
    @Option(help: "Planning service, HOST:PORT.") var planning = "127.0.0.1:7402"
    @Option(help: "Reporting service, HOST:PORT.") var reporting = "127.0.0.1:7403"
    @Option(help: "Feedback service, HOST:PORT.") var feedback = "127.0.0.1:7404"
    @Option(help: "Evaluation service, HOST:PORT.") var evaluation = "127.0.0.1:7405"
    @Flag(help: "Plain HTTP instead of HTTPS, loopback only. Development only: cookies and passwords then travel unencrypted.")
    var insecureDev = false
    @Option(help: "Sign-in attempts per minute per browser address (default 10).") var signInPerAddress = 10
    @Option(help: "Sign-in attempts per minute per NIP (default 5).") var signInPerAccount = 5
    @Option(help: "Citizen page look-ups and ratings per minute per address (default 20).") var citizenPerAddress = 20

    public init() {}

    public func validate() throws {
        for (name, text) in [("--listen", listen), ("--identity", identity), ("--planning", planning), ("--reporting", reporting),
                             ("--feedback", feedback), ("--evaluation", evaluation)] where ServerAddress(text) == nil {
            throw ValidationError("\(name) must be HOST:PORT, not \(text.debugDescription)")
        }
        for (name, value) in [("--sign-in-per-address", signInPerAddress), ("--sign-in-per-account", signInPerAccount),
                              ("--citizen-per-address", citizenPerAddress)] where !(1...1_000_000).contains(value) {
            throw ValidationError("\(name) must be 1–1000000 a minute")
        }
        if insecureDev, let address = ServerAddress(listen), !["127.0.0.1", "::1", "localhost"].contains(address.host) {
            throw ValidationError("--insecure-dev listens on loopback only (127.0.0.1, ::1)")
        }
    }

    public func run() async throws {
        var configuration = WebConfiguration()
        configuration.listen = ServerAddress(listen) ?? configuration.listen
        configuration.pki = pki
        configuration.insecureDev = insecureDev
        configuration.signInPerAddressPerMinute = signInPerAddress
        configuration.signInPerAccountPerMinute = signInPerAccount
        configuration.citizenPerAddressPerMinute = citizenPerAddress
        for (service, text) in [(ServiceEndpoint.identity, identity), (.planning, planning), (.reporting, reporting), (.feedback, feedback),
                                (.evaluation, evaluation)] {
            if let address = ServerAddress(text) { configuration.services[service] = address }
        }
        let logger = Logger(label: "kinerja-web")
        if insecureDev {
            logger.warning("--insecure-dev: serving plain HTTP on \(listen); passwords and session cookies are not encrypted. Never outside development.")
        }
        try await WebServer.run(configuration, logger: logger)
    }
}
