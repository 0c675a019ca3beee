import KinerjaDemo
import KinerjaProto

/// The demo's decisions for the Kupang organisation, from a seed: each unit's organisation rating,
/// and each employee's two ratings with their reasons — the system's proposals where there are
/// some, the curve of the unit respected (``DistributionCurve``, checked by ``CurveCheck``), a few
/// departures from the proposal with reasons, and one lenient rater who gives their whole team
/// Sangat Baik (what ``RaterLeniency`` is there to show).
///
/// Pure: the same seed and inputs give the same decisions; the seeder stores them through the same
/// rules the RPCs use (``RatingDecisionRules``), so every departure is a recorded override.
struct KupangEvaluationDemo {
    /// One employee as the demo rates them.
    struct Person: Sendable {
        var nip: String
        /// The system's proposals (UNSPECIFIED where none).
        var proposedHasilKerja: Common.Rating
        var proposedPerilaku: Common.Rating
        /// Leads the evaluated unit (Hasil Kerja follows the organisation rating).
        var leader: Bool
        /// Their pejabat penilai's NIP.
        var rater: String
        /// How well the evidence went (weighted share above minus share below), to choose whom the curve moves.
        var merit: Double
    }

    /// One employee's two ratings with the reasons the atasan would write.
    struct Decision: Sendable, Equatable {
        var nip: String
        var hasilKerja: Common.Rating
        var hasilKerjaReason: String
        var perilaku: Common.Rating
        var perilakuReason: String
    }

    let seed: UInt64

    /// The organisation rating of a unit for a triwulan: mostly Baik, some Istimewa, now and then
    /// Butuh Perbaikan; `forcedBaik` units (the lenient rater's) are always Baik.
    func organisationRating(unitCode: String, span: String, forcedBaik: Bool) -> Common.OrganisationRating {
        if forcedBaik { return .baik }
        var random = SeededRandom(seed: seed, salt: "org-rating:\(unitCode):\(span)")
        let draw = random.below(100)
        return draw < 70 ? .baik : draw < 90 ? .istimewa : .butuhPerbaikan
    }

    /// The ratings of a unit's employees under `organisation`, the curve respected.
    func decide(_ people: [Person], organisation: Common.OrganisationRating, lenientRater: String?, span: String) -> [Decision] {
        var random = SeededRandom(seed: seed, salt: "ratings:\(span)")
        var decisions: [String: Decision] = [:]
        for person in people {
            var hk = person.proposedHasilKerja.isRated ? person.proposedHasilKerja : .sesuaiEkspektasi
            var hkReason = person.proposedHasilKerja.isRated ? "" : "Tanpa usulan sistem: atasan menilai dari hasil kerja yang diamati langsung."
            if person.leader {
                hk = UnitLeaderRating.hasilKerja(for: organisation)
                hkReason = "Pimpinan unit: hasil kerja mengikuti predikat kinerja organisasi (SE MenPANRB 3/2023)."
            }
            var pk = person.proposedPerilaku.isRated ? person.proposedPerilaku : .sesuaiEkspektasi
            if !person.proposedPerilaku.isRated, hk == .diAtasEkspektasi, random.chance(perMille: 300) { pk = .diAtasEkspektasi }
            // A few departures from the proposal, as atasan make them, with their reasons.
            if person.proposedHasilKerja.isRated, !person.leader, random.chance(perMille: 40) {
                hk = hk == .diBawahEkspektasi ? .sesuaiEkspektasi : hk
                if hk != person.proposedHasilKerja {
                    hkReason = "Sebagian besar target tertunda karena pengadaan blanko dari pusat terlambat, bukan karena kinerja pegawai; dibahas dalam dialog kinerja."
                }
            }
            if let lenientRater, person.rater == lenientRater, !person.leader {
                hk = .diAtasEkspektasi
                pk = .diAtasEkspektasi
                hkReason = "Seluruh anggota tim bekerja sangat baik triwulan ini menurut pengamatan atasan."
            }
            decisions[person.nip] = Decision(nip: person.nip, hasilKerja: hk, hasilKerjaReason: hkReason, perilaku: pk, perilakuReason: "")
        }
        fitCurve(&decisions, people: people, organisation: organisation, lenientRater: lenientRater)
        return people.compactMap { person -> Decision? in
            guard var decision = decisions[person.nip] else { return nil }
            if decision.hasilKerja != person.proposedHasilKerja, person.proposedHasilKerja.isRated, decision.hasilKerjaReason.isEmpty {
                decision.hasilKerjaReason = "Disesuaikan dengan kurva distribusi unit (SE MenPANRB 3/2023) setelah membandingkan capaian seluruh pegawai unit."
            }
            switch decision.perilaku {
            case .diAtasEkspektasi:
                decision.perilakuReason = "Perilaku di atas ekspektasi: berorientasi pelayanan dan kolaboratif, tercatat dalam umpan balik berkelanjutan."
            case .diBawahEkspektasi:
                decision.perilakuReason = "Perilaku di bawah ekspektasi: disiplin dan akuntabilitas perlu dibina; dibahas dalam dialog kinerja."
            default:
                if decision.perilaku != person.proposedPerilaku, person.proposedPerilaku.isRated {
                    decision.perilakuReason = "Disesuaikan dengan pengamatan atasan selama triwulan dan kurva distribusi unit."
                }
            }
            return decision
        }
    }

