/// One CSV field as RFC 4180 writes it, for every CSV Kinerja writes (employees, evaluations,
/// TPP — kinerjactl's and the web app's).
public enum CSVCell {
    /// The cell as is, or enclosed in `"` with each inner quote doubled when it holds `,`, `"`,
    /// CR or LF, or starts or ends with a blank. Quotes are doubled per scalar: a quote followed by
    /// a combining mark is one Character, which a Character-level replacement misses, leaving a
    /// lone quote in the field (found by the csv fuzz target).
    public static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
            || cell.unicodeScalars.first.map(isBlank) == true || cell.unicodeScalars.last.map(isBlank) == true
        guard needsQuotes else { return cell }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in cell.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        out.append("\"")
        return String(out)
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }
}
