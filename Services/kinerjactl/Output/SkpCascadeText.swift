import KinerjaProto

/// How a unit's cascade reads (`skp matrix`): the Matriks Pembagian Peran dan Hasil as a table,
/// and with `--tree` the pohon kinerja drawn with box characters. Pure.
enum SkpCascadeText {
    /// The matrix: one block per RHK of the leader, its contributors below it, each indented two
    /// spaces per level, with who delivers it; blocks separated by a blank line.
    static func matrix(_ cascade: Planning.GetCascadeResponse, unitLabel: String) -> String {
        var lines = ["Matriks Pembagian Peran dan Hasil — \(TerminalText.sanitized(unitLabel)), \(cascade.year)"]
        lines.append("Pimpinan: " + TerminalText.sanitized(leader(cascade)))
        lines.append("")
        if cascade.matrix.isEmpty {
            lines.append("No RHK of the leader has contributors yet.")
        } else {
            var table = Table([.init("HASIL (RHK)", maxWidth: 80), .init("PEGAWAI", maxWidth: 36), .init("NIP", maxWidth: 18)])
            for (index, row) in cascade.matrix.enumerated() {
                if index > 0 { table.append([]) }
                table.append([row.parentRhkText, row.parentOwner?.displayName ?? "", row.parentOwner?.nip ?? ""])
                for cell in row.cells {
                    let indent = String(repeating: "  ", count: max(1, Int(min(cell.level, 20))))
                    table.append([indent + TerminalText.sanitized(cell.rhkText), cell.contributor?.displayName ?? "",
                                  cell.contributor?.nip ?? ""])
                }
            }
            lines.append(table.render())
        }
        if !cascade.peran.isEmpty {
            lines += ["", "Peran per atasan → bawahan"] + peran(cascade).render().split(separator: "\n").map(String.init)
        }
        return (lines + gaps(cascade)).joined(separator: "\n")
    }

    /// The role matrix by pair: one block per atasan → bawahan pair, one line per link with its
    /// cascade type and peran.
    static func peran(_ cascade: Planning.GetCascadeResponse) -> Table {
        var table = Table([.init("ATASAN → BAWAHAN", maxWidth: 50), .init("HASIL ATASAN", maxWidth: 50), .init("HASIL BAWAHAN", maxWidth: 50),
                           .init("JENIS", maxWidth: 10), .init("PERAN", maxWidth: 40)])
        for (index, row) in cascade.peran.enumerated() {
            if index > 0 { table.append([]) }
            for (number, link) in row.links.enumerated() {
                let pair = number == 0 ? SkpText.person(row.atasan) + " → " + SkpText.person(row.bawahan) : ""
                table.append([TerminalText.sanitized(pair), TerminalText.sanitized(link.parentRhkText), TerminalText.sanitized(link.rhkText),
                              link.cascadeType == .unspecified ? "—" : Display.name(link.cascadeType), TerminalText.sanitized(link.peran)])
            }
        }
        return table
    }

    /// The pohon kinerja: each root RHK of the leader, the RHKs that intervene it below.
    static func tree(_ cascade: Planning.GetCascadeResponse, unitLabel: String) -> String {
        var lines = ["Pohon kinerja — \(TerminalText.sanitized(unitLabel)), \(cascade.year)"]
        lines.append("Pimpinan: " + TerminalText.sanitized(leader(cascade)))
        lines.append("")
        if cascade.roots.isEmpty { lines.append("No RHK of the leader yet.") }
        for root in cascade.roots {
            append(root, prefix: "", branch: "", into: &lines)
        }
        return (lines + gaps(cascade)).joined(separator: "\n")
    }

    /// `text — Name (NIP) [State]`, `(Tambahan)` and `⚠ review` where they apply.
    static func label(_ node: Planning.CascadeNode) -> String {
        var text = node.text + " — " + SkpText.person(node.owner)
        if node.kind == .tambahan { text += " (Tambahan)" }
        if node.skpState != .unspecified { text += " [\(Display.name(node.skpState))]" }
        if node.flaggedForReview { text += " ⚠ review" }
        return TerminalText.sanitized(text)
    }

    private static func leader(_ cascade: Planning.GetCascadeResponse) -> String {
        cascade.leader.map(SkpText.person) ?? "— (the unit has no head; roots are its highest-level employees)"
    }

    private static func append(_ node: Planning.CascadeNode, prefix: String, branch: String, into lines: inout [String]) {
        lines.append(prefix + branch + label(node))
        let childPrefix = prefix + (branch == "├── " ? "│   " : branch.isEmpty ? "" : "    ")
        for (index, child) in node.children.enumerated() {
            append(child, prefix: childPrefix, branch: index == node.children.count - 1 ? "└── " : "├── ", into: &lines)
        }
    }

    /// What the cascade is missing: employees without an SKP, Utama RHKs that intervene nothing.
    static func gaps(_ cascade: Planning.GetCascadeResponse) -> [String] {
        var lines: [String] = []
        if !cascade.withoutSkp.isEmpty {
            lines.append("")
            lines.append("Without an SKP for \(cascade.year) (\(cascade.withoutSkp.count)):")
            lines += cascade.withoutSkp.map { "  " + TerminalText.sanitized(SkpText.person($0)) }
        }
        if !cascade.unlinked.isEmpty {
            lines.append("")
            lines.append("Utama RHKs that intervene no RHK (\(cascade.unlinked.count)):")
            lines += cascade.unlinked.map { "  " + label($0) }
        }
        return lines
    }
}
