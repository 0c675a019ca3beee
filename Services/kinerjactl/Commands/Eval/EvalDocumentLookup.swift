import Foundation
import KinerjaASN
import KinerjaProto

/// What `eval document` gathers for a printout: the evaluation with its evidence and overrides
/// and its period from evaluation; the people from identity (the pejabat penilai of the period's
/// last day, and theirs); the verified reports' evidence links from reporting; the continuous
/// feedback of the period from feedback. Evaluation must answer; the other services are best
/// effort: what they cannot give is left out and said in `warnings`.
struct EvalDocumentLookup {
    /// Evaluation, as the signed-in user.
    let evaluation: EvaluationCaller
    /// Reports read per page, and pages at most (evidence and feedback).
    static let pageSize: UInt32 = 500
    static let maximumPages = 20

    /// The printout and what could not be read.
    struct Found {
        var printout: EvaluationPrintout
        var warnings: [String]
    }

    /// The evaluation `key` names, with everything the document shows.
    func printout(_ request: Evaluation.GetEvaluationRequest) async throws -> Found {
        var request = request
        request.includeEvidence = true
        let response = try await evaluation.call { try await $0.getEvaluation(request, options: $1) }
        guard let record = response.evaluation else {
            throw CLIError(.failure, "the service answered GetEvaluation without the evaluation", status: .internal)
        }
        var warnings: [String] = []
        let period = try? await EvalLookup.period(id: record.periodID, evaluation)
        if period == nil { warnings.append("the period \(record.periodID) could not be read: no organisation rating or finalisation number") }
        var people = SkpPrintLookup(identity: evaluation.identity)
        let nip = record.employee?.nip ?? ""
        let lastDay = record.span?.days?.endDate
        var printout = EvaluationPrintout(
            evaluation: record, period: period,
            pegawai: await person(nip, snapshot: record.employee, unitID: record.employee?.unitID ?? "", &people),
            progress: response.progress, overrides: response.overrides)
        if let evaluator = record.evaluator, !evaluator.nip.isEmpty {
            let answer = await pejabatPenilai(of: nip, on: lastDay)
            let same = answer?.penilai?.nip == evaluator.nip
            printout.penilai = await person(evaluator.nip, snapshot: evaluator, unitID: evaluator.unitID, &people,
                                            golongan: same ? answer?.penilaiGolongan : nil, isASN: same ? answer?.penilaiIsAsn : nil)
            if let atasan = await pejabatPenilai(of: evaluator.nip, on: lastDay), atasan.kind != .none, let ref = atasan.penilai, !ref.nip.isEmpty {
                printout.atasanPenilai = await person(ref.nip, snapshot: ref, unitID: ref.unitID, &people,
                                                      golongan: atasan.penilaiGolongan, isASN: atasan.penilaiIsAsn)
            }
        } else {
            warnings.append("the evaluation records no pejabat penilai")
        }
        if let finaliser = record.finalised?.principal, !finaliser.isEmpty {
            let name = await people.employee(finaliser).flatMap { $0.employee.map(Display.name(of:)) }
            printout.finaliser = name.map { "\($0) (NIP. \(finaliser))" } ?? finaliser
        }
        var reportIKIs: [String: String] = [:]
        if let days = record.span?.days, !nip.isEmpty {
            do {
                (printout.evidence, reportIKIs) = try await evidence(nip: nip, days: days)
            } catch {
                warnings.append("reporting could not list the verified reports (\(error)): no evidence links")
            }
            do {
                printout.feedback = try await feedback(nip: nip, days: days, reportIKIs: reportIKIs, penilai: printout.penilai, &people)
            } catch {
                warnings.append("feedback could not list the continuous feedback (\(error)): none shown")
            }
        }
        if response.progress == nil { warnings.append("reporting's progress was not included: no report counts or RHK texts") }
        return Found(printout: printout, warnings: warnings)
    }

    /// Identity's pejabat penilai of `nip` on `day`; nil when identity cannot say.
    private func pejabatPenilai(of nip: String, on day: Common.Date?) async -> Identity.PejabatPenilai? {
        guard !nip.isEmpty else { return nil }
        let request = Identity.GetPejabatPenilaiRequest(nips: [nip], onDate: day)
        return try? await evaluation.identity.call { try await $0.getPejabatPenilai(request, options: $1) }.penilai.first
    }

