public import KinerjaProto

extension AuthorizationTable {
    /// The table as a section of docs/AUTHORIZATION.md: one row per method of `descriptor`, in
    /// the contract's order, saying in words who may call it; then the named relations and what
    /// each machine client and each service may call.
    public func markdown(title: String, descriptor: ServiceDescriptor) -> String {
        var lines = ["## \(title) (`\(descriptor.name)`)", "", "| method | who may call it (any one suffices) |", "|---|---|"]
        var relations: [Relation] = []
        var byClient: [String: [String]] = [:]
        var byService: [String: [String]] = [:]
        for method in descriptor.methods {
            guard let rule = rule(for: method.path) else {
                lines.append("| `\(method.method)` | nobody (no rule: denied) |")
                continue
            }
            let words = rule.grants.map(\.summary)
            lines.append("| `\(method.method)` | \(words.isEmpty ? "nobody" : words.joined(separator: "; or "))"
                         + " |")
            for grant in rule.grants {
                switch grant {
                case .relation(let relation) where !relations.contains(relation): relations.append(relation)
                case .client(let name): byClient[name, default: []].append(method.method)
                case .anyClient: byClient["(any machine client)", default: []].append(method.method)
                case .service(let name): byService[name, default: []].append(method.method)
                case .anyService: byService["(any Kinerja service)", default: []].append(method.method)
                case .anyPeer, .signIn:
                    byClient["(any machine client)", default: []].append(method.method)
                    byService["(any Kinerja service)", default: []].append(method.method)
                default: break
                }
            }
        }
        if !relations.isEmpty {
            lines += ["", "Relations the handler decides with the service's own data:", ""]
            lines += relations.map { "- `\($0.name)`: \($0.summary)." }
        }
        lines += ["", "Machine clients (without a user token):", ""]
        lines += byClient.isEmpty ? ["- none"] : byClient.keys.sorted().map { "- \($0): " + byClient[$0, default: []].map { "`\($0)`" }.joined(separator: ", ") }
        lines += ["", "Kinerja services (with their own certificate, without a user token):", ""]
        lines += byService.isEmpty ? ["- none"] : byService.keys.sorted().map { "- \($0): " + byService[$0, default: []].map { "`\($0)`" }.joined(separator: ", ") }
        return lines.joined(separator: "\n") + "\n"
    }
}
