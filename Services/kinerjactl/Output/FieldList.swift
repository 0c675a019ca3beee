/// Labelled values, one per line, labels padded so the values line up (`get` commands).
struct FieldList {
    private(set) var entries: [(label: String, value: String)] = []

    /// Adds a line; an empty value is shown as "—".
    mutating func append(_ label: String, _ value: String) {
        entries.append((label, value.isEmpty ? "—" : TerminalText.sanitized(value)))
    }

    /// The lines, values aligned after the longest label.
    func render() -> String {
        let width = entries.map { TerminalText.width($0.label) }.max() ?? 0
        return entries.map { TerminalText.padded($0.label + ":", toWidth: width + 1) + " " + $0.value }
            .joined(separator: "\n")
    }
}
