import ArgumentParser
import Foundation
import KinerjaASN
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl report`: daily reports, verification, progress and compliance on the reporting service.
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Daily reports (laporan harian) with evidence, verification, progress and compliance (reporting service).",
            discussion: """
            Every report command talks to the reporting service (--reporting, default $KINERJACTL_REPORTING_ADDRESS \
            or 127.0.0.1:7403) with the session of `kinerjactl login`; IKIs are looked up on the planning service \
            (--planning). Writes carry an idempotency key. Days are WITA days (YYYY-MM-DD); an IKI is named by its \
            id or by its number as `skp show` prints it (RHK.IKI, e.g. 1.2).

            The pegawai: report submit … --evidence foto.jpg → report list → report progress. A week at once: \
            report week --csv minggu.csv. The atasan: report inbox → report show ID → report verify ID… or \
            report reject ID… --reason …; report team; report revoke ID --reason …. Pengelola kinerja: \
            report compliance --unit KPG.DUKCAPIL, report absences, report holidays.
            """,
            subcommands: [
                Submit.self, Week.self, List.self, Show.self, Withdraw.self, Inbox.self, Verify.self, Reject.self, Revoke.self,
                Progress.self, Team.self, Compliance.self, Absences.self, Holidays.self, Download.self,
            ]
        )
    }
}

/// The caller of the reporting service.
typealias ReportingCaller = SignedInCaller<Reporting.ReportingService.Client>

extension CommandEnvironment {
    /// Runs `body` as the signed-in user with a caller of reporting (identity refreshes the token).
    static func withReporting<R>(_ options: ConnectionOptions, _ body: (ReportingCaller) async throws -> R) async throws -> R {
        try await withSignedIn(Reporting.ReportingService.Client.self, options, body)
    }
}

/// `--year`, `--triwulan`, `--month`: the period of a progress view (default: the current year).
struct PeriodOptions: ParsableArguments {
    @Option(help: "Year (default: the current WITA year).") var year: Int?
    @Option(help: "Triwulan: i, ii, iii or iv.") var triwulan: EnumArgument<Common.Triwulan>?
    @Option(help: "Month 1–12.") var month: Int?

    /// The period the options name.
    func period() throws -> Common.Period {
        let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
        if triwulan != nil, month != nil { throw CLIError.invalidArguments("give --triwulan or --month, not both") }
        if let triwulan { return Common.Period(year: year, kind: .quarterly, triwulan: triwulan.value) }
        if let month {
            guard (1...12).contains(month) else { throw CLIError.invalidArguments("--month must be 1–12") }
            return Common.Period(year: year, kind: .monthly, month: Int32(month))
        }
        return Common.Period(year: year, kind: .annual)
    }

    func validate() throws { _ = try period() }
}

/// Reads what report commands need from planning and identity.
enum ReportLookup {
    /// Today in WITA.
    static var today: Common.Date { Wita.today(now: Date()) }

    /// The signed-in user's (or `nip`'s) targets for `period` from planning (provisional ones too).
    static func targets(nip: String, period: Common.Period, _ caller: ReportingCaller) async throws -> Planning.EmployeeTargets {
        let planning = try caller.session.caller(Planning.PlanningService.Client.self)
        let response = try await planning.call {
            try await $0.getTargets(Planning.GetTargetsRequest(nip: nip, period: period, allowProvisional: true), options: $1)
        }
        return response.targets ?? Planning.EmployeeTargets()
    }

    /// The IKI `reference` names in `targets`: its id, or `RHK.IKI` numbers in SKP order.
    static func iki(_ reference: String, in targets: Planning.EmployeeTargets) throws -> Planning.IkiTarget {
        if let found = targets.targets.first(where: { $0.ikiID == reference }) { return found }
        if let number = ReportText.number(reference), let found = ReportText.numbered(targets).first(where: { $0.number == number }) {
            return found.target
        }
        let known = ReportText.numbered(targets).map { "\($0.number) \($0.target.indicator)" }.joined(separator: "; ")
        throw CLIError(.invalidArguments, "no IKI \(reference) in your SKP" + (known.isEmpty ? " (planning has no SKP of yours for the year)" : ": \(known)"))
    }

    /// Names of employees by NIP (best effort: a failed look-up leaves NIPs).
    static func names(_ nips: Set<String>, _ caller: ReportingCaller) async -> [String: String] {
        var out: [String: String] = [:]
        let wanted = Array(nips.filter { !$0.isEmpty }).sorted()
        var start = 0
        while start < wanted.count {
            let batch = Array(wanted[start..<min(start + 500, wanted.count)])
            start += 500
            if let response = try? await caller.identity.call({ try await $0.batchGetEmployees(.init(nips: batch), options: $1) }) {
                for employee in response.employees { out[employee.nip] = Display.name(of: employee) }
            }
        }
        return out
    }

    /// The unit id a reference names (a code is looked up at identity).
    static func unitID(_ reference: UnitReference, _ caller: ReportingCaller) async throws -> String {
        try await UnitLookup.unitID(reference, caller.identity)
    }
}
