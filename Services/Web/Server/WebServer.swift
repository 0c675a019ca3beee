import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOCore
public import Logging

/// Runs kinerja-web until SIGTERM or SIGINT: HTTPS (or, with `insecureDev`, plain HTTP on
/// loopback) in front of ``WebApp``'s router; closes the service connections on the way out.
public enum WebServer {
    public static func run(_ configuration: WebConfiguration, logger: Logger) async throws {
        let gateway = try ServiceGateway.mutualTLS(configuration)
        let app = try WebApp(configuration: configuration, gateway: gateway, logger: logger)
        let server: HTTPServerBuilder
        if configuration.insecureDev {
            server = .http1()
        } else {
            server = try .tls(.http1(), tlsConfiguration: BrowserTLS.configuration(certificate: configuration.httpsCertificate, key: configuration.httpsKey))
        }
        let application = Application(
            router: app.router(), server: server,
            configuration: .init(address: .hostname(configuration.listen.host, port: configuration.listen.port), serverName: "kinerja-web"),
            onServerRunning: { channel in
                // The launcher (deploy/dev/run.sh) waits for this line, as for the services'.
                let scheme = configuration.insecureDev ? "http" : "https"
                let port = channel.localAddress?.port ?? configuration.listen.port
                FileHandle.standardOutput.write(Data("listening on \(scheme)://\(configuration.listen.host):\(port)/\n".utf8))
            },
            logger: logger)
        do {
            try await application.runService()
        } catch {
            await gateway.close()
            throw error
        }
        await gateway.close()
    }
}
