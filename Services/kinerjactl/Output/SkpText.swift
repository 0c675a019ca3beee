import KinerjaProto

/// Names the SKP itself does not carry, looked up by the command (best effort): employees by
/// NIP (the pejabat penilai, owners of parent RHKs), the unit's name, and the owner's current
/// atasan for a draft (whose pejabat penilai is only recorded at submission).
struct SkpNames: Equatable {
    var employees: [String: String] = [:]
    var unitName: String?
    var currentAtasan: Common.EmployeeRef?
}

/// How an SKP reads for `skp show`: a header (with the approval stamp), then each RHK with its
/// cascade link (type and peran), review flag and IKI table (annual and TW I–IV targets), the
/// ekspektasi khusus per BerAKHLAK value, their amendments after approval, and the Lampiran.
/// Pure: the same SKP always renders to the same text.
enum SkpText {
    static let triwulanNames = ["TW I", "TW II", "TW III", "TW IV"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `1200`, `12.5`: integers without a fraction, others in the shortest exact form.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// A target as read on an SKP form: `1200 dokumen`, `80–100 persen`, `≤ 3 hari` (lower is
    /// better), or the descriptive text of a Kualitatif target; `number` writes the values
    /// (the printed form uses Indonesian numerals, ``IndonesianNumber``).
    static func target(_ target: Planning.Target?, approach: Planning.SkpApproach,
                       number: (Double) -> String = SkpText.number) -> String {
        guard let target else { return "—" }
        let unit = target.unit.isEmpty ? "" : " " + target.unit
        var numeric: String
        if let upper = target.upperValue {
            numeric = number(target.value) + "–" + number(upper.value) + unit
        } else if target.direction == .lowerIsBetter {
            numeric = "≤ " + number(target.value) + unit
        } else {
            numeric = number(target.value) + unit
        }
        if approach == .kualitatif {
            let hasNumber = target.value != 0 || target.upperValue != nil || !target.unit.isEmpty
            if target.qualitativeText.isEmpty { return hasNumber ? numeric : "—" }
            return hasNumber ? target.qualitativeText + " (" + numeric + ")" : target.qualitativeText
        }
        if !target.qualitativeText.isEmpty { numeric += " — " + target.qualitativeText }
        return numeric
    }

    /// A periodic target's value: `300`, or `s.d. 600` when cumulative from January.
    static func periodic(_ target: Planning.PeriodicTarget) -> String {
        (target.cumulative ? "s.d. " : "") + number(target.value)
    }

    /// The TW I–IV cells of an IKI ("—" where no quarterly target is set).
    static func quarterCells(_ iki: Planning.Iki) -> [String] {
        let triwulans: [Common.Triwulan] = [.i, .ii, .iii, .iv]
        return triwulans.map { triwulan in
            iki.periodicTargets.first { $0.period?.kind == .quarterly && $0.period?.triwulan == triwulan }.map(periodic) ?? "—"
        }
    }

    /// `Jan 100, Feb s.d. 200, …` for monthly targets; nil when there are none.
    static func monthly(_ iki: Planning.Iki) -> String? {
        let months = iki.periodicTargets.filter { $0.period?.kind == .monthly }
            .sorted { ($0.period?.month ?? 0) < ($1.period?.month ?? 0) }
        guard !months.isEmpty else { return nil }
        return months.map { target in
            let month = Int(target.period?.month ?? 0)
            return ((1...12).contains(month) ? monthNames[month - 1] : "M\(month)") + " " + periodic(target)
        }.joined(separator: ", ")
    }

    /// `Name (NIP)`, or the NIP alone when the name is not known; "—" for no NIP.
    static func person(_ nip: String, _ name: String?) -> String {
        guard !nip.isEmpty else { return "—" }
        guard let name, !name.isEmpty else { return nip }
        return "\(name) (\(nip))"
    }

    /// `Name (NIP)` of an employee reference.
    static func person(_ ref: Common.EmployeeRef?) -> String {
        guard let ref else { return "—" }
        return person(ref.nip, ref.displayName)
    }

    /// `2026-01-05 09:00 WITA by 1985…`; "—" when absent.
    static func stamp(_ stamp: Common.AuditStamp?) -> String {
        guard let stamp else { return "—" }
        return WITATime.format(stamp.at) + (stamp.principal.isEmpty ? "" : " by " + stamp.principal)
    }

    /// `version 2, Draft, revision 7`: what a write leaves behind.
    static func state(_ skp: Planning.Skp) -> String {
        "version \(skp.version), \(Display.name(skp.state)), revision \(skp.revision)"
    }

    /// The RHK's number on the form: its position, else its place in the list.
    static func rhkNumber(_ rhk: Planning.Rhk, index: Int) -> Int {
        rhk.position > 0 ? Int(rhk.position) : index + 1
    }

    // MARK: The whole SKP.

    /// The complete `skp show` text.
    static func render(_ skp: Planning.Skp, approvedVersion: UInt32 = 0, names: SkpNames = SkpNames(),
                       newAmendments: [Planning.ExpectationAmendment] = []) -> String {
        var blocks = [header(skp, approvedVersion: approvedVersion, names: names).render()]
        if !newAmendments.isEmpty {
            blocks.append("★ \(newAmendments.count) new amendment\(newAmendments.count == 1 ? "" : "s") of your ekspektasi khusus since "
                + "you last read this SKP (below).")
        }
        if skp.rhks.isEmpty {
            blocks.append("No RHK yet: add one with `kinerjactl skp add-rhk \(skp.skpID) --kind utama --text …`.")
        }
        for (index, rhk) in skp.rhks.enumerated() {
            blocks.append(self.rhk(rhk, index: index, skp: skp, names: names).joined(separator: "\n"))
        }
        blocks.append(expectations(skp).joined(separator: "\n"))
        if !skp.amendments.isEmpty {
            let fresh = Set(newAmendments.map(\.amendmentID))
            blocks.append(amendments(skp, new: fresh).joined(separator: "\n"))
        }
        blocks.append(lampiran(skp.lampiran).joined(separator: "\n"))
        return blocks.joined(separator: "\n\n")
    }

    /// The header fields.
    static func header(_ skp: Planning.Skp, approvedVersion: UInt32, names: SkpNames) -> FieldList {
        var fields = FieldList()
        fields.append("SKP", skp.skpID)
        fields.append("Pegawai", person(skp.nip.isEmpty ? skp.employee?.nip ?? "" : skp.nip, skp.employee?.displayName))
        let jabatan = skp.employee?.jabatanName ?? ""
        let jenis = skp.jenisJabatan == .unspecified ? "" : Display.name(skp.jenisJabatan)
        fields.append("Jabatan", jenis.isEmpty ? jabatan : jabatan.isEmpty ? jenis : "\(jabatan) (\(jenis))")
        let period = (skp.periodStart != nil || skp.periodEnd != nil)
            ? " (\(WITATime.format(skp.periodStart)) – \(WITATime.format(skp.periodEnd)))" : ""
        fields.append("Year", "\(skp.year)" + period)
        var version = "\(skp.version) — \(Display.name(skp.state)), revision \(skp.revision)"
        if approvedVersion > 0, approvedVersion != skp.version { version += " (approved version in force: \(approvedVersion))" }
        fields.append("Version", version)
        fields.append("Approach", skp.approach == .unspecified ? "" : Display.name(skp.approach))
        if !skp.atasanNIP.isEmpty {
            fields.append("Pejabat penilai", person(skp.atasanNIP, names.employees[skp.atasanNIP]))
        } else if let atasan = names.currentAtasan, !atasan.nip.isEmpty {
            fields.append("Pejabat penilai", "— (recorded at submission; atasan now: \(person(atasan)))")
        } else {
            fields.append("Pejabat penilai", "— (recorded at submission)")
        }
        fields.append("Unit", names.unitName.map { "\($0) (\(skp.unitID))" } ?? skp.unitID)
        fields.append("Decision note", skp.decisionNote)
        if skp.version > 1 || !skp.revisionReason.isEmpty { fields.append("Revision reason", skp.revisionReason) }
        fields.append("Created", stamp(skp.created))
        fields.append("Submitted", stamp(skp.submitted))
        fields.append("Decided", stamp(skp.decided))
        if let approval = skp.approval {
            fields.append("Approval stamp", "version \(approval.version), \(WITATime.format(approval.at)), "
                + penilai(approval.penilai))
            fields.append("SHA-256", approval.bodySha256)
        }
        return fields
    }

    /// One RHK: title, text, cascade link, perspektif, penugasan, review flag, IKI table.
    static func rhk(_ rhk: Planning.Rhk, index: Int, skp: Planning.Skp, names: SkpNames) -> [String] {
        var lines = ["RHK \(rhkNumber(rhk, index: index)) · \(Display.name(rhk.kind)) · \(rhk.rhkID)"]
        lines.append("  " + TerminalText.sanitized(rhk.text))
        if !rhk.parentRhkID.isEmpty {
            let owner = person(rhk.parentOwnerNIP, names.employees[rhk.parentOwnerNIP])
            let text = rhk.parentRhkText.isEmpty ? rhk.parentRhkID : "\"\(rhk.parentRhkText)\""
            lines.append("  Intervenes: " + TerminalText.sanitized("\(text) — RHK of \(owner)"))
            let type = rhk.cascadeType == .unspecified ? "— (say direct or non-direct before submitting)" : Display.name(rhk.cascadeType)
            lines.append("  Cascade: " + type + (rhk.peran.isEmpty ? "" : " · peran: " + TerminalText.sanitized(rhk.peran)))
        } else if rhk.kind == .utama {
            lines.append("  Intervenes: — (no parent RHK)")
        }
        if rhk.perspektif != .unspecified {
            lines.append("  Perspektif: " + Display.name(rhk.perspektif))
        } else if skp.jenisJabatan == .jpt {
            lines.append("  Perspektif: — (required on a JPT SKP)")
        }
        if !rhk.penugasan.isEmpty { lines.append("  Penugasan: " + TerminalText.sanitized(rhk.penugasan)) }
        if let flag = rhk.reviewFlag { lines.append("  " + reviewWarning(flag, rhkID: rhk.rhkID)) }
        if rhk.ikis.isEmpty {
            lines.append("  No IKI yet: add one with `kinerjactl skp add-iki \(skp.skpID) \(rhk.rhkID) …`.")
        } else {
            lines += ikiTable(rhk.ikis, approach: skp.approach).render().split(separator: "\n").map { "  " + $0 }
            for (index, iki) in rhk.ikis.enumerated() {
                if let monthly = monthly(iki) { lines.append("  IKI \(ikiNumber(iki, index: index)) monthly: " + monthly) }
            }
        }
        return lines
    }

    /// `⚠ Review needed: …` for a flagged RHK, with what to do about it.
    static func reviewWarning(_ flag: Planning.RhkReviewFlag, rhkID: String) -> String {
        let summary = flag.changeSummary.isEmpty ? "" : " (\(TerminalText.sanitized(flag.changeSummary)))"
        if flag.parentRemoved {
            return "⚠ Review needed: the parent RHK was removed\(summary), flagged \(WITATime.format(flag.flaggedAt)); "
                + "link another with `kinerjactl skp update-rhk \(rhkID) --parent …`"
        }
        return "⚠ Review needed: the parent RHK changed\(summary), revision \(flag.parentRevisionSeen) → "
            + "\(flag.parentRevisionCurrent), flagged \(WITATime.format(flag.flaggedAt)); check the link, then "
            + "`kinerjactl skp acknowledge \(rhkID) --note …`"
    }

    static func ikiNumber(_ iki: Planning.Iki, index: Int) -> Int {
        iki.position > 0 ? Int(iki.position) : index + 1
    }

    /// The IKIs of one RHK: aspek, indicator, annual target, TW I–IV, IKI id.
    static func ikiTable(_ ikis: [Planning.Iki], approach: Planning.SkpApproach) -> Table {
        var table = Table([.init("#", alignRight: true), .init("ASPEK", maxWidth: 9), .init("INDICATOR", maxWidth: 48),
                           .init("TARGET", maxWidth: 40), .init("TW I", maxWidth: 10, alignRight: true),
                           .init("TW II", maxWidth: 10, alignRight: true), .init("TW III", maxWidth: 10, alignRight: true),
                           .init("TW IV", maxWidth: 10, alignRight: true), .init("IKI ID", maxWidth: 26)])
        for (index, iki) in ikis.enumerated() {
            table.append([String(ikiNumber(iki, index: index)), Display.name(iki.aspek), iki.indicator,
                          target(iki.annualTarget, approach: approach)] + quarterCells(iki) + [iki.ikiID])
        }
        return table
    }

    /// The ekspektasi khusus, one line per BerAKHLAK value (whole SKP) and per value and RHK.
    static func expectations(_ skp: Planning.Skp) -> [String] {
        var fields = FieldList()
        let numbers = Dictionary(skp.rhks.enumerated().map { ($1.rhkID, rhkNumber($1, index: $0)) },
                                 uniquingKeysWith: { first, _ in first })
        for value in Common.BerakhlakValue.knownCases where value != .unspecified {
            let matching = skp.behaviourExpectations.filter { $0.value == value }
                .sorted { (numbers[$0.rhkID] ?? ($0.rhkID.isEmpty ? 0 : Int.max)) < (numbers[$1.rhkID] ?? ($1.rhkID.isEmpty ? 0 : Int.max)) }
            if matching.isEmpty { fields.append(Display.name(value), "") }
            for expectation in matching {
                let scope = expectation.rhkID.isEmpty ? "" : " (RHK \(numbers[expectation.rhkID].map(String.init) ?? expectation.rhkID))"
                fields.append(TerminalText.sanitized(Display.name(value) + scope), expectation.ekspektasiKhusus)
            }
        }
        return ["Ekspektasi khusus (BerAKHLAK)"] + fields.render().split(separator: "\n").map { "  " + $0 }
    }

    /// `Name (NIP), Plt, decree …` of a pejabat penilai as recorded.
    static func penilai(_ ref: Common.PenilaiRef?) -> String {
        guard let ref, let who = ref.penilai else { return "—" }
        var text = person(who)
        switch ref.kind {
        case .atasanLangsung: text += ", atasan langsung"
        case .plt, .plh: text += ", \(Display.name(ref.kind).uppercased())" + (ref.decreeNumber.isEmpty ? "" : " (\(ref.decreeNumber))")
        case .external: text += ", non-ASN"
        default: break
        }
        return text
    }

    /// The amendments of the ekspektasi khusus after approval, oldest first; `new` marks those
    /// the owner reads for the first time.
    static func amendments(_ skp: Planning.Skp, new: Set<String>) -> [String] {
        var lines = ["Amendments of the ekspektasi khusus (after approval)"]
        for amendment in skp.amendments {
            let mark = new.contains(amendment.amendmentID) ? "★ " : ""
            lines.append("  \(mark)\(stamp(amendment.amended)) — \(TerminalText.sanitized(amendment.reason))")
            for expectation in amendment.expectations {
                lines.append("    " + TerminalText.sanitized(Display.name(expectation.value) + ": " + expectation.ekspektasiKhusus))
            }
        }
        return lines
    }

    /// The Lampiran, section by section ("—" for an empty one).
    static func lampiran(_ lampiran: Planning.SkpLampiran?) -> [String] {
        let lampiran = lampiran ?? Planning.SkpLampiran()
        var lines = ["Lampiran"]
        for (title, items) in [("Dukungan sumber daya", lampiran.dukunganSumberDaya),
                               ("Skema pertanggungjawaban", lampiran.skemaPertanggungjawaban),
                               ("Konsekuensi", lampiran.konsekuensi)] {
            lines.append("  \(title):" + (items.isEmpty ? " —" : ""))
            for (index, item) in items.enumerated() { lines.append("    \(index + 1). " + TerminalText.sanitized(item)) }
        }
        return lines
    }
}
