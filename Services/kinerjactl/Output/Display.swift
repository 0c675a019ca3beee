import KinerjaProto

/// How contract values read in human output.
enum Display {
    /// Words kept in capitals when an enum name is shown.
    private static let acronyms: Set<String> = ["PNS", "PPPK", "JPT", "UPT"]

    /// An enum value without its type prefix, in words: `UNIT_KIND_PEMERINTAH_DAERAH` →
    /// "Pemerintah Daerah", `ASN_TYPE_PNS` → "PNS"; the number for a value this build does not know.
    static func name<E: ProtoEnum>(_ value: E) -> String {
        guard let full = value.protoName else { return String(value.rawValue) }
        let words = full.dropFirst(enumPrefix(E.self).count).split(separator: "_").map { word -> String in
            let text = String(word)
            return acronyms.contains(text) ? text : text.prefix(1) + text.dropFirst().lowercased()
        }
        return words.joined(separator: " ")
    }

    /// The prefix shared by an enum's names, from its zero value: `ROLE_UNSPECIFIED` → `ROLE_`.
    static func enumPrefix<E: ProtoEnum>(_ type: E.Type) -> String {
        let zero = E(rawValue: 0).protoName ?? ""
        return zero.hasSuffix("UNSPECIFIED") ? String(zero.dropLast("UNSPECIFIED".count)) : ""
    }

    /// The name as printed on letters: gelar depan, full name, ", " gelar belakang.
    static func name(of employee: Identity.Employee) -> String {
        var name = employee.fullName
        if !employee.gelarDepan.isEmpty { name = employee.gelarDepan + " " + name }
        if !employee.gelarBelakang.isEmpty { name += ", " + employee.gelarBelakang }
        return name
    }

    /// A count with a space every three digits, as the progress line shows it: `10 000`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += " " }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Lowercase hexadecimal of bytes (hashes).
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var result = ""
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 0xf)])
        }
        return result
    }

    /// "yes" or "no".
    static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
