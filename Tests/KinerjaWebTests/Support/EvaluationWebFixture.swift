import Foundation
import Hummingbird
import HummingbirdTesting
import KinerjaClient
import KinerjaProto
import KinerjaRPC
import KinerjaTLS
import KinerjaTestSupport
@testable import KinerjaWeb

/// kinerja-web in front of all five real services with their demo year (``EvaluationFixture`` with
/// real peers): the atasan's ratings, the pimpinan's finalisation and the exports.
final class EvaluationWebFixture: Sendable {
    let evaluation: EvaluationFixture
    let web: WebApp
    let gateway: ServiceGateway

    static func start() async throws -> EvaluationWebFixture {
        let evaluation = try await EvaluationFixture.start(peers: .real, demo: true)
        guard let planning = evaluation.planning, let reporting = evaluation.reporting, let feedback = evaluation.feedback else {
            await evaluation.stop()
            throw TestFailure("real peers expected")
        }
        let ports: [ServiceEndpoint: Int] = [.identity: evaluation.identity.port, .planning: planning.port, .reporting: reporting.port,
                                             .feedback: feedback.port, .evaluation: evaluation.service.port]
        do {
            let tls = try TestPKI.context(client: "web")
            let connections = ServiceConnections(addresses: { service in ServerAddress(host: "127.0.0.1", port: ports[service] ?? 9) }) { service, address in
                let client = RPCClient(configuration: ClientConfiguration(host: address.host, port: address.port,
                                                                          serverIdentity: try PeerIdentity(uri: service.identityURI), tls: tls))
                return ServiceConnections.Opened(transport: client, close: { await client.close() })
            }
            let gateway = ServiceGateway(connections: connections)
            let web = try WebApp(configuration: WebConfiguration(), gateway: gateway, clock: .system)
            return EvaluationWebFixture(evaluation: evaluation, web: web, gateway: gateway)
        } catch {
            await evaluation.stop()
            throw error
        }
    }

    private init(evaluation: EvaluationFixture, web: WebApp, gateway: ServiceGateway) {
        self.evaluation = evaluation
        self.web = web
        self.gateway = gateway
    }

    func stop() async {
        await gateway.close()
        await evaluation.stop()
    }

    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let application = Application(router: web.router())
        return try await application.test(.router) { client in try await body(client) }
    }

    /// The value of the first `name="field" value="…"` in `html`.
    static func field(_ name: String, in html: String) -> String? {
        html.components(separatedBy: "name=\"\(name)\" value=\"").dropFirst().first?.split(separator: "\"").first.map(String.init)
    }

    /// Every `/prefix/ID"` link's id in `html`.
    static func links(_ prefix: String, in html: String) -> [String] {
        html.components(separatedBy: "href=\"\(prefix)/").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
    }
}

func withEvaluationWeb<T>(_ body: (EvaluationWebFixture) async throws -> T) async throws -> T {
    let fixture = try await EvaluationWebFixture.start()
    do {
        let result = try await body(fixture)
        await fixture.stop()
        return result
    } catch {
        await fixture.stop()
        throw error
    }
}
