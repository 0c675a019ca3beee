public import KinerjaProto

/// Non-working days as data: the rules of one entry, a plain text format an operator loads,
/// and the 2026 national list shipped as the documented default.
///
/// The text format, one entry per line (UTF-8; blank lines and lines starting with `#` are
/// ignored; fields separated by spaces or tabs):
///
/// ```
/// 2026-01-01 LIBUR_NASIONAL Tahun Baru 2026 Masehi
/// 2026-03-20 CUTI_BERSAMA Cuti Bersama Hari Raya Idul Fitri 1447 Hijriah
/// 2026-07-06 UNIT_CLOSURE unit=01HVK8Q3 Pindah kantor Kelurahan Oesapa
/// ```
///
/// the date `YYYY-MM-DD`, the kind without its `NON_WORKING_DAY_KIND_` prefix, an optional
/// `unit=<id>` (required for UNIT_CLOSURE), then the name (the rest of the line, 1–200
/// characters). A later line for the same date and unit replaces an earlier one.
public enum NonWorkingDayList {
    /// Longest name (`reporting.proto` NonWorkingDay.name).
    public static let maximumNameLength = 200
    /// Longest unit id (ids are at most 64 characters).
    public static let maximumUnitIDLength = 64

    /// The kinds by their name in the text format.
    static let kinds: [(String, Reporting.NonWorkingDayKind)] = [
        ("LIBUR_NASIONAL", .liburNasional), ("CUTI_BERSAMA", .cutiBersama), ("LIBUR_DAERAH", .liburDaerah), ("UNIT_CLOSURE", .unitClosure),
    ]

    // MARK: Rules of one entry

    /// Every violation of `reporting.proto`'s rules by one entry (SetNonWorkingDay); empty when valid.
    ///
    /// The date is required and real; the kind is required; the name has 1–200 characters and
    /// is not only white space; a UNIT_CLOSURE names its unit; a unit id has 1–64 printable
    /// ASCII characters.
    public static func violations(_ day: Reporting.NonWorkingDay, fieldPrefix: String = "") -> [Common.FieldViolation] {
        var out: [Common.FieldViolation] = []
        func add(_ field: String, _ reason: String, _ description: String) {
            out.append(Common.FieldViolation(field: fieldPrefix + field, description: description, reason: reason))
        }
        if let date = day.date {
            if !date.isValid { add("date", "NON_WORKING_DAY_DATE_INVALID", "date must be a real day, got \(date.year)-\(date.month)-\(date.day)") }
        } else {
            add("date", "NON_WORKING_DAY_DATE_REQUIRED", "date is required")
        }
        switch day.kind {
        case .liburNasional, .cutiBersama, .liburDaerah, .unitClosure: break
        case .unspecified, .unrecognized: add("kind", "NON_WORKING_DAY_KIND_REQUIRED", "kind must be LIBUR_NASIONAL, CUTI_BERSAMA, LIBUR_DAERAH or UNIT_CLOSURE")
        }
        let nameLength = day.name.unicodeScalars.count
        if day.name.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            add("name", "NON_WORKING_DAY_NAME_REQUIRED", "name is required (1-\(maximumNameLength) characters)")
        } else if nameLength > maximumNameLength {
            add("name", "NON_WORKING_DAY_NAME_TOO_LONG", "name must be at most \(maximumNameLength) characters, got \(nameLength)")
        }
        if day.unitID.isEmpty {
            if day.kind == .unitClosure { add("unit_id", "NON_WORKING_DAY_UNIT_REQUIRED", "a UNIT_CLOSURE names the unit it closes") }
        } else if day.unitID.utf8.count > maximumUnitIDLength || !day.unitID.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) {
            add("unit_id", "NON_WORKING_DAY_UNIT_INVALID", "unit_id must be 1-\(maximumUnitIDLength) printable ASCII characters")
        }
        return out
    }

    // MARK: The text format

    /// Parses the text format; every entry is checked with ``violations(_:fieldPrefix:)``.
    ///
    /// - Throws: ``NonWorkingDayListError`` naming the first bad line (1-based).
    public static func parse(_ text: String) throws(NonWorkingDayListError) -> [Reporting.NonWorkingDay] {
        var out: [Reporting.NonWorkingDay] = []
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if lineNumber == 1, line.first == "\u{FEFF}" { line = line.dropFirst() }
            let trimmed = line.trimmingBlanks()
            guard !trimmed.isEmpty, trimmed.first != "#" else { continue }
            var rest = trimmed
            let dateText = rest.takeField()
            guard let date = Common.Date(isoString: String(dateText)) else {
                throw NonWorkingDayListError(line: lineNumber, reason: "NON_WORKING_DAY_DATE_INVALID",
                                             message: "the line must start with a real date YYYY-MM-DD, got \"\(dateText)\"")
            }
            let kindText = rest.takeField()
            guard let kind = kinds.first(where: { $0.0 == kindText.uppercased() })?.1 else {
                throw NonWorkingDayListError(line: lineNumber, reason: "NON_WORKING_DAY_KIND_REQUIRED",
                                             message: "the kind must be LIBUR_NASIONAL, CUTI_BERSAMA, LIBUR_DAERAH or UNIT_CLOSURE, got \"\(kindText)\"")
            }
            var unitID = ""
            if rest.hasPrefix("unit=") {
                unitID = String(rest.takeField().dropFirst("unit=".count))
            }
            var entry = Reporting.NonWorkingDay()
            entry.date = date
            entry.kind = kind
            entry.name = String(rest)
            entry.unitID = unitID
            if let violation = violations(entry).first {
                throw NonWorkingDayListError(line: lineNumber, reason: violation.reason, message: violation.description)
            }
            out.append(entry)
        }
        return out
    }

    /// The entries in the text format, one line each, in the given order.
    public static func format(_ days: [Reporting.NonWorkingDay]) -> String {
        days.map { day in
            let kind = kinds.first { $0.1 == day.kind }?.0 ?? "UNSPECIFIED"
            let unit = day.unitID.isEmpty ? "" : " unit=\(day.unitID)"
            let name = day.name.replacingLineBreaks()
            return "\(day.date?.isoString ?? "????-??-??") \(kind)\(unit) \(name)\n"
        }.joined()
    }
}

/// Why a non-working-day list cannot be loaded.
public struct NonWorkingDayListError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// Stable machine-readable reason, UPPER_SNAKE.
    public var reason: String
    /// What is wrong, in English.
    public var message: String

    /// An error on `line`.
    public init(line: Int, reason: String, message: String) {
        self.line = line
        self.reason = reason
        self.message = message
    }

    /// `line N: REASON: message`.
    public var description: String { "line \(line): \(reason): \(message)" }
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingBlanks() -> Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }

    /// Removes and returns the text up to the next space or tab, and the blanks after it.
    fileprivate mutating func takeField() -> Substring {
        let end = firstIndex { $0 == " " || $0 == "\t" } ?? endIndex
        let field = self[startIndex..<end]
        self = self[end...].trimmingBlanks()
        return field
    }
}

extension String {
    /// Line breaks replaced by spaces, so a name stays on its line.
    fileprivate func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
