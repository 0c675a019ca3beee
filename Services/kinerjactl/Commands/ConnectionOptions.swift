import ArgumentParser
import Foundation

/// Options every command that talks to the identity service takes.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Identity service as HOST:PORT.",
        discussion: "Default: $KINERJA_IDENTITY, else the server of the stored session, else 127.0.0.1:7401.",
        valueName: "host:port"))
    var server: String?

    @Option(help: ArgumentHelp(
        "PKI directory with ca.pem and client/NAME.pem|key.",
        discussion: "Default: $KINERJA_PKI, else .dev/pki in the current directory.",
        valueName: "dir"))
    var pki: String?

    @Option(help: ArgumentHelp("Client certificate name: PKI/client/NAME.pem and .key.", valueName: "name"))
    var cert = "operator"

    @Flag(help: "Print each response as proto3 JSON instead of tables.")
    var json = false

    @Option(help: ArgumentHelp("Seconds each call may take.", valueName: "seconds"))
    var timeout: Double = 30

    /// The process environment; tests replace it.
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The PKI directory to use.
    func pkiDirectory(environment: [String: String]) -> String {
        if let pki, !pki.isEmpty { return pki }
        if let pki = environment["KINERJA_PKI"], !pki.isEmpty { return pki }
        return FileManager.default.currentDirectoryPath + "/.dev/pki"
    }

    /// The server to call: --server, else $KINERJA_IDENTITY, else the session's, else the default.
    /// Fails when an explicitly chosen server is not the one the session was opened on.
    func serverAddress(environment: [String: String], session: StoredSession?) throws -> ServerAddress {
        let explicit = server ?? environment["KINERJA_IDENTITY"].flatMap { $0.isEmpty ? nil : $0 }
        if let explicit {
            guard let address = ServerAddress(explicit) else {
                throw CLIError.invalidArguments("server \(explicit.debugDescription) is not HOST:PORT")
            }
            if let session, let signedIn = ServerAddress(session.server), signedIn != address {
                throw CLIError(.notPermitted, "signed in to \(signedIn), not \(address): run kinerjactl login --server \(address)",
                               status: .unauthenticated)
            }
            return address
        }
        if let session, let address = ServerAddress(session.server) { return address }
        return .defaultIdentity
    }

    /// Checks values that parse but make no sense.
    func check() throws {
        guard timeout > 0, timeout <= 86_400 else {
            throw CLIError.invalidArguments("--timeout must be between 0 and 86400 seconds")
        }
    }
}
