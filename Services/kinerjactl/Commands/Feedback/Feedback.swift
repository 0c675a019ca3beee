import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl feedback`: continuous feedback, dialog kinerja, coaching, 360° rounds and citizen ratings.
    struct Feedback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Feedback, dialog kinerja, coaching, 360° BerAKHLAK rounds and citizen ratings (feedback service).",
            discussion: """
            Every feedback command talks to the feedback service (--feedback, default $KINERJACTL_FEEDBACK_ADDRESS \
            or 127.0.0.1:7404) as the signed-in user, except `ticket issue`, `ticket show` and `rate`, which the \
            queue or kiosk system runs with its own certificate (default --cert citizen-kiosk, no sign-in). \
            Writes carry an idempotency key. Periods are YYYY, YYYY-Q1…Q4 or YYYY-MM; days YYYY-MM-DD (WITA).

            An atasan: give, dialog record, coaching record, dialog behind. An employee: list, ack, ask, \
            dialog confirm, coaching rate, assess, summary. Pengelola kinerja: round open/assign/status/close/cancel, \
            citizen-summary, skm. A kiosk: ticket issue (prints the code and a QR code), rate.
            """,
            subcommands: [
                Give.self, Ask.self, List.self, Ack.self, Dialog.self, Coaching.self, Round.self, Assess.self, Summary.self,
                Ticket.self, Rate.self, CitizenSummary.self, Skm.self,
            ]
        )
    }
}

/// The caller of the feedback service.
typealias FeedbackCaller = SignedInCaller<Feedback.FeedbackService.Client>

extension CommandEnvironment {
    /// Runs `body` as the signed-in user with a caller of feedback (identity refreshes the token).
    static func withFeedback<R>(_ options: ConnectionOptions, _ body: (FeedbackCaller) async throws -> R) async throws -> R {
        try await withSignedIn(Feedback.FeedbackService.Client.self, options, body)
    }

    /// Runs `body` as a machine client (the kiosk): no session, the certificate of --cert, else
    /// $KINERJACTL_CERT, else `citizen-kiosk`.
    static func asKiosk<R>(_ options: ConnectionOptions,
                           _ body: (Feedback.FeedbackService.Client, KioskConnection) async throws -> R) async throws -> R {
        let client = options.client
        let environment = client.environment
        let certificate = client.cert ?? environment[ClientEnvironment.certificate] ?? "citizen-kiosk"
        try MutualTLSClient.checkCertificateName(certificate, source: "--cert")
        let addresses = client.addresses(environment: environment, session: nil)
        let connections = ServiceConnections.mutualTLS(addresses: { try addresses.address(of: $0) }, pki: client.pkiDirectory(environment: environment),
                                                       certificateName: certificate)
        return try await connections.run { connections in
            let kiosk = KioskConnection(feedback: try connections.client(Feedback.FeedbackService.Client.self).client, connections: connections,
                                        policy: client.policy)
            return try await body(kiosk.feedback, kiosk)
        }
    }
}

/// What a kiosk command calls with: feedback, and identity for unit codes (units are open to every
/// mutual-TLS peer, so no sign-in is needed).
struct KioskConnection: Sendable {
    let feedback: Feedback.FeedbackService.Client
    let connections: ServiceConnections
    let policy: CallPolicy

    /// The options of one call (`idempotencyKey` for writes).
    func options(idempotencyKey: String? = nil) -> CallOptions { policy.options(idempotencyKey: idempotencyKey) }

    /// The id of the unit `reference` names (a code is looked up at identity).
    func unitID(_ reference: UnitReference) async throws -> String {
        switch reference.kind {
        case .id(let id): return id
        case .code(let code):
            let identity = try connections.client(Identity.IdentityService.Client.self).client
            let units = try await identity.listUnits(.init(query: code, includeInactive: true, page: Common.PageRequest(pageSize: 500)), options: options())
            guard let unit = units.units.first(where: { $0.code.uppercased() == code.uppercased() }) else {
                throw CLIError(.failure, "no unit with code \(code)", status: .notFound)
            }
            return unit.unitID
        }
    }
}

/// A period on the command line: `2026`, `2026-Q2` (or `2026-TW2`), `2026-07`.
struct PeriodArgument: ExpressibleByArgument, Sendable {
    let value: Common.Period

    init?(argument: String) {
        let parts = argument.uppercased().split(separator: "-")
        guard let year = parts.first.flatMap({ Int32($0) }), (2000...2100).contains(year) else { return nil }
        switch parts.count {
        case 1:
            value = Common.Period(year: year, kind: .annual)
        case 2:
            let rest = String(parts[1])
            let quarters: [Common.Triwulan] = [.i, .ii, .iii, .iv]
            if let number = Int(rest.replacingOccurrences(of: "TW", with: "").replacingOccurrences(of: "Q", with: "")),
               rest.hasPrefix("Q") || rest.hasPrefix("TW") {
                guard (1...4).contains(number) else { return nil }
                value = Common.Period(year: year, kind: .quarterly, triwulan: quarters[number - 1])
            } else if let month = Int32(rest), (1...12).contains(month), rest.count == 2 {
                value = Common.Period(year: year, kind: .monthly, month: month)
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// Checks of feedback command lines made after parsing (exit 64).
enum FeedbackValues {
    /// `text` trimmed, `range` characters long.
    static func text(_ text: String?, option: String, range: ClosedRange<Int>) throws -> String {
        let trimmed = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard range.contains(trimmed.unicodeScalars.count) else {
            throw CLIError.invalidArguments(range.lowerBound == 0 ? "\(option) must be at most \(range.upperBound) characters"
                                                                   : "\(option) must be \(range.lowerBound)–\(range.upperBound) characters")
        }
        return trimmed
    }

    /// The NIP from `given`, else the signed-in user's.
    static func nip(_ given: String?, _ caller: FeedbackCaller, option: String = "--nip") throws -> String {
        if let given { return try ArgumentChecks.nip(given, option: option) }
        return try caller.signedInNIP()
    }

    /// The WITA day range `--from`…`--to` (default: the last 90 days to today).
    static func range(from: DateArgument?, to: DateArgument?) -> Common.DateRange {
        let end = to?.value ?? Wita.today(now: Date())
        let start = from?.value ?? end.adding(days: -89) ?? end
        return Common.DateRange(startDate: start, endDate: end)
    }
}
