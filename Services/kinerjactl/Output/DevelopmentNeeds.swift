import KinerjaProto

/// Development needs from finalised evaluations (issue 15): the employees of a unit whose
/// predikat in a span of the year was Butuh Perbaikan or below. Built from ListEvaluations, one
/// call per span that has begun; the 20 JP competence-development check (PP 17/2020) is not here.
enum DevelopmentNeeds {
    /// The predikat that signal a development need.
    static let predikats: [Common.Predikat] = [.butuhPerbaikan, .kurang, .sangatKurang]

    /// One employee and each finalised span that found a need.
    struct Need: Sendable, Equatable {
        var employee: Common.EmployeeRef
        var findings: [Finding]
        /// The lowest predikat found.
        var worst: Common.Predikat { findings.map(\.predikat).max { rank($0) < rank($1) } ?? .unspecified }
    }

    /// One finalised evaluation at Butuh Perbaikan or below.
    struct Finding: Sendable, Equatable {
        var span: Evaluation.EvaluationSpan
        var predikat: Common.Predikat
        var evaluationID: String
    }

    /// The spans of `year` that have begun by `month` (every span of a past year: month 12): the
    /// year, its semesters, triwulan and months — any of them may hold a finalised period.
    static func spans(year: Int32, through month: Int32) -> [Evaluation.EvaluationSpan] {
        var spans = [Evaluation.EvaluationSpan(year: year, kind: .annual, number: 1)]
        for (kind, count, length) in [(Evaluation.EvaluationPeriodKind.semester, 2, 6), (.quarterly, 4, 3), (.monthly, 12, 1)] {
            for number in 1...count where Int32((number - 1) * length + 1) <= month {
                spans.append(Evaluation.EvaluationSpan(year: year, kind: kind, number: UInt32(number)))
            }
        }
        return spans
    }

    /// The needs among `evaluations` (finalised, Butuh Perbaikan or below; others ignored), one
    /// per employee in NIP order, findings in the order given.
    static func collect(_ evaluations: [Evaluation.EmployeeEvaluation]) -> [Need] {
        var needs: [String: Need] = [:]
        for evaluation in evaluations where evaluation.state == .finalised && predikats.contains(evaluation.predikat) {
            guard let employee = evaluation.employee, let span = evaluation.span else { continue }
            let finding = Finding(span: span, predikat: evaluation.predikat, evaluationID: evaluation.evaluationID)
            needs[employee.nip, default: Need(employee: employee, findings: [])].findings.append(finding)
        }
        return needs.keys.sorted().compactMap { needs[$0] }
    }

    /// Best first: Sangat Baik 0 … Sangat Kurang 4.
    private static let order: [Common.Predikat] = [.sangatBaik, .baik, .butuhPerbaikan, .kurang, .sangatKurang]

    private static func rank(_ predikat: Common.Predikat) -> Int {
        order.firstIndex(of: predikat) ?? -1
    }

    /// The needs as a table: NIP, name, jabatan, lowest predikat, the spans with their predikat.
    static func table(_ needs: [Need]) -> Table {
        var table = Table([Table.Column("NIP", maxWidth: 18), Table.Column("NAMA"), Table.Column("JABATAN"),
                           Table.Column("TERENDAH", maxWidth: 18), Table.Column("PERIODE", maxWidth: 80)])
        for need in needs {
            let spans = need.findings.map { "\(EvalSpans.argument($0.span)) \(EvaluationText.predikat($0.predikat))" }.joined(separator: "; ")
            table.append([need.employee.nip, need.employee.displayName, need.employee.jabatanName, EvaluationText.predikat(need.worst), spans])
        }
        return table
    }
}
