import Foundation
import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import Testing

/// The people, days and instants the feedback domain tests share: a Dukcapil section of Kota
/// Kupang in 2026 with its Kepala Seksi, a Plt., staff and a counter.
enum Fixtures {
    /// Kepala Seksi Pelayanan KTP-el (atasan langsung of the staff below).
    static let kasi = "197802102005011004"
    /// The Kepala Bidang above the Kasi.
    static let kabid = "197001152000031002"
    /// Plt. Kasi while the Kasi is on leave.
    static let plt = "198006062008012005"
    /// Staff at the KTP-el counter.
    static let staff = ["198503142010012003", "199001012015032001", "199204172019031006", "199307212020122011", "199411302022031004",
                        "199512122023022007"]
    static let subject = staff[0]

    static let unit = "dukcapil-ktp"
    static let unitPath = ["dukcapil-ktp", "dukcapil", "pemkot-kupang"]

    static func day(_ month: Int32, _ day: Int32, _ year: Int32 = 2026) -> Common.Date {
        Common.Date(year: year, month: month, day: day)
    }

    /// The instant `hour:minute:second` WITA on `date`, as a contract timestamp.
    static func at(_ date: Common.Date, _ hour: Int = 10, _ minute: Int = 0, _ second: Int = 0) -> Common.Timestamp {
        let start = Wita.startOfDay(date)?.timeIntervalSince1970 ?? 0
        return Common.Timestamp(seconds: Int64(start) + Int64(hour * 3600 + minute * 60 + second), nanos: 0)
    }

    static func plus(_ instant: Common.Timestamp, seconds: Int64) -> Common.Timestamp {
        Common.Timestamp(seconds: instant.seconds + seconds, nanos: instant.nanos)
    }

    /// Tuesday 10 March 2026.
    static let today = day(3, 10)
    static let now = at(today)

    static let q1 = Common.Period(year: 2026, kind: .quarterly, triwulan: .i)
    static let q2 = Common.Period(year: 2026, kind: .quarterly, triwulan: .ii)
    static let year = Common.Period(year: 2026, kind: .annual)

    static let policy = EffectiveFeedbackPolicy()
    static let calendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026)

    static let atasanStanding = FeedbackStanding(levelsAbove: 1, unitPath: unitPath)
    static let pltStanding = FeedbackStanding(levelsAbove: 1, acting: true, unitPath: unitPath)
    static let kabidStanding = FeedbackStanding(levelsAbove: 2, unitPath: unitPath)
    static let peerStanding = FeedbackStanding(sameAtasan: true, sameUnit: true, unitPath: unitPath)
    static let strangerStanding = FeedbackStanding(unitPath: unitPath)

    static let secret = [UInt8](repeating: 0x5A, count: 32)
    static let otherSecret = [UInt8](repeating: 0xA5, count: 32)

    static func stamp(_ principal: String, _ at: Common.Timestamp = now) -> Common.AuditStamp {
        Common.AuditStamp(principal: principal, principalKind: .user, at: at)
    }

    static func ref(_ nip: String, _ name: String = "Pegawai") -> Common.EmployeeRef {
        Common.EmployeeRef(nip: nip, displayName: name, unitID: unit)
    }

    /// The error `body` throws (nil and an issue when it throws none or another type).
    static func error<T>(_ body: () throws -> T, sourceLocation: SourceLocation = #_sourceLocation) -> FeedbackError? {
        do {
            _ = try body()
            Issue.record("expected a FeedbackError, nothing was thrown", sourceLocation: sourceLocation)
            return nil
        } catch let error as FeedbackError {
            return error
        } catch {
            Issue.record("expected a FeedbackError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    /// The comment above `field` inside `message` of a proto file (for the limits tests).
    static func protoComment(_ message: String, _ field: String, file: String = "feedback/v1/feedback.proto") throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("proto/kinerja/\(file)"), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex(of: "message \(message) {"), "message \(message)")
        let end = try #require(lines[start...].firstIndex(of: "}"))
        let index = try #require(lines[start..<end].firstIndex { $0.range(of: #"^\s+(repeated )?[\w.]+ \#(field) = \d+;"#, options: .regularExpression) != nil },
                                 "\(message).\(field)")
        var out: [String] = []
        var cursor = index - 1
        while cursor > start, lines[cursor].trimmingCharacters(in: .whitespaces).hasPrefix("//") {
            out.insert(lines[cursor].trimmingCharacters(in: .whitespaces).dropFirst(2).trimmingCharacters(in: .whitespaces), at: 0)
            cursor -= 1
        }
        return out.joined(separator: " ")
    }

    /// The whole proto file's text.
    static func protoText(_ file: String = "feedback/v1/feedback.proto") throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("proto/kinerja/\(file)"), encoding: .utf8)
    }
}
