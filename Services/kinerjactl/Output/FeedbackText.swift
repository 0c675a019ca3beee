import Foundation
import KinerjaProto

/// Tables and panels of the `feedback` commands.
enum FeedbackText {
    /// The seven BerAKHLAK values in their order, with their names.
    static let values: [(value: Common.BerakhlakValue, name: String)] = [
        (.berorientasiPelayanan, "Berorientasi Pelayanan"), (.akuntabel, "Akuntabel"), (.kompeten, "Kompeten"), (.harmonis, "Harmonis"),
        (.loyal, "Loyal"), (.adaptif, "Adaptif"), (.kolaboratif, "Kolaboratif"),
    ]

    /// A mean on a 1–`scale` scale as a bar of `width` cells.
    static func bar(_ mean: Double, scale: Double = 5, width: Int = 20) -> String {
        let filled = Int((min(max(mean, 0), scale) / scale * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// A mean with two decimals.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", value) }

    /// Why a group or a figure is withheld, in words.
    static func withheld(_ reason: Feedback.WithheldReason, threshold: UInt32 = 3, sample: UInt32 = 0) -> String {
        switch reason {
        case .belowAnonymityThreshold: "withheld: fewer than \(threshold) answers (anonymity threshold)"
        case .roundNotClosed: "withheld until the round closes (anonymity)"
        case .belowMinimumSample: "withheld: fewer than \(sample) usable ratings (minimum sample)"
        case .noResponses: "no answers"
        default: "withheld"
        }
    }

    /// `feedback list`.
    static func feedback(_ items: [Feedback.ContinuousFeedback]) -> Table {
        var table = Table([.init("ID", maxWidth: 26), .init("GIVEN", maxWidth: 16), .init("FROM", maxWidth: 18), .init("TO", maxWidth: 18),
                           .init("KIND", maxWidth: 9), .init("ABOUT", maxWidth: 20), .init("ACK", maxWidth: 3), .init("MESSAGE", maxWidth: 60)])
        for item in items {
            let about = item.subjectKind == .unspecified ? "" : "\(Display.name(item.subjectKind)) \(item.subjectID)"
            table.append([item.feedbackID, WITATime.format(item.given?.at), item.giverNIP + (item.fromRekanKerja ? " (rekan)" : ""),
                          item.recipientNIP, Display.name(item.kind), about, item.acknowledged == nil ? "" : "yes", item.message])
        }
        return table
    }

    /// `feedback list --requests`.
    static func solicitations(_ items: [Feedback.FeedbackSolicitation]) -> Table {
        var table = Table([.init("ID", maxWidth: 26), .init("ASKED", maxWidth: 16), .init("BY", maxWidth: 18), .init("TO", maxWidth: 18),
                           .init("KIND", maxWidth: 8), .init("STATE", maxWidth: 9), .init("MESSAGE", maxWidth: 60)])
        for item in items {
            table.append([item.solicitationID, WITATime.format(item.asked?.at), item.requesterNIP, item.addresseeNIP, Display.name(item.kind),
                          Display.name(item.state), item.message])
        }
        return table
    }

    /// `feedback dialog list`.
    static func dialogs(_ items: [Feedback.DialogRecord]) -> Table {
        var table = Table([.init("ID", maxWidth: 26), .init("HELD", maxWidth: 10), .init("EMPLOYEE", maxWidth: 18), .init("ATASAN", maxWidth: 18),
                           .init("STAGE", maxWidth: 13), .init("STATE", maxWidth: 21), .init("REV", alignRight: true),
                           .init("ACTIONS", maxWidth: 8), .init("SUMMARY", maxWidth: 50)])
        for item in items {
            let open = item.actionItems.filter { !$0.done }.count
            table.append([item.dialogID, WITATime.format(item.heldOn), item.employeeNIP, item.atasanNIP, Display.name(item.stage),
                          Display.name(item.state), String(item.revision), item.actionItems.isEmpty ? "" : "\(open) open", item.summary])
        }
        return table
    }

    /// A dialog or coaching record's follow-up actions.
    static func actions(_ items: [Feedback.ActionItem]) -> Table {
        var table = Table([.init("#", alignRight: true), .init("OWNER", maxWidth: 18), .init("DUE", maxWidth: 10), .init("DONE", maxWidth: 4),
                           .init("ACTION", maxWidth: 50), .init("NOTE", maxWidth: 40)])
        for item in items {
            table.append([String(item.number), item.ownerNIP, WITATime.format(item.dueDate), item.done ? "yes" : "", item.text, item.closingNote])
        }
        return table
    }

    /// `feedback coaching list`.
    static func coaching(_ response: Feedback.ListCoachingResponse) -> String {
        var table = Table([.init("ID", maxWidth: 26), .init("HELD", maxWidth: 10), .init("COACH", maxWidth: 18), .init("COACHEE", maxWidth: 18),
                           .init("KIND", maxWidth: 10), .init("MIN", alignRight: true), .init("RATED", maxWidth: 5), .init("TOPIC", maxWidth: 50)])
        for record in response.records {
            table.append([record.coachingID, WITATime.format(record.heldOn), record.coachNIP, record.coacheeNIP, Display.name(record.kind),
                          record.durationMinutes == 0 ? "" : String(record.durationMinutes),
                          record.coacheeRating.map { "\($0.score)/5" } ?? "", record.topic])
        }
        let mean = response.meanCoacheeScore.map { "Mean coachee rating: \(decimal($0.value)) of 5" } ?? "No session rated yet."
        return table.render() + "\n" + mean
    }

    /// `feedback dialog behind`.
    static func cadence(_ response: Feedback.GetDialogCadenceResponse, names: [String: String]) -> String {
        var lines = ["Minimum: \(response.minimumPerTriwulan) dialog kinerja per atasan–bawahan pair per triwulan (pro rata to the days held)."]
        for (title, rollups) in [("Per atasan", response.byAtasan), ("Per unit", response.byUnit)] where !rollups.isEmpty {
            var table = Table([.init(title == "Per atasan" ? "ATASAN" : "UNIT", maxWidth: 40), .init("DUE", alignRight: true),
                               .init("MET", alignRight: true), .init("OPEN", alignRight: true), .init("BEHIND", alignRight: true),
                               .init("HELD/OWED", alignRight: true), .init("BEHIND: EMPLOYEES", maxWidth: 60)])
            for rollup in rollups {
                table.append([names[rollup.key].map { "\(rollup.key) \($0)" } ?? rollup.key, String(rollup.pairsDue), String(rollup.pairsMet),
                              String(rollup.pairsOpen), String(rollup.pairsBehind), "\(rollup.dialogsHeld)/\(rollup.dialogsExpected)",
                              rollup.behindNIPs.joined(separator: " ")])
            }
            lines += ["", title + ":", table.render()]
        }
        return lines.joined(separator: "\n")
    }

    /// `feedback round status`.
    static func round(_ round: Feedback.AssessmentRound) -> String {
        var fields = FieldList()
        fields.append("Round", round.roundID)
        fields.append("Unit", (round.unit?.unitID ?? "") + (round.unit?.includeSubunits == true ? " and sub-units" : ""))
        fields.append("Period", SkpListText.period(round.period))
        fields.append("State", Display.name(round.state))
        fields.append("Deadline", WITATime.format(round.deadline))
        fields.append("Raters", "self \(round.includeSelf ? "yes" : "no"), bawahan \(round.includeBawahan ? "yes" : "no"), \(round.peersPerSubject) rekan kerja by default")
        fields.append("Anonymity", "peer and bawahan groups shown from \(round.anonymityThreshold) answers, after closing")
        fields.append("Progress", "\(round.submittedCount) of \(round.assignmentCount) assignments answered, \(round.subjectCount) subjects")
        fields.append("Opened", round.opened.map { "\(WITATime.format($0.at)) by \($0.principal)" } ?? "")
        fields.append("Closed", round.closed.map { "\(WITATime.format($0.at)) by \($0.principal)" } ?? "")
        return fields.render()
    }

    /// `feedback assess` without scores: the rater's form, the seven values against the ekspektasi khusus.
    static func form(_ assignment: Feedback.AssessmentAssignment) -> String {
        var head = FieldList()
        head.append("Assignment", assignment.assignmentID)
        head.append("Assess", "\(assignment.subject?.displayName ?? "") (\(assignment.subject?.nip ?? "")) as \(Display.name(assignment.relation))")
        head.append("Period", SkpListText.period(assignment.period))
        head.append("Due", WITATime.format(assignment.dueAt))
        var table = Table([.init("VALUE", maxWidth: 22), .init("EKSPEKTASI KHUSUS", maxWidth: 70), .init("SCORE 1-5", maxWidth: 9)])
        for (value, name) in values {
            table.append([name, assignment.expectations.first { $0.value == value }?.ekspektasiKhusus ?? "—", "[   ]"])
        }
        return head.render() + "\n\n" + table.render() + """


            Score each value 1 (sangat kurang) – 5 (sangat baik) against the expectation; a 1 or a 5 needs a comment.
            Submit: kinerjactl feedback assess \(assignment.assignmentID) --score berorientasi-pelayanan=4 … (all seven) \
            [--comment VALUE=TEXT] [--overall TEXT]
            """
    }

    /// `feedback assess` without an id: the caller's assignments.
    static func assignments(_ items: [Feedback.AssessmentAssignment]) -> Table {
        var table = Table([.init("ASSIGNMENT", maxWidth: 26), .init("SUBJECT", maxWidth: 40), .init("AS", maxWidth: 16),
                           .init("STATE", maxWidth: 10), .init("DUE", maxWidth: 16)])
        for item in items {
            table.append([item.assignmentID, "\(item.subject?.nip ?? "") \(item.subject?.displayName ?? "")", Display.name(item.relation),
                          Display.name(item.state), WITATime.format(item.dueAt)])
        }
        return table
    }

    /// `feedback summary`: per rater group a bar per value, withheld groups shown as such.
    static func summary(_ summary: Feedback.BehaviourSummary) -> String {
        var lines: [String] = []
        let subject = summary.subject.map { "\($0.displayName) (\($0.nip))" } ?? ""
        lines.append(TerminalText.sanitized("Perilaku kerja of \(subject), \(SkpListText.period(summary.period))"))
        if summary.roundID.isEmpty {
            lines.append("No 360° round covers this period.")
        } else {
            lines.append("Round \(summary.roundID) (\(Display.name(summary.roundState))); peer and bawahan groups shown from \(summary.anonymityThreshold) answers.")
        }
        for group in summary.groups {
            lines.append("")
            let counts = group.withheld ? "\(group.assignedCount) assigned" : "\(group.respondedCount) of \(group.assignedCount) answered"
            lines.append("\(Display.name(group.relation).uppercased()) — \(counts)")
            if group.withheld {
                lines.append("  " + withheld(group.withheldReason, threshold: summary.anonymityThreshold))
                continue
            }
            lines += valueLines(group.values)
            for comment in group.comments.prefix(10) { lines.append("  “" + TerminalText.sanitized(comment) + "”") }
        }
        if !summary.combined.isEmpty {
            lines.append("")
            lines.append("COMBINED (atasan, rekan kerja, bawahan shown; not the self-assessment)")
            lines += valueLines(summary.combined)
        }
        lines.append("")
        lines.append("Feedback from the atasan chain in the period: \(summary.feedbackCount) (\(summary.correctiveFeedbackCount) koreksi)")
        if let citizen = summary.citizen { lines.append("Citizens: " + citizenLine(citizen)) }
        return lines.joined(separator: "\n")
    }

    static func valueLines(_ values: [Feedback.ValueAggregate]) -> [String] {
        self.values.compactMap { value, name in
            guard let aggregate = values.first(where: { $0.value == value }) else { return nil }
            return "  " + TerminalText.padded(name, toWidth: 23) + bar(aggregate.meanScore) + "  " + decimal(aggregate.meanScore)
                + "  (n=\(aggregate.responseCount))"
        }
    }

    /// One line of a citizen summary.
    static func citizenLine(_ summary: Feedback.CitizenSummary) -> String {
        let counts = "\(summary.ratingsReceived) ratings of \(summary.ticketsIssued) tickets, \(summary.outliersExcluded) set aside"
        guard !summary.withheld, let mean = summary.meanScore else {
            return counts + "; " + withheld(summary.withheldReason, sample: summary.minimumSample)
        }
        return "\(bar(mean.value)) \(decimal(mean.value)) of 5 from \(summary.ratingsUsed) ratings (" + counts + ")"
    }

    /// `feedback citizen-summary`.
    static func citizen(_ summary: Feedback.CitizenSummary, title: String, employees: [Feedback.CitizenSummary] = []) -> String {
        var lines = [TerminalText.sanitized(title), citizenLine(summary)]
        if !summary.withheld, summary.scoreCounts.count == 5 {
            let total = max(1, summary.scoreCounts.reduce(0, +))
            for score in stride(from: 5, through: 1, by: -1) {
                let count = summary.scoreCounts[score - 1]
                lines.append("  \(score) " + bar(Double(count), scale: Double(total)) + " \(count)")
            }
        }
        if !employees.isEmpty {
            var table = Table([.init("NIP", maxWidth: 18), .init("RATINGS", alignRight: true), .init("USED", alignRight: true),
                               .init("MEAN", alignRight: true), .init("", maxWidth: 60)])
            for employee in employees {
                table.append([employee.nip, String(employee.ratingsReceived), String(employee.ratingsUsed),
                              employee.meanScore.map { decimal($0.value) } ?? "",
                              employee.withheld ? withheld(employee.withheldReason, sample: employee.minimumSample) : ""])
            }
            lines += ["", table.render()]
        }
        return lines.joined(separator: "\n")
    }

    /// `feedback skm`.
    static func skm(_ skm: Feedback.SkmSummary, title: String) -> String {
        var lines = [TerminalText.sanitized(title), "Respondents: \(skm.respondentCount) (usable ratings with the nine answers)"]
        if skm.withheld {
            lines.append(withheld(skm.withheldReason, sample: skm.minimumSample))
            return lines.joined(separator: "\n")
        }
        var table = Table([.init("UNSUR", maxWidth: 42), .init("NRR", alignRight: true), .init("× 25", alignRight: true), .init("MUTU", maxWidth: 4),
                           .init("", maxWidth: 20)])
        for (index, result) in skm.unsur.enumerated() {
            table.append(["U\(index + 1) \(Display.name(result.unsur))", String(format: "%.3f", result.nrr), decimal(result.converted),
                          mutu(result.mutu), bar(result.nrr, scale: 4)])
        }
        lines.append(table.render())
        lines.append("IKM \(decimal(skm.ikm)) — mutu \(mutu(skm.mutu)) (\(mutuName(skm.mutu))); nilai interval \(String(format: "%.4f", skm.nilaiInterval))")
        return lines.joined(separator: "\n")
    }

    static func mutu(_ mutu: Feedback.SkmMutu) -> String {
        switch mutu {
        case .aSangatBaik: "A"
        case .bBaik: "B"
        case .cKurangBaik: "C"
        case .dTidakBaik: "D"
        default: "—"
        }
    }

    static func mutuName(_ mutu: Feedback.SkmMutu) -> String {
        switch mutu {
        case .aSangatBaik: "Sangat Baik"
        case .bBaik: "Baik"
        case .cKurangBaik: "Kurang Baik"
        case .dTidakBaik: "Tidak Baik"
        default: "—"
        }
    }

    /// `feedback ticket issue`: the code, the link and the QR code for the citizen.
    static func ticket(_ response: Feedback.IssueServiceTicketResponse, qr: String?) -> String {
        let ticket = response.ticket ?? Feedback.ServiceTicket()
        var fields = FieldList()
        fields.append("Kode tiket", ticket.ticketCode)
        fields.append("Layanan", ticket.serviceName + (ticket.counterName.isEmpty ? "" : ", " + ticket.counterName))
        fields.append("Petugas", ticket.servedByDisplayName)
        fields.append("Berlaku s.d.", WITATime.format(ticket.expiresAt))
        fields.append("Nilai di", response.ratingURI)
        return fields.render() + (qr.map { "\n\n" + $0 } ?? "")
    }
}
