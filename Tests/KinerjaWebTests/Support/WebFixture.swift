import Foundation
import Hummingbird
import HummingbirdTesting
import KinerjaClient
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaService
import KinerjaTLS
import KinerjaTestSupport
import Synchronization
@testable import KinerjaWeb

/// kinerja-web in-process in front of real identity, planning (demo SKPs), reporting and feedback
/// services, each over mutual TLS; the gateway presents the PKI's `client/web` certificate, as
/// deployed. Its clock is the test's.
final class WebFixture: Sendable {
    let feedback: FeedbackFixture
    let reporting: ServiceFixture<ReportingDefinition>
    let web: WebApp
    let gateway: ServiceGateway
    let clock: MovableClock

    var identity: IdentityFixture { feedback.identity }

    static func start(configure: (inout WebConfiguration) -> Void = { _ in }) async throws -> WebFixture {
        let feedback = try await FeedbackFixture.start(planningDemo: true)
        let reporting: ServiceFixture<ReportingDefinition>
        do {
            reporting = try await ServiceFixture<ReportingDefinition>.start(
                section: ReportingConfiguration(), peers: ["identity": feedback.identity.port, "planning": feedback.planning.port])
        } catch {
            await feedback.stop()
            throw error
        }
        let ports: [ServiceEndpoint: Int] = [.identity: feedback.identity.port, .planning: feedback.planning.port,
                                             .reporting: reporting.port, .feedback: feedback.port, .evaluation: 9]
        let tls = try TestPKI.context(client: "web")
        let connections = ServiceConnections(addresses: { service in ServerAddress(host: "127.0.0.1", port: ports[service] ?? 9) }) { service, address in
            let client = RPCClient(configuration: ClientConfiguration(host: address.host, port: address.port,
                                                                      serverIdentity: try PeerIdentity(uri: service.identityURI), tls: tls))
            return ServiceConnections.Opened(transport: client, close: { await client.close() })
        }
        let gateway = ServiceGateway(connections: connections)
        var configuration = WebConfiguration()
        configure(&configuration)
        let clock = MovableClock()
        do {
            let web = try WebApp(configuration: configuration, gateway: gateway, clock: WebClock { clock.now() })
            return WebFixture(feedback: feedback, reporting: reporting, web: web, gateway: gateway, clock: clock)
        } catch {
            await reporting.stop()
            await feedback.stop()
            throw error
        }
    }

    private init(feedback: FeedbackFixture, reporting: ServiceFixture<ReportingDefinition>, web: WebApp, gateway: ServiceGateway,
                 clock: MovableClock) {
        self.feedback = feedback
        self.reporting = reporting
        self.web = web
        self.gateway = gateway
        self.clock = clock
    }

    func stop() async {
        await gateway.close()
        await reporting.stop()
        await feedback.stop()
    }

    /// Runs `body` with a test client of the web app's router.
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let application = Application(router: web.router())
        return try await application.test(.router) { client in try await body(client) }
    }
}

/// The system time plus an offset a test moves forward (session expiry).
final class MovableClock: Sendable {
    private let offset = Mutex<Int64>(0)
    func now() -> Int64 { Int64(Date().timeIntervalSince1970) + offset.withLock { $0 } }
    func advance(seconds: Int64) { offset.withLock { $0 += seconds } }
}

/// Runs `body` with a started fixture and always stops it.
func withWeb<T>(configure: (inout WebConfiguration) -> Void = { _ in }, _ body: (WebFixture) async throws -> T) async throws -> T {
    let fixture = try await WebFixture.start(configure: configure)
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}
