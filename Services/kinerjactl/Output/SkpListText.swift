import KinerjaProto

/// Tables of the `skp` list commands: SKPs, versions, targets, parent candidates, flagged RHKs.
enum SkpListText {
    /// `skp list`.
    static func skps(_ skps: [Planning.SkpSummary]) -> Table {
        var table = Table([.init("SKP ID", maxWidth: 26), .init("VER", alignRight: true), .init("NIP", maxWidth: 18),
                           .init("NAME", maxWidth: 36), .init("YEAR"), .init("STATE", maxWidth: 12), .init("APPROACH", maxWidth: 11),
                           .init("RHK", alignRight: true), .init("IKI", alignRight: true), .init("FLAGS", alignRight: true),
                           .init("SUBMITTED", maxWidth: 21), .init("ATASAN", maxWidth: 18)])
        for skp in skps {
            table.append([skp.skpID, String(skp.version), skp.employee?.nip ?? "", skp.employee?.displayName ?? "",
                          String(skp.year), Display.name(skp.state), Display.name(skp.approach), String(skp.rhkCount),
                          String(skp.ikiCount), skp.reviewFlagCount == 0 ? "" : String(skp.reviewFlagCount),
                          skp.submitted.map { WITATime.format($0.at) } ?? "", skp.atasanNIP])
        }
        return table
    }

    /// `skp versions`.
    static func versions(_ response: Planning.ListSkpVersionsResponse) -> String {
        var table = Table([.init("VER", alignRight: true), .init("STATE", maxWidth: 12), .init("RHK", alignRight: true),
                           .init("IKI", alignRight: true), .init("CREATED", maxWidth: 21), .init("SUBMITTED", maxWidth: 21),
                           .init("DECIDED", maxWidth: 21), .init("REASON / NOTE", maxWidth: 60)])
        for version in response.versions {
            let notes = [version.revisionReason, version.decisionNote].filter { !$0.isEmpty }.joined(separator: " / ")
            table.append([String(version.version), Display.name(version.state), String(version.rhkCount),
                          String(version.ikiCount), WITATime.format(version.created?.at),
                          version.submitted.map { WITATime.format($0.at) } ?? "",
                          version.decided.map { WITATime.format($0.at) } ?? "", notes])
        }
        return TerminalText.sanitized("SKP \(response.skpID) of \(SkpText.person(response.employee))") + "\n" + table.render()
    }

    /// `Triwulan II 2026`, `Month 3 2026`, `2026`.
    static func period(_ period: Common.Period?) -> String {
        guard let period else { return "—" }
        switch period.kind {
        case .quarterly: return "Triwulan \(Display.name(period.triwulan).uppercased()) \(period.year)"
        case .monthly:
            let month = Int(period.month)
            return ((1...12).contains(month) ? SkpText.monthNames[month - 1] : "Month \(month)") + " \(period.year)"
        default: return "year \(period.year)"
        }
    }

    /// `skp targets`: where the targets come from, then one row per IKI.
    static func targets(_ targets: Planning.EmployeeTargets) -> String {
        var lines = [TerminalText.sanitized("Targets of \(SkpText.person(targets.employee)) for \(period(targets.period))")]
        switch targets.availability {
        case .noSkp:
            lines.append("No SKP covers this period.")
            return lines.joined(separator: "\n")
        case .provisional:
            lines.append("PROVISIONAL: no approved SKP yet; from SKP \(targets.skpID) version \(targets.skpVersion) "
                + "(\(Display.name(targets.skpState))).")
        default:
            lines.append("From SKP \(targets.skpID) version \(targets.skpVersion) (\(Display.name(targets.skpState))), "
                + "pejabat penilai \(targets.atasanNIP.isEmpty ? "—" : targets.atasanNIP).")
        }
        var table = Table([.init("RHK", maxWidth: 9), .init("RHK TEXT", maxWidth: 40), .init("ASPEK", maxWidth: 9),
                           .init("INDICATOR", maxWidth: 40), .init("TARGET", maxWidth: 32), .init("ANNUAL", maxWidth: 32),
                           .init("IKI ID", maxWidth: 26)])
        var derived = false
        for target in targets.targets {
            derived = derived || target.periodTargetDerived
            table.append([Display.name(target.rhkKind), target.rhkText, Display.name(target.aspek), target.indicator,
                          SkpText.target(target.periodTarget, approach: targets.approach) + (target.periodTargetDerived ? " *" : ""),
                          SkpText.target(target.annualTarget, approach: targets.approach), target.ikiID])
        }
        lines.append("")
        lines.append(table.render())
        if derived { lines.append("* derived pro rata: no target was set for this period") }
        return lines.joined(separator: "\n")
    }

