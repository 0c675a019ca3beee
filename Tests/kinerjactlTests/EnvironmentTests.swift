import KinerjaProto
import Testing
@testable import kinerjactl

/// Where kinerjactl finds the services, its PKI and its session: options first, then its own
/// `KINERJACTL_…` variables (never the services' `KINERJA_<SECTION>__<KEY>` ones), then defaults.
@Suite("Environment and service addresses")
struct EnvironmentTests {
    static let session = StoredSession(server: "10.0.0.5:7401", nip: "199001012015031001", tokens: .init())

    private func addresses(_ arguments: [String] = [], _ environment: ClientEnvironment = [:],
                           session: StoredSession? = nil) throws -> ServiceAddresses {
        try ClientOptions.parse(arguments).addresses(environment: environment, session: session)
    }

    @Test("every variable is KINERJACTL_…, and none is a service's configuration override")
    func names() {
        #expect(ClientEnvironment.names == [
            "KINERJACTL_SESSION", "KINERJACTL_PKI", "KINERJACTL_CERT", "KINERJACTL_IDENTITY_ADDRESS",
            "KINERJACTL_PLANNING_ADDRESS", "KINERJACTL_REPORTING_ADDRESS", "KINERJACTL_FEEDBACK_ADDRESS",
            "KINERJACTL_EVALUATION_ADDRESS",
        ])
        // The services read KINERJA_<SECTION>__<KEY>: a name that starts with "KINERJA_".
        #expect(ClientEnvironment.names.allSatisfy { !$0.hasPrefix("KINERJA_") })
    }

    @Test("each service has a default on 127.0.0.1: identity 7401 … evaluation 7405")
    func defaults() throws {
        let none = try addresses()
        #expect(try ServiceEndpoint.all.map { try none.address(of: $0).description }
            == ["127.0.0.1:7401", "127.0.0.1:7402", "127.0.0.1:7403", "127.0.0.1:7404", "127.0.0.1:7405"])
        #expect(ServiceEndpoint.planning.identityURI == "spiffe://kinerja.kupangkota.go.id/service/planning")
    }

    @Test("--NAME, else $KINERJACTL_NAME_ADDRESS, else the default, for every service")
    func overrides() throws {
        let environment: ClientEnvironment = ["KINERJACTL_PLANNING_ADDRESS": "10.0.0.2:9", "KINERJACTL_EVALUATION_ADDRESS": "10.0.0.9:1",
                                              "KINERJA_PLANNING": "x", "KINERJA_IDENTITY": "y"]
        let fromEnvironment = try addresses([], environment)
        #expect(try fromEnvironment.address(of: .planning) == ServerAddress("10.0.0.2:9"))
        #expect(try fromEnvironment.address(of: .evaluation) == ServerAddress("10.0.0.9:1"))
        #expect(try fromEnvironment.address(of: .identity) == ServerAddress("127.0.0.1:7401"), "KINERJA_IDENTITY is not read")
        let fromOptions = try addresses(["--planning", "[::1]:7402", "--reporting", "h:1", "--feedback", "h:2"], environment)
        #expect(try fromOptions.address(of: .planning) == ServerAddress("[::1]:7402"))
        #expect(try fromOptions.address(of: .reporting) == ServerAddress("h:1"))
        #expect(try fromOptions.address(of: .feedback) == ServerAddress("h:2"))
        let empty = try addresses([], ["KINERJACTL_PLANNING_ADDRESS": ""])
        #expect(try empty.address(of: .planning) == ServerAddress("127.0.0.1:7402"), "an empty variable is unset")
        let bad = #expect(throws: CLIError.self) { try addresses([], ["KINERJACTL_FEEDBACK_ADDRESS": "nope"]).address(of: .feedback) }
        #expect(bad?.message == "KINERJACTL_FEEDBACK_ADDRESS \"nope\" is not HOST:PORT")
        #expect(bad?.code.exitStatus == 64)
    }

    @Test("identity: --server (or --identity), else $KINERJACTL_IDENTITY_ADDRESS, else the session's server; an explicit other server is refused")
    func identity() throws {
        #expect(try addresses([], session: Self.session).address(of: .identity) == ServerAddress("10.0.0.5:7401"))
        #expect(try addresses([], ["KINERJACTL_IDENTITY_ADDRESS": "10.0.0.6:1"]).address(of: .identity) == ServerAddress("10.0.0.6:1"))
        #expect(try addresses(["--server", "10.0.0.7:2"], ["KINERJACTL_IDENTITY_ADDRESS": "10.0.0.6:1"]).address(of: .identity)
            == ServerAddress("10.0.0.7:2"))
        #expect(try addresses(["--identity", "10.0.0.7:2"]).address(of: .identity) == ServerAddress("10.0.0.7:2"))
        let mismatch = #expect(throws: CLIError.self) {
            try addresses(["--server", "10.0.0.7:2"], session: Self.session).address(of: .identity)
        }
        #expect(mismatch?.code.exitStatus == 77)
        #expect(mismatch?.message == "signed in to 10.0.0.5:7401, not 10.0.0.7:2: run kinerjactl login --server 10.0.0.7:2")
        // Other services are not bound to the session.
        #expect(try addresses([], session: Self.session).address(of: .planning) == ServerAddress("127.0.0.1:7402"))
    }

    @Test("the PKI is --pki, else $KINERJACTL_PKI, else .dev/pki here; the certificate --cert, else $KINERJACTL_CERT, else operator")
    func pkiAndCertificate() throws {
        #expect(try ClientOptions.parse(["--pki", "/p"]).pkiDirectory(environment: ["KINERJACTL_PKI": "/e"]) == "/p")
        #expect(try ClientOptions.parse([]).pkiDirectory(environment: ["KINERJACTL_PKI": "/e"]) == "/e")
        #expect(try ClientOptions.parse([]).pkiDirectory(environment: ["KINERJA_PKI": "/old"]).hasSuffix("/.dev/pki"))
        #expect(try ClientOptions.parse([]).certificateName(environment: [:]) == "operator")
        #expect(try ClientOptions.parse([]).certificateName(environment: ["KINERJACTL_CERT": "hr-portal"]) == "hr-portal")
        #expect(try ClientOptions.parse(["--cert", "kiosk"]).certificateName(environment: ["KINERJACTL_CERT": "hr-portal"]) == "kiosk")
        let bad = #expect(throws: CLIError.self) { try ClientOptions.parse([]).certificateName(environment: ["KINERJACTL_CERT": "../x"]) }
        #expect(bad?.message == "KINERJACTL_CERT must be a certificate name such as operator, not \"../x\"")
    }

    @Test("the table is the one list of services: name, port, option, variable, proto package")
    func table() {
        #expect(ServiceEndpoint.all.map(\.name) == ["identity", "planning", "reporting", "feedback", "evaluation"])
        #expect(ServiceEndpoint.reporting.addressOption == "--reporting")
        #expect(ServiceEndpoint.reporting.addressVariable == "KINERJACTL_REPORTING_ADDRESS")
        #expect(ServiceEndpoint.serving("kinerja.feedback.v1.FeedbackService") == .feedback)
        #expect(ServiceEndpoint.serving("kinerja.rpc.v1.HealthService") == nil)
        #expect(Reporting.ReportingService.Client.endpoint == .reporting)
        #expect(Evaluation.EvaluationService.Client.endpoint == .evaluation)
    }
}