    /// Moves as few employees as needed (those whose evidence fits the move best, never the leader
    /// or the lenient rater's team) until every quota of the curve holds.
    private func fitCurve(_ decisions: inout [String: Decision], people: [Person], organisation: Common.OrganisationRating, lenientRater: String?) {
        let movable = people.filter { !$0.leader && $0.rater != lenientRater }
        let best = movable.sorted { ($0.merit, $1.nip) > ($1.merit, $0.nip) }
        let worst = Array(best.reversed())
        func predikat(_ nip: String) -> Common.Predikat {
            guard let decision = decisions[nip] else { return .unspecified }
            return PredikatMatrix.predikat(hasilKerja: decision.hasilKerja, perilaku: decision.perilaku)
        }
        func set(_ nip: String, to target: Common.Predikat) {
            let (hk, pk): (Common.Rating, Common.Rating) = switch target {
            case .sangatBaik: (.diAtasEkspektasi, .diAtasEkspektasi)
            case .butuhPerbaikan: (.diBawahEkspektasi, .sesuaiEkspektasi)
            case .kurang: (.sesuaiEkspektasi, .diBawahEkspektasi)
            case .sangatKurang: (.diBawahEkspektasi, .diBawahEkspektasi)
            default: (.sesuaiEkspektasi, .sesuaiEkspektasi)
            }
            decisions[nip]?.hasilKerja = hk
            decisions[nip]?.perilaku = pk
        }
        for _ in 0..<4 {
            let quotas = DistributionCurve.quotas(for: organisation, population: people.count)
            var changed = false
            for quota in quotas {
                let held = people.filter { quota.rule.predikats.contains(predikat($0.nip)) }.count
                if held > quota.maxCount {
                    // Too many: the best move up (Baik → Sangat Baik where Sangat Baik is free), else the worst move down to Baik.
                    let up = quota.rule.predikats.contains(.baik) && organisation == .baik
                    for person in (up ? best : worst).filter({ quota.rule.predikats.contains(predikat($0.nip)) }).prefix(held - quota.maxCount) {
                        set(person.nip, to: up ? .sangatBaik : .baik)
                        changed = true
                    }
                } else if held < quota.minCount, let first = quota.rule.predikats.first {
                    for person in worst.filter({ !quota.rule.predikats.contains(predikat($0.nip)) }).prefix(quota.minCount - held) {
                        set(person.nip, to: first)
                        changed = true
                    }
                }
            }
            if !changed { break }
        }
    }
}
