import ArgumentParser
import Foundation

/// How a command reaches the services: where they listen, the operator certificate and the
/// timeout of each call (every command that talks to a service; `call` uses these alone).
struct ClientOptions: ParsableArguments {
    @OptionGroup(title: "Service addresses") var services: ServiceAddressOptions

    @Option(help: ArgumentHelp(
        "PKI directory with ca.pem and client/NAME.pem|key.",
        discussion: "Default: $\(ClientEnvironment.pki), else .dev/pki in the current directory.",
        valueName: "dir"))
    var pki: String?

    @Option(help: ArgumentHelp(
        "Client certificate name: PKI/client/NAME.pem and .key.",
        discussion: "Default: $\(ClientEnvironment.certificate), else operator.",
        valueName: "name"))
    var cert: String?

    @Option(help: ArgumentHelp("Seconds each call may take, at most 86400.", valueName: "seconds"))
    var timeout: Double = 30

    /// The process environment.
    var environment: ClientEnvironment { ClientEnvironment() }

    func validate() throws {
        guard timeout > 0, timeout <= 86_400 else {
            throw CLIError.invalidArguments("--timeout must be between 0 and 86400 seconds")
        }
        if let cert { try MutualTLSClient.checkCertificateName(cert, source: "--cert") }
    }

    /// The PKI directory: --pki, else $KINERJACTL_PKI, else .dev/pki here.
    func pkiDirectory(environment: ClientEnvironment) -> String {
        if let pki, !pki.isEmpty { return pki }
        return environment[ClientEnvironment.pki] ?? FileManager.default.currentDirectoryPath + "/.dev/pki"
    }

    /// The client certificate name: --cert, else $KINERJACTL_CERT, else `operator`.
    func certificateName(environment: ClientEnvironment) throws -> String {
        if let cert { return cert }
        guard let name = environment[ClientEnvironment.certificate] else { return "operator" }
        try MutualTLSClient.checkCertificateName(name, source: ClientEnvironment.certificate)
        return name
    }

    /// Where the services listen for this command (`session`: the stored one, if any).
    func addresses(environment: ClientEnvironment, session: StoredSession?) -> ServiceAddresses {
        ServiceAddresses(options: services.given, environment: environment, session: session)
    }

    /// How calls are made.
    var policy: CallPolicy { CallPolicy(timeout: .seconds(timeout)) }
}

/// Options of every command that talks to a service: ``ClientOptions`` and `--json`.
struct ConnectionOptions: ParsableArguments {
    @OptionGroup var client: ClientOptions

    @Flag(help: "Print each response as proto3 JSON instead of tables.")
    var json = false

    /// The process environment.
    var environment: ClientEnvironment { client.environment }
    /// How calls are made.
    var policy: CallPolicy { client.policy }

    /// Where the services listen for this command.
    func addresses(environment: ClientEnvironment, session: StoredSession?) -> ServiceAddresses {
        client.addresses(environment: environment, session: session)
    }
}
