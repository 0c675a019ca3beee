import KinerjaClient

extension ServiceEndpoint {
    /// The command-line option that overrides its address, e.g. `--planning`.
    var addressOption: String { "--\(name)" }
    /// The environment variable that overrides its address, e.g. `KINERJACTL_PLANNING_ADDRESS`.
    var addressVariable: String { ClientEnvironment.address(of: self) }
}
