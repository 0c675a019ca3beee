import Foundation
import KinerjaCrypto
import KinerjaProto

/// The archive `kinerjactl my-data` writes: everything the five services export about one person
/// (docs/PRIVACY.md). A tar file with one directory `kinerja-my-data-<NIP>/` holding
/// - `identity.jsonl`, `planning.jsonl`, `reporting.jsonl`, `feedback.jsonl`, `evaluation.jsonl`:
///   one JSON object per line, `{"kind":…,"type":…,"record":{…}}`, the record in the proto3 JSON
///   mapping of its message (`type`);
/// - `EXPORT.json`: whose data, when, by whom, why (on someone's behalf), record counts per file;
/// - `MANIFEST`: `<sha256 hex>  <file>` per file above, in `sha256sum -c` format.
struct PersonalDataArchive {
    /// The services in archive order.
    static let services = ["identity", "planning", "reporting", "feedback", "evaluation"]

    /// The person.
    let nip: String
    /// Who exported (the signed-in NIP).
    let exportedBy: String
    /// Why, when on someone's behalf.
    let reason: String
    /// When, seconds since the epoch.
    let exportedAt: Int64
    /// The records of each service.
    let records: [String: [Common.PersonalDataRecord]]

    /// The directory inside the archive.
    var directory: String { "kinerja-my-data-\(nip)" }

    /// One service's JSON-lines file.
    static func jsonLines(_ records: [Common.PersonalDataRecord]) throws -> [UInt8] {
        let types = Dictionary(KinerjaContract.messageTypes.map { ($0.protoName, $0) }, uniquingKeysWith: { first, _ in first })
        var out = ""
        for record in records {
            guard let type = types[record.typeName] else {
                throw CLIError(.failure, "the export holds a record of type \(record.typeName), which this kinerjactl does not know: update kinerjactl")
            }
            let message = try type.init(serializedBytes: record.message)
            out += "{\"kind\":\(Self.quoted(record.kind)),\"type\":\(Self.quoted(record.typeName)),\"record\":\(message.jsonString(pretty: false))}\n"
        }
        return Array(out.utf8)
    }

    /// The archive's bytes.
    func tar() throws -> [UInt8] {
        var writer = TarWriter()
        var manifest = ""
        var counts: [String] = []
        for service in Self.services {
            let list = records[service] ?? []
            let file = "\(service).jsonl"
            let contents = try Self.jsonLines(list)
            try writer.add("\(directory)/\(file)", contents, mtime: exportedAt)
            manifest += "\(Self.hex(SHA256.hash(contents)))  \(file)\n"
            counts.append("\(Self.quoted(file)):\(list.count)")
        }
        let about = "{\"nip\":\(Self.quoted(nip)),\"exportedBy\":\(Self.quoted(exportedBy)),\"onBehalf\":\(exportedBy != nip),"
            + "\"reason\":\(Self.quoted(reason)),\"exportedAt\":\(Self.quoted(Self.iso(exportedAt))),\"records\":{\(counts.joined(separator: ","))},"
            + "\"evidenceFiles\":\"not included: each is listed as an evidence-upload record; download it by its sha256 through ReportingService.DownloadEvidence\"}\n"
        let aboutBytes = Array(about.utf8)
        try writer.add("\(directory)/EXPORT.json", aboutBytes, mtime: exportedAt)
        manifest += "\(Self.hex(SHA256.hash(aboutBytes)))  EXPORT.json\n"
        try writer.add("\(directory)/MANIFEST", Array(manifest.utf8), mtime: exportedAt)
        return writer.archive
    }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func iso(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
