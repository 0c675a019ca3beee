import ArgumentParser
import KinerjaProto

extension Kinerjactl {
    /// `kinerjactl eval`: periods, the organisation rating, the curve, proposals, ratings,
    /// finalisation, leniency and the export on the evaluation service.
    struct Eval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Evaluation periods, the distribution curve, proposals, ratings, finalisation, leniency and export (evaluation service).",
            discussion: """
            Every eval command talks to the evaluation service (--evaluation, default $KINERJACTL_EVALUATION_ADDRESS \
            or 127.0.0.1:7405) as the signed-in user; units are looked up on identity. Writes carry an idempotency \
            key. A period is named by --period: its id, or YYYY, YYYY-Q1…Q4 (or TW1…TW4), YYYY-S1|S2, YYYY-MM \
            together with --unit (the unit's period of that span).

            Pengelola kinerja: periods open → population adjust → org-rating recommend → propose → quotas → \
            leniency → export. The pimpinan above the unit: org-rating set → quotas → finalise (with \
            --override-reason over a breach) → periods reopen. The pejabat penilai: show → judge → rate. The pegawai: \
            show --period … → ack. Anyone: matrix.
            """,
            subcommands: [
                Periods.self, Population.self, OrgRating.self, Quotas.self, Propose.self, Show.self, Rate.self, Judge.self, Ack.self,
                Finalise.self, Leniency.self, Export.self, Matrix.self,
                // Documents and plots.
                PrintDocument.self, VerifyDocument.self, Distribution.self, Summary.self,
                // Tindak lanjut.
                AngkaKredit.self, Tpp.self, TppRule.self, Siasn.self, SiasnReferences.self, DevelopmentNeedsCommand.self, Competence.self,
            ]
        )
    }
}

/// The caller of the evaluation service.
typealias EvaluationCaller = SignedInCaller<Evaluation.EvaluationService.Client>

extension CommandEnvironment {
    /// Runs `body` as the signed-in user with a caller of evaluation (identity refreshes the token).
    static func withEvaluation<R>(_ options: ConnectionOptions, _ body: (EvaluationCaller) async throws -> R) async throws -> R {
        try await withSignedIn(Evaluation.EvaluationService.Client.self, options, body)
    }
}
