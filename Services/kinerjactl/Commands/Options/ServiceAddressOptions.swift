import ArgumentParser

/// `--identity` (or `--server`), `--planning`, `--reporting`, `--feedback`, `--evaluation`:
/// where each service listens, as HOST:PORT.
struct ServiceAddressOptions: ParsableArguments {
    @Option(name: [.customLong("server"), .customLong("identity")], help: Self.help(.identity)) var identity: String?
    @Option(help: Self.help(.planning)) var planning: String?
    @Option(help: Self.help(.reporting)) var reporting: String?
    @Option(help: Self.help(.feedback)) var feedback: String?
    @Option(help: Self.help(.evaluation)) var evaluation: String?

    /// The address given for `service`, if any.
    func given(_ service: ServiceEndpoint) -> String? {
        switch service {
        case .identity: identity
        case .planning: planning
        case .reporting: reporting
        case .feedback: feedback
        case .evaluation: evaluation
        default: nil
        }
    }

    /// The given addresses by service.
    var given: [ServiceEndpoint: String] {
        Dictionary(uniqueKeysWithValues: ServiceEndpoint.all.compactMap { service in given(service).map { (service, $0) } })
    }

    func validate() throws {
        for service in ServiceEndpoint.all {
            if let text = given(service), ServerAddress(text) == nil {
                let option = service == .identity ? "--server" : service.addressOption
                throw CLIError.invalidArguments("\(option) \(text.debugDescription) is not HOST:PORT")
            }
        }
    }

    private static func help(_ service: ServiceEndpoint) -> ArgumentHelp {
        var discussion = "Default: $\(service.addressVariable), else "
        if service == .identity { discussion += "the server of the stored session, else " }
        discussion += "\(service.defaultAddress)."
        if service == .identity { discussion += " Sign-in and token refresh always go to identity." }
        return ArgumentHelp("The \(service.name) service as HOST:PORT.", discussion: discussion, valueName: "host:port")
    }
}
