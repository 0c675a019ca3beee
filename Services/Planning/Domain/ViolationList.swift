import KinerjaProto

/// Collects field violations under a path prefix (e.g. `rhks[2].`).
struct ViolationList {
    private(set) var items: [Common.FieldViolation] = []
    let prefix: String

    init(prefix: String) {
        self.prefix = prefix
    }

    mutating func add(_ field: String, _ reason: String, _ description: String) {
        items.append(Common.FieldViolation(field: prefix + field, description: description, reason: reason))
    }

    mutating func append(contentsOf violations: [Common.FieldViolation]) {
        items.append(contentsOf: violations)
    }
}

extension String {
    /// Length as the contract counts characters: Unicode scalars.
    var scalarCount: Int { unicodeScalars.count }

    /// True when empty or only whitespace.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}
