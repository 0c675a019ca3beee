import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

/// A contract enum given on the command line by its name without the type prefix, in any case,
/// with `-` or `_`: `--status tugas-belajar`, `--asn-type PNS`.
struct EnumArgument<E: ProtoEnum>: ExpressibleByArgument {
    let value: E

    init(_ value: E) {
        self.value = value
    }

    init?(argument: String) {
        let wanted = argument.uppercased().replacingOccurrences(of: "-", with: "_")
        let prefix = Display.enumPrefix(E.self)
        let match = E.knownCases.first { value in
            guard value.rawValue != 0, let name = value.protoName else { return false }
            return name == wanted || name == prefix + wanted
        }
        guard let match else { return nil }
        value = match
    }

    /// The accepted spellings, for help and errors.
    static var allValueStrings: [String] {
        let prefix = Display.enumPrefix(E.self)
        return E.knownCases.filter { $0.rawValue != 0 }.compactMap { value in
            value.protoName.map { String($0.dropFirst(prefix.count)).lowercased().replacingOccurrences(of: "_", with: "-") }
        }
    }
}

/// A WITA calendar day given as `YYYY-MM-DD`.
struct DateArgument: ExpressibleByArgument {
    let value: Common.Date

    init?(argument: String) {
        guard let date = WITATime.parseDate(argument) else { return nil }
        value = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// Checks made after parsing (exit 64 when they fail).
enum ArgumentChecks {
    /// An 18-digit NIP.
    static func nip(_ text: String, option: String = "NIP") throws -> String {
        guard text.utf8.count == 18, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw CLIError.invalidArguments("\(option) must be 18 digits, not \(text.debugDescription)")
        }
        return text
    }

    /// A person: an 18-digit NIP or a non-ASN identifier (`NONASN.…`, e.g. the Wali Kota, who
    /// signs in, rates the Sekretaris Daerah and is their atasan).
    static func person(_ text: String, option: String = "NIP") throws -> String {
        guard PersonIdentifier.isValid(text) else {
            throw CLIError.invalidArguments("\(option) must be 18 digits or a NONASN. identifier, not \(text.debugDescription)")
        }
        return text
    }

    /// A reason of 1–500 characters for the audit log.
    static func reason(_ text: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 500 else {
            throw CLIError.invalidArguments("--reason must be 1–500 characters")
        }
        return trimmed
    }
}
