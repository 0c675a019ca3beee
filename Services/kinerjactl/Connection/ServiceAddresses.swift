/// Where each service listens for one command: its `--NAME` option, else
/// `$KINERJACTL_NAME_ADDRESS`, else (identity only) the server the session was opened on, else
/// its default port on 127.0.0.1. An identity server chosen explicitly must be the session's.
struct ServiceAddresses: Sendable {
    /// Addresses given as options, by service.
    var options: [ServiceEndpoint: String]
    var environment: ClientEnvironment
    /// The stored session, whose server identity calls go to.
    var session: StoredSession?

    /// Where `service` was explicitly pointed (option first), and by what (for messages).
    func explicit(_ service: ServiceEndpoint) -> (text: String, source: String)? {
        if let text = options[service] { return (text, service == .identity ? "--server" : service.addressOption) }
        if let text = environment[service.addressVariable] { return (text, service.addressVariable) }
        return nil
    }

    /// The address of `service`.
    func address(of service: ServiceEndpoint) throws -> ServerAddress {
        if let (text, source) = explicit(service) {
            guard let address = ServerAddress(text) else {
                throw CLIError.invalidArguments("\(source) \(text.debugDescription) is not HOST:PORT")
            }
            if service == .identity, let session, let signedIn = ServerAddress(session.server), signedIn != address {
                throw CLIError(.notPermitted, "signed in to \(signedIn), not \(address): run kinerjactl login --server \(address)",
                               status: .unauthenticated)
            }
            return address
        }
        if service == .identity, let session, let address = ServerAddress(session.server) { return address }
        return service.defaultAddress
    }
}