    /// A person as the form prints them: the snapshot's name and jabatan, identity's golongan and unit.
    private func person(_ nip: String, snapshot: Common.EmployeeRef?, unitID: String, _ people: inout SkpPrintLookup,
                        golongan: String? = nil, isASN: Bool? = nil) async -> PrintedPerson {
        let record = await people.employee(nip)?.employee
        let asn = isASN ?? (record.map { $0.asnType != .nonAsn } ?? !PrintedPerson.isNonASNIdentifier(nip))
        return PrintedPerson(
            name: SkpPrintLookup.nonEmpty(snapshot?.displayName, record.map(Display.name(of:)), nip),
            identifier: nip, isASN: asn,
            golongan: asn ? SkpPrintLookup.nonEmpty(golongan, record?.golongan) : "",
            jabatan: SkpPrintLookup.nonEmpty(snapshot?.jabatanName, record?.jabatanName),
            unit: await people.unitName(SkpPrintLookup.nonEmpty(unitID, record?.unitID)))
    }

    /// Evidence links of the verified reports in `days` per IKI (each link once), and each
    /// report's IKI (feedback about a report is shown with its IKI).
    private func evidence(nip: String, days: Common.DateRange) async throws
        -> (links: [String: [Common.EvidenceLink]], reportIKIs: [String: String]) {
        let reporting = try evaluation.session.caller(Reporting.ReportingService.Client.self)
        var links: [String: [Common.EvidenceLink]] = [:]
        var seen: Set<[UInt8]> = []
        var reportIKIs: [String: String] = [:]
        var cursor = ""
        var pages = 0
        repeat {
            let request = Reporting.ListDailyReportsRequest(nip: nip, dateRange: days, states: [.diverifikasi],
                                                            page: Common.PageRequest(pageSize: Self.pageSize, cursor: cursor))
            let response = try await reporting.call { try await $0.listDailyReports(request, options: $1) }
            for report in response.reports {
                reportIKIs[report.reportID] = report.ikiID
                for link in report.evidence where seen.insert(link.sha256.isEmpty ? Array(link.uri.utf8) : link.sha256).inserted {
                    links[report.ikiID, default: []].append(link)
                }
            }
            cursor = response.page?.nextCursor ?? ""
            pages += 1
        } while !cursor.isEmpty && pages < Self.maximumPages
        return (links, reportIKIs)
    }

    /// The continuous feedback `nip` received in `days`, oldest first: the giver named only
    /// when in the atasan chain, a rekan kerja by role alone; feedback about a report moved to its IKI.
    private func feedback(nip: String, days: Common.DateRange, reportIKIs: [String: String], penilai: PrintedPerson?,
                          _ people: inout SkpPrintLookup) async throws -> [PrintedFeedback] {
        let caller = try evaluation.session.caller(Feedback.FeedbackService.Client.self)
        let start = days.startDate.flatMap(Wita.startOfDay)
        let end = days.endDate.flatMap(Wita.startOfDay)?.addingTimeInterval(86_400)
        let range = Common.TimeRange(startTime: start.map { Common.Timestamp(seconds: Int64($0.timeIntervalSince1970)) },
                                     endTime: end.map { Common.Timestamp(seconds: Int64($0.timeIntervalSince1970)) })
        var items: [Feedback.ContinuousFeedback] = []
        var cursor = ""
        var pages = 0
        repeat {
            let request = Feedback.ListFeedbackRequest(recipientNIP: nip, timeRange: range, page: Common.PageRequest(pageSize: Self.pageSize, cursor: cursor))
            let response = try await caller.call { try await $0.listFeedback(request, options: $1) }
            items += response.feedback
            cursor = response.page?.nextCursor ?? ""
            pages += 1
        } while !cursor.isEmpty && pages < Self.maximumPages
        var printed: [PrintedFeedback] = []
        for item in items.sorted(by: { ($0.given?.at?.seconds ?? 0) < ($1.given?.at?.seconds ?? 0) }) {
            var from = "Rekan kerja"
            if !item.fromRekanKerja {
                if let penilai, item.giverNIP == penilai.identifier {
                    from = "Pejabat penilai: \(penilai.name)"
                } else {
                    let name = await people.employee(item.giverNIP)?.employee.map(Display.name(of:))
                    from = "Atasan: \(name ?? item.giverNIP)"
                }
            }
            var subject = ""
            switch item.subjectKind {
            case .iki, .rhk: subject = item.subjectID
            case .dailyReport: subject = reportIKIs[item.subjectID] ?? ""
            default: break
            }
            printed.append(PrintedFeedback(given: item.given?.at, from: from, kind: item.kind, subjectID: subject, value: item.relatedValue,
                                           message: item.message, response: item.response))
        }
        return printed
    }
}