    /// `skp candidates`: the atasan's RHKs an RHK may intervene.
    static func candidates(_ response: Planning.ListParentRhkCandidatesResponse) -> String {
        guard let atasan = response.atasan else { return "No atasan in Kinerja: Utama RHKs need no parent." }
        var lines = [TerminalText.sanitized("Atasan: \(SkpText.person(atasan))")]
        if response.atasanSkpID.isEmpty {
            lines.append("The atasan has no SKP for this year yet.")
            return lines.joined(separator: "\n")
        }
        lines.append("SKP \(response.atasanSkpID) (\(Display.name(response.atasanSkpState)))")
        lines.append("")
        var table = Table([.init("RHK ID", maxWidth: 26), .init("KIND", maxWidth: 9), .init("RHK", maxWidth: 70),
                           .init("IKI", maxWidth: 60)])
        for rhk in response.rhks {
            table.append([rhk.rhkID, Display.name(rhk.kind), rhk.text, rhk.ikis.map(\.indicator).joined(separator: "; ")])
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }

    /// `skp review`: flagged RHKs with the change behind each flag.
    static func review(_ items: [Planning.RhkReviewItem]) -> Table {
        var table = Table([.init("RHK ID", maxWidth: 26), .init("OWNER", maxWidth: 30), .init("VER", alignRight: true),
                           .init("RHK", maxWidth: 40), .init("PARENT NOW", maxWidth: 40), .init("CHANGE", maxWidth: 30),
                           .init("FLAGGED", maxWidth: 21)])
        for item in items {
            let rhk = item.rhk ?? Planning.Rhk()
            let flag = rhk.reviewFlag
            let parent = flag?.parentRemoved == true || item.parentRhk == nil ? "(removed)" : item.parentRhk?.text ?? ""
            table.append([rhk.rhkID, SkpText.person(item.owner), String(item.skpVersion), rhk.text, parent,
                          flag?.changeSummary ?? "", WITATime.format(flag?.flaggedAt)])
        }
        return table
    }

    /// `skp compliance`: the counts of the whole unit, then one row per employee.
    static func compliance(_ response: Planning.GetSkpComplianceResponse) -> String {
        let counts = response.counts.map { "\(Display.name($0.status)) \($0.count)" }.joined(separator: ", ")
        var lines = ["Counts: " + (counts.isEmpty ? "nobody in the unit" : counts)]
        guard !response.rows.isEmpty else { return (lines + ["No row matches."]).joined(separator: "\n") }
        var table = Table([.init("NIP", maxWidth: 18), .init("NAME", maxWidth: 36), .init("STATUS", maxWidth: 20),
                           .init("DEADLINE"), .init("LATE", alignRight: true), .init("PEJABAT PENILAI", maxWidth: 40),
                           .init("SKP ID", maxWidth: 26)])
        for row in response.rows {
            let kind = row.penilai?.kind ?? .unspecified
            let penilai = kind == Common.PenilaiKind.none || kind == .unspecified ? "— (none valid)"
                : SkpText.person(row.penilai?.penilai) + (kind == .atasanLangsung ? "" : " · " + Display.name(kind))
            table.append([row.employee?.nip ?? "", row.employee?.displayName ?? "", Display.name(row.status), WITATime.format(row.deadline),
                          row.daysLate == 0 ? "" : "\(row.daysLate) d", penilai, row.skpID])
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
