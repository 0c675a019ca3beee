import KinerjaProto

/// The unit tree drawn with box characters: code, name, kind, head and employee count per unit.
enum UnitTreeText {
    /// One line per unit, children below their parent.
    static func lines(_ root: Identity.UnitNode) -> [String] {
        var lines: [String] = []
        append(root, prefix: "", branch: "", into: &lines)
        return lines
    }

    /// `KPG.DUKCAPIL  Dinas Kependudukan …  [Dinas] head 1985… · 42 employees`.
    static func label(_ node: Identity.UnitNode) -> String {
        guard let unit = node.unit else { return "(unit missing)" }
        var text = "\(unit.code)  \(unit.name)  [\(Display.name(unit.kind))]"
        text += unit.headNIP.isEmpty ? " head vacant" : " head \(unit.headNIP)"
        text += " · \(node.employeeCount) employee\(node.employeeCount == 1 ? "" : "s")"
        if !unit.active { text += " (inactive)" }
        return TerminalText.sanitized(text)
    }

    private static func append(_ node: Identity.UnitNode, prefix: String, branch: String, into lines: inout [String]) {
        lines.append(prefix + branch + label(node))
        let childPrefix = prefix + (branch == "├── " ? "│   " : branch.isEmpty ? "" : "    ")
        for (index, child) in node.children.enumerated() {
            append(child, prefix: childPrefix, branch: index == node.children.count - 1 ? "└── " : "├── ", into: &lines)
        }
    }
}
