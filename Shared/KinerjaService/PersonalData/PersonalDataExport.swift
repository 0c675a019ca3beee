public import KinerjaProto
import Foundation
import GRDB
import KinerjaStore

extension AccessRule {
    /// Who may export a person's data (UU 27/2022 PDP, the right of access): the person; on the
    /// person's behalf, with a reason, pengelola kinerja in scope and admin. Atasan, pimpinan and
    /// auditors read what their work needs through the ordinary methods, not the whole file.
    public static let personalDataExporters = AccessRule(.targetSelf, .roleInScope(.pengelolaKinerja), .role(.admin))
}

/// The limits of an export of personal data, written once.
public enum PersonalDataLimits {
    /// The shortest reason accepted for an export on someone's behalf.
    public static let reasonMinimum = 10
    /// The longest reason.
    public static let reasonMaximum = 500
    /// Records per message of the stream.
    public static let batchSize = 200
    /// What replaces another person's NIP in what is exported.
    public static let otherPerson = "[NIP lain]"
}

/// The records one service exports about one person, in order, with the NIPs that may appear in
/// them besides the person's own (the people named on the person's own records: the atasan on
/// their employee record, the atasan/penilai on their SKPs and evaluations).
public struct PersonalDataRecords: Sendable {
    /// The person.
    public let nip: String
    /// Other people's NIPs the records may show (everyone else's is replaced).
    public var named: Set<String> = []
    /// The records so far.
    public private(set) var records: [Common.PersonalDataRecord] = []

    /// An empty list for `nip`.
    public init(nip: String) {
        self.nip = nip
    }

    /// Appends `message` as a record of `kind`.
    public mutating func append<Message: ProtoMessage>(_ kind: String, _ message: Message) throws {
        records.append(Common.PersonalDataRecord(kind: kind, typeName: Message.protoName, message: try message.serializedBytes()))
    }

    /// A stamp as exported: another person's NIP becomes ``PersonalDataLimits/otherPerson``.
    public func redacted(_ stamp: Common.AuditStamp?) -> Common.AuditStamp? {
        guard var stamp else { return nil }
        stamp.principal = redacted(stamp.principal)
        return stamp
    }

    /// `text` with every NIP that is neither the person's nor named replaced.
    public func redacted(_ text: String) -> String {
        PersonalDataRedaction.redact(text, keeping: named.union([nip]))
    }

    /// The records in stream batches.
    public var batches: [[Common.PersonalDataRecord]] {
        stride(from: 0, to: records.count, by: PersonalDataLimits.batchSize).map {
            Array(records[$0..<min($0 + PersonalDataLimits.batchSize, records.count)])
        }
    }
}

/// Replacing other people's NIPs in free text (an audit entry's target and detail).
public enum PersonalDataRedaction {
    /// `text` with every run of exactly 18 digits that is not in `keeping` replaced by
    /// ``PersonalDataLimits/otherPerson``.
    public static func redact(_ text: String, keeping: Set<String>) -> String {
        var out = ""
        var run = ""
        func flush() {
            if run.count == 18 && !keeping.contains(run) { out += PersonalDataLimits.otherPerson } else { out += run }
            run = ""
        }
        for character in text {
            if character.isASCII, character.isNumber { run.append(character) } else { flush(); out.append(character) }
        }
        flush()
        return out
    }
}

extension StoreBackedService {
    /// Checks an export of `nip`'s data and records it in the audit log, in the order every
    /// service answers: a malformed NIP or a missing reason on someone's behalf is
    /// INVALID_ARGUMENT; a caller who is neither the person nor an exporter covering them is
    /// PERMISSION_DENIED (audited); an unknown person (`exists` false) is NOT_FOUND. The export
    /// itself is then audited with its reason, before anything is read.
    public func beginPersonalDataExport(nip: String, reason: String, context: ServerContext,
                                        exists: () async throws -> Bool) async throws {
        try Invalid.requirePersonID(nip, "nip")
        let access = try Access.required()
        let onBehalf = !access.isSelf(nip)
        if onBehalf {
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { throw Invalid.field("reason", "is required to export someone else's data", reason: "REQUIRED") }
            if trimmed.count < PersonalDataLimits.reasonMinimum || reason.count > PersonalDataLimits.reasonMaximum {
                throw Invalid.field("reason", "must be \(PersonalDataLimits.reasonMinimum)–\(PersonalDataLimits.reasonMaximum) characters")
            }
        }
        try await access.require(.employee(nip: nip))
        guard try await exists() else { throw RPCError(.notFound, "no employee with NIP \(nip)") }
        let actor = try actor()
        let detail = onBehalf ? "on behalf of the person: \(reason)" : "the person's own request"
        try await store.write { [self] db in try audit(db, context, actor, target: nip, detail: detail) }
    }

    /// The processing trail: this service's audit entries whose principal or target is the
    /// person, oldest first, with other people's NIPs replaced (principal, target, detail) and
    /// the peer address kept only for the person's own calls. A redacted entry keeps the hashes
    /// it was chained with, so it no longer verifies by itself: VerifyAuditChain checks the log.
    public func personalDataTrail(_ records: inout PersonalDataRecords) async throws {
        let nip = records.nip
        let events = try await store.read { db in
            var bySequence: [UInt64: Common.AuditEvent] = [:]
            for filter in [Common.AuditEventFilter(principal: nip), Common.AuditEventFilter(target: nip)] {
                var after: UInt64 = 0
                while true {
                    let page = try AuditLog.events(matching: filter, after: after, limit: 1000, in: db)
                    for event in page { bySequence[event.sequence] = event }
                    guard page.count == 1000, let last = page.last else { break }
                    after = last.sequence
                }
            }
            return bySequence.keys.sorted().compactMap { bySequence[$0] }
        }
        for var event in events {
            if event.principal != nip { event.peerAddress = "" }
            event.principal = records.redacted(event.principal)
            event.target = records.redacted(event.target)
            event.detail = records.redacted(event.detail)
            try records.append("audit-event", event)
        }
    }
}
