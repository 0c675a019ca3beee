import Foundation

/// The environment variables kinerjactl reads. Every one is named `KINERJACTL_…`: the services
/// read `KINERJA_<SECTION>__<KEY>` as overrides of their configuration (`KINERJA_IDENTITY` is
/// kinerja-identity's whole `identity` section), and `KINERJACTL_` can never be taken for one of
/// those, so a shell or host that sets both never confuses one program with the other's setting.
struct ClientEnvironment: Sendable {
    /// The prefix of every variable.
    static let prefix = "KINERJACTL_"
    /// The session file (default `$XDG_CONFIG_HOME/kinerja/session.json`, else `~/.config/kinerja/session.json`).
    static let session = "KINERJACTL_SESSION"
    /// The PKI directory with `ca.pem` and `client/NAME.pem|key` (default `.dev/pki`).
    static let pki = "KINERJACTL_PKI"
    /// The client certificate name under `PKI/client/` (default `operator`).
    static let certificate = "KINERJACTL_CERT"

    /// `KINERJACTL_<SERVICE>_ADDRESS`: where `service` listens, as HOST:PORT.
    static func address(of service: ServiceEndpoint) -> String {
        "\(prefix)\(service.name.uppercased())_ADDRESS"
    }

    /// Every variable kinerjactl reads, for help and documentation.
    static var names: [String] {
        [session, pki, certificate] + ServiceEndpoint.all.map(address(of:))
    }

    /// The variables as given (tests pass their own).
    let values: [String: String]

    init(_ values: [String: String] = ProcessInfo.processInfo.environment) {
        self.values = values
    }

    /// The value of `name`; nil when unset or empty, so `VAR=` means "not set" as in most tools.
    subscript(_ name: String) -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        return value
    }
}

extension ClientEnvironment: ExpressibleByDictionaryLiteral {
    init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
