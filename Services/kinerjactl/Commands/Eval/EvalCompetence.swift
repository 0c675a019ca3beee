import ArgumentParser
import Foundation
import KinerjaProto

extension Kinerjactl.Eval {
    /// `kinerjactl eval competence`.
    struct Competence: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Competence development (pengembangan kompetensi) in JP: record, list, withdraw (PP 17/2020: 20 JP a year).",
            subcommands: [List.self, Add.self, Withdraw.self], defaultSubcommand: List.self)

        /// `kinerjactl eval competence list`.
        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "An employee's competence development of a year and its JP total (default: your own, this year).")
            @OptionGroup var connection: ConnectionOptions
            @Option(help: "Employee NIP (default: you).") var nip: String?
            @Option(help: "Year (default: the current WITA year).") var year: Int?

            func validate() throws {
                if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
                if let year { _ = try SkpValues.year(year) }
            }

            func run() async throws {
                let year = try year.map { try SkpValues.year($0) } ?? SkpValues.currentYear()
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    let request = Evaluation.ListCompetenceDevelopmentRequest(nip: try nip ?? caller.signedInNIP(), year: year)
                    return try await caller.call { try await $0.listCompetenceDevelopment(request, options: $1) }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print(CompetenceText.render(response, year: year))
            }
        }

        /// `kinerjactl eval competence add`.
        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Records a competence development activity (yours, or as pengelola kinerja an employee's in scope).",
                discussion: """
                --kind is pendidikan, klasikal (diklat, workshop, seminar, course) or nonklasikal (coaching, mentoring, \
                e-learning, internship). The activity counts in the year of --to, which may not be in the future.
                """)
            @OptionGroup var connection: ConnectionOptions
            @Option(help: "Employee NIP (default: you).") var nip: String?
            @Option(help: "What it was, e.g. \"Pelatihan Kepemimpinan Pengawas\".") var title: String
            @Option(help: "pendidikan, klasikal or nonklasikal.") var kind: String
            @Option(help: ArgumentHelp("First day, YYYY-MM-DD.", valueName: "YYYY-MM-DD")) var from: String
            @Option(help: ArgumentHelp("Last day, YYYY-MM-DD (default: --from).", valueName: "YYYY-MM-DD")) var to: String?
            @Option(help: "Jam pelajaran (45 minutes each), 1–1000.") var jp: UInt32
            @Option(help: "Who held it, e.g. \"BPSDM Provinsi NTT\".") var organiser: String
            @Option(help: "Certificate (STTPP) number.") var certificate: String?

            func validate() throws {
                if let nip { _ = try ArgumentChecks.nip(nip, option: "--nip") }
                _ = try development()
            }

            /// The activity as the options give it; errors name the option.
            func development() throws -> Evaluation.CompetenceDevelopment {
                guard let kind = CompetenceText.kinds[kind.lowercased()] else {
                    throw CLIError.invalidArguments("--kind must be pendidikan, klasikal or nonklasikal, not \(kind.debugDescription)")
                }
                guard let start = WITATime.parseDate(from) else { throw CLIError.invalidArguments("--from must be YYYY-MM-DD, not \(from.debugDescription)") }
                guard let end = WITATime.parseDate(to ?? from) else { throw CLIError.invalidArguments("--to must be YYYY-MM-DD, not \((to ?? "").debugDescription)") }
                var record = Evaluation.CompetenceDevelopment()
                record.title = title
                record.kind = kind
                record.startDate = start
                record.endDate = end
                record.jp = jp
                record.organiser = organiser
                record.certificateNumber = certificate ?? ""
                return record
            }

            func run() async throws {
                let development = try development()
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    let request = Evaluation.RecordCompetenceDevelopmentRequest(nip: try nip ?? caller.signedInNIP(), development: development)
                    return try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-competence-add")) {
                        try await $0.recordCompetenceDevelopment(request, options: $1)
                    }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                let record = response.development ?? development
                print("Recorded \(record.jp) JP for \(record.employee?.nip ?? ""): \(record.title) (id \(record.recordID)).")
            }
        }

        /// `kinerjactl eval competence withdraw`.
        struct Withdraw: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Withdraws a record entered in error (kept in the audit log).")
            @OptionGroup var connection: ConnectionOptions
            @Argument(help: "The record id (eval competence list --json shows it).") var recordID: String
            @Option(help: "Why.") var reason: String

            func validate() throws { _ = try ArgumentChecks.reason(reason) }

            func run() async throws {
                let request = Evaluation.WithdrawCompetenceDevelopmentRequest(recordID: recordID, reason: try ArgumentChecks.reason(reason))
                let response = try await CommandEnvironment.withEvaluation(connection) { caller in
                    try await caller.call(idempotencyKey: CallPolicy.idempotencyKey("eval-competence-withdraw")) {
                        try await $0.withdrawCompetenceDevelopment(request, options: $1)
                    }
                }
                if CommandEnvironment.printJSON(response, connection) { return }
                print("Withdrew \(response.development?.jp ?? 0) JP (\(response.development?.title ?? recordID)).")
            }
        }
    }
}
