public import KinerjaProto
import KinerjaASN

/// INVALID_ARGUMENT errors with a BadRequest detail naming the fields.
public enum Invalid {
    /// One bad field.
    public static func field(_ field: String, _ description: String, reason: String = "INVALID") -> RPCError {
        fields([Common.FieldViolation(field: field, description: description, reason: reason)])
    }

    /// Several bad fields; the message lists them.
    public static func fields(_ violations: [Common.FieldViolation]) -> RPCError {
        let message = violations.prefix(5).map { "\($0.field): \($0.description)" }.joined(separator: "; ")
            + (violations.count > 5 ? "; and \(violations.count - 5) more" : "")
        var detail = RPC.StatusDetail()
        detail.detail = .badRequest(RPC.BadRequest(fieldViolations: Array(violations.prefix(100))))
        return RPCError(.invalidArgument, message, details: [detail])
    }

    /// Fails unless `text` is 1…`max` characters.
    public static func requireText(_ text: String, _ field: String, max: Int, optional: Bool = false) throws {
        if text.isEmpty && !optional { throw Self.field(field, "is required", reason: "REQUIRED") }
        if text.count > max { throw Self.field(field, "must be at most \(max) characters", reason: "TOO_LONG") }
    }

    /// Fails unless `nip` is 18 ASCII digits.
    public static func requireNIP(_ nip: String, _ field: String = "nip") throws {
        guard nip.utf8.count == 18, nip.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw Self.field(field, nip.isEmpty ? "is required" : "must be 18 digits", reason: "NIP_FORMAT")
        }
    }

    /// Fails unless `id` names a person: 18 ASCII digits (a NIP) or a non-ASN identifier
    /// (`NONASN.` + 1–48 of `A`–`Z`, `0`–`9`, `.`, `-`; the Kepala Daerah).
    public static func requirePersonID(_ id: String, _ field: String) throws {
        guard PersonIdentifier.isValid(id) else {
            throw Self.field(field, id.isEmpty ? "is required" : "must be an 18-digit NIP or a NONASN. identifier", reason: "PERSON_ID_FORMAT")
        }
    }

    /// Fails unless `id` looks like one of our ids (1–64 printable ASCII).
    public static func requireID(_ id: String, _ field: String) throws {
        guard !id.isEmpty else { throw Self.field(field, "is required", reason: "REQUIRED") }
        guard id.utf8.count <= 64, id.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { throw Self.field(field, "is not an id", reason: "ID_FORMAT") }
    }

    /// Fails unless `year` is 2000–2100.
    public static func requireYear(_ year: Int32, _ field: String = "year") throws {
        guard (2000...2100).contains(year) else { throw Self.field(field, "must be 2000–2100", reason: "YEAR") }
    }
}

/// Paging: page sizes and opaque cursors.
public enum Paging {
    /// The page size to use: 1–1000, default 100.
    public static func size(_ request: Common.PageRequest?) throws -> Int {
        let size = Int(request?.pageSize ?? 0)
        guard size <= 1000 else { throw Invalid.field("page.page_size", "must be at most 1000", reason: "PAGE_SIZE") }
        return size == 0 ? 100 : size
    }

    /// The offset a cursor encodes (`o<offset>`); empty = 0.
    public static func offset(_ request: Common.PageRequest?) throws -> Int {
        guard let cursor = request?.cursor, !cursor.isEmpty else { return 0 }
        guard cursor.hasPrefix("o"), let offset = Int(cursor.dropFirst()), offset >= 0 else {
            throw Invalid.field("page.cursor", "is not a cursor this service issued", reason: "CURSOR")
        }
        return offset
    }

    /// The response page for `returned` rows of a `size` page starting at `offset`.
    public static func response(offset: Int, size: Int, returned: Int, more: Bool) -> Common.PageResponse {
        Common.PageResponse(nextCursor: more ? "o\(offset + returned)" : "")
    }
}
