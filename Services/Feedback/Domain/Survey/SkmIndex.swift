public import KinerjaASN
public import KinerjaProto

/// The Survei Kepuasan Masyarakat of PermenPANRB 14/2017: a unit's IKM (indeks kepuasan
/// masyarakat) from the nine unsur, each answered 1–4.
///
/// - **NRR** per unsur = the sum of its answers ÷ respondents.
/// - **NRR tertimbang** per unsur = NRR × 1/9 (each unsur weighs the same, 1/9).
/// - **Nilai interval** = Σ NRR tertimbang (1–4).
/// - **IKM** = nilai interval × 25 (25–100), rounded half-up to two decimals.
/// - **Mutu pelayanan** by the IKM: A Sangat Baik 88.31–100.00, B Baik 76.61–88.30,
///   C Kurang Baik 65.00–76.60, D Tidak Baik 25.00–64.99 (the regulation's nilai interval
///   3.5324–4.00, 3.0644–3.532, 2.60–3.064, 1.00–2.5996, × 25).
///
/// The weight is exactly 1/9: practice tables that print it as 0.111 get 99.90 for all answers 4
/// where the exact weight gives 100.00. Everything is computed in integers (the answers are
/// integers): IKM × 100 = 2500 × (sum of all answers) ÷ (9 × respondents), so 88.305 and other
/// boundary values round the same on every machine.
///
/// Respondents are usable citizen ratings carrying the nine answers; below the policy's minimum
/// sample the figures are withheld (*inference*: the regulation sizes samples by population; we
/// apply the same floor as the citizen figures).
public enum SkmIndex {
    /// The unit's SKM summary from the answer sets of its respondents (each: nine answers).
    ///
    /// - Parameters:
    ///   - respondents: one answer set per usable rating that carries the survey; sets that are
    ///     not the nine unsur once each with scores 1–4 are ignored.
    ///   - minimumSample: the least respondents before figures are shown.
    public static func summary(unitID: String, days: WitaDayRange, respondents: [[Feedback.SkmAnswer]], minimumSample: Int) -> Feedback.SkmSummary {
        let complete = respondents.compactMap { try? CitizenRatingRules.skmAnswers($0) }.filter { $0.count == 9 }
        var out = Feedback.SkmSummary()
        out.unitID = unitID
        out.dateRange = days.dateRange
        out.respondentCount = UInt32(complete.count)
        out.minimumSample = UInt32(minimumSample)
        guard !complete.isEmpty, complete.count >= minimumSample else {
            out.withheld = true
            out.withheldReason = complete.isEmpty ? .noResponses : .belowMinimumSample
            return out
        }
        let n = complete.count
        var grandTotal = 0
        for unsur in Feedback.SkmUnsur.nine {
            let sum = complete.reduce(0) { total, answers in total + Int(answers.first { $0.unsur == unsur }?.score ?? 0) }
            grandTotal += sum
            let nrr = Double(sum) / Double(n)
            let converted = hundredths(2500 * sum, n)
            out.unsur.append(Feedback.SkmUnsurResult(unsur: unsur, nrr: nrr, nrrTertimbang: nrr / 9,
                                                     converted: Double(converted) / 100, mutu: mutu(hundredths: converted)))
        }
        out.nilaiInterval = Double(grandTotal) / Double(9 * n)
        let ikm = hundredths(2500 * grandTotal, 9 * n)
        out.ikm = Double(ikm) / 100
        out.mutu = mutu(hundredths: ikm)
        return out
    }

    /// The mutu pelayanan of an IKM given in hundredths (8831 = 88.31).
    public static func mutu(hundredths ikm: Int) -> Feedback.SkmMutu {
        switch ikm {
        case 8831...: .aSangatBaik
        case 7661..<8831: .bBaik
        case 6500..<7661: .cKurangBaik
        case 2500..<6500: .dTidakBaik
        default: .unspecified
        }
    }

    /// The mutu pelayanan of an IKM as published, with two decimals (e.g. 88.31).
    public static func mutu(ikm: Double) -> Feedback.SkmMutu {
        guard ikm.isFinite else { return .unspecified }
        return mutu(hundredths: Int((ikm * 100).rounded(.toNearestOrAwayFromZero)))
    }

    /// `numerator ÷ denominator` rounded half-up to an integer (both non-negative, denominator > 0).
    private static func hundredths(_ numerator: Int, _ denominator: Int) -> Int {
        (2 * numerator + denominator) / (2 * denominator)
    }
}
