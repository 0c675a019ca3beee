/// Shows how far an import got on stderr: a redrawn bar on a terminal, a plain line per
/// acknowledged chunk otherwise, nothing with `--quiet`.
final class ImportProgress {
    /// How progress is shown.
    enum Style { case bar, lines, quiet }

    let style: Style
    private let write: (String) -> Void
    private var drawn = false

    init(style: Style, write: @escaping (String) -> Void) {
        self.style = style
        self.write = write
    }

    /// `[#####-----] 4 000/10 000 rows acknowledged` with a bar `width` cells wide.
    static func bar(acknowledged: Int, total: Int, width: Int = 10) -> String {
        let filled = total > 0 ? min(width, acknowledged * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + line(acknowledged: acknowledged, total: total)
    }

    /// `4 000/10 000 rows acknowledged`.
    static func line(acknowledged: Int, total: Int) -> String {
        "\(Display.grouped(acknowledged))/\(Display.grouped(total)) rows acknowledged"
    }

    /// Reports progress.
    func update(acknowledged: Int, total: Int) {
        switch style {
        case .quiet:
            return
        case .bar:
            write("\r\u{1B}[K" + Self.bar(acknowledged: acknowledged, total: total, width: 30))
            drawn = true
        case .lines:
            if acknowledged > 0 { write(Self.line(acknowledged: acknowledged, total: total) + "\n") }
        }
    }

    /// Ends the bar's line before anything else is printed.
    func finish() {
        if drawn { write("\n") }
        drawn = false
    }

    /// Prints a note on its own line (even when quiet), then lets the bar continue below it.
    func note(_ text: String) {
        finish()
        write(text + "\n")
    }
}
