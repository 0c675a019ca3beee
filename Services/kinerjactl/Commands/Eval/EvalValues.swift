import ArgumentParser
import KinerjaProto

/// A Hasil Kerja or Perilaku Kerja rating on the command line: `di-atas`, `sesuai`, `di-bawah`
/// (or the contract's full names, `di-atas-ekspektasi` …).
struct RatingArgument: ExpressibleByArgument, Sendable, Hashable {
    let value: Common.Rating

    init(_ value: Common.Rating) {
        self.value = value
    }

    init?(argument: String) {
        switch argument.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "di-atas": value = .diAtasEkspektasi
        case "sesuai": value = .sesuaiEkspektasi
        case "di-bawah": value = .diBawahEkspektasi
        default:
            guard let full = EnumArgument<Common.Rating>(argument: argument) else { return nil }
            value = full.value
        }
    }

    static var allValueStrings: [String] { ["di-atas", "sesuai", "di-bawah"] }
}

/// The text limits of the evaluation contract (evaluation.proto), checked before any call (exit 64).
enum EvalValues {
    /// A rating's reason where it is required (RatingDecision.reason): 10–2000 characters.
    static let requiredRatingReason = 10...2000
    /// A rating's reason where it is optional: at most 2000 characters (the service says when one is required).
    static let optionalRatingReason = 0...2000
    /// A reason to reopen or to override the curve at finalisation: 20–2000 characters.
    static let periodReason = 20...2000
    /// The basis of an organisation rating, or a recommendation's reason: 1–2000 characters.
    static let organisationReason = 1...2000
    /// An organisation rating's reference document: at most 200 characters.
    static let reference = 0...200
    /// A population adjustment's note: 1–500 characters.
    static let adjustmentNote = 1...500
    /// The employee's response when acknowledging: at most 2000 characters.
    static let acknowledgementNote = 0...2000
    /// The atasan's note on one BerAKHLAK value: 1–1000 characters.
    static let valueNote = 1...1000

    /// `text` trimmed, checked against `range` (nil stays nil).
    static func text(_ text: String?, option: String, range: ClosedRange<Int>) throws -> String? {
        guard let text else { return nil }
        return try FeedbackValues.text(text, option: option, range: range)
    }

    /// `VALUE=JUDGEMENT` judgements of the ekspektasi khusus, each value once, with the `VALUE=TEXT`
    /// notes of judged values, in the values' order.
    static func judgements(_ given: [String], notes: [String]) throws -> [Evaluation.ExpectationJudgement] {
        var judgements: [Evaluation.ExpectationJudgement] = []
        for entry in given {
            guard let equals = entry.firstIndex(of: "=") else {
                throw CLIError.invalidArguments("--value must be VALUE=JUDGEMENT, e.g. akuntabel=di-atas")
            }
            guard let value = EnumArgument<Common.BerakhlakValue>(argument: String(entry[..<equals]))?.value else {
                throw CLIError.invalidArguments("--value: \(entry[..<equals]) is not a BerAKHLAK value ("
                    + EnumArgument<Common.BerakhlakValue>.allValueStrings.joined(separator: ", ") + ")")
            }
            guard let judgement = RatingArgument(argument: String(entry[entry.index(after: equals)...])),
                  judgement.value != .unspecified else {
                throw CLIError.invalidArguments("--value \(Display.name(value)): the judgement must be di-atas, sesuai or di-bawah")
            }
            guard !judgements.contains(where: { $0.value == value }) else {
                throw CLIError.invalidArguments("--value: \(Display.name(value)) is given twice")
            }
            judgements.append(Evaluation.ExpectationJudgement(value: value, judgement: judgement.value))
        }
        for note in try valueNotes(notes, option: "--note") {
            guard let index = judgements.firstIndex(where: { $0.value == note.value }) else {
                throw CLIError.invalidArguments("--note \(Display.name(note.value)): judge the value too (--value)")
            }
            judgements[index].note = note.note
        }
        let order = FeedbackText.values.map(\.value)
        return judgements.sorted { (order.firstIndex(of: $0.value) ?? 0) < (order.firstIndex(of: $1.value) ?? 0) }
    }

    /// `VALUE=TEXT` notes on BerAKHLAK values, each value once, in the values' order.
    static func valueNotes(_ given: [String], option: String = "--value-note") throws -> [Evaluation.PerilakuValueNote] {
        var notes: [Evaluation.PerilakuValueNote] = []
        for entry in given {
            guard let equals = entry.firstIndex(of: "=") else {
                throw CLIError.invalidArguments("\(option) must be VALUE=TEXT, e.g. akuntabel=\"Selalu tepat waktu\"")
            }
            guard let value = EnumArgument<Common.BerakhlakValue>(argument: String(entry[..<equals]))?.value else {
                throw CLIError.invalidArguments("\(option): \(entry[..<equals]) is not a BerAKHLAK value ("
                    + EnumArgument<Common.BerakhlakValue>.allValueStrings.joined(separator: ", ") + ")")
            }
            guard !notes.contains(where: { $0.value == value }) else {
                throw CLIError.invalidArguments("\(option): \(Display.name(value)) is given twice")
            }
            let text = try FeedbackValues.text(String(entry[entry.index(after: equals)...]), option: "\(option) \(Display.name(value))",
                                               range: valueNote)
            notes.append(Evaluation.PerilakuValueNote(value: value, note: text))
        }
        let order = FeedbackText.values.map(\.value)
        return notes.sorted { (order.firstIndex(of: $0.value) ?? 0) < (order.firstIndex(of: $1.value) ?? 0) }
    }
}
