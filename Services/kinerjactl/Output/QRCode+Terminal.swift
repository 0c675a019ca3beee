extension QRCode {
    /// The code drawn with half-block characters, two module rows per line, with a quiet zone of
    /// `quiet` modules. Light modules are drawn (█ ▀ ▄) and dark ones left blank, for a terminal
    /// with a dark background; `inverted` draws the dark ones instead (light backgrounds, print).
    func terminalText(quiet: Int = 2, inverted: Bool = false) -> String {
        let total = size + 2 * quiet
        func light(_ row: Int, _ column: Int) -> Bool {
            let r = row - quiet, c = column - quiet
            let module = (0..<size).contains(r) && (0..<size).contains(c) ? modules[r][c] : false
            return inverted ? module : !module
        }
        var lines: [String] = []
        for top in stride(from: 0, to: total, by: 2) {
            var line = ""
            for column in 0..<total {
                let upper = light(top, column)
                let lower = top + 1 < total ? light(top + 1, column) : !inverted
                let cell = switch (upper, lower) {
                case (true, true): "█"
                case (true, false): "▀"
                case (false, true): "▄"
                case (false, false): " "
                }
                line += cell
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
