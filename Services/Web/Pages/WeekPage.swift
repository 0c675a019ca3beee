import Foundation
import Hummingbird
import KinerjaASN
import KinerjaCrypto
import KinerjaProto

/// The pegawai's week as one grid: a row per working day (an IKI, the realisation, what was done,
/// minutes, a photo from the camera), saved as a draft in the session or submitted at once.
/// Each filled row becomes one SubmitDailyReport, its photo first uploaded as evidence.
enum WeekPage {
    static let path = "/minggu"
    static let rows = 5

    /// The Monday of the week holding `day`.
    static func monday(of day: Common.Date) -> Common.Date {
        let offset = (day.weekday?.rawValue ?? 1) - 1
        return day.adding(days: -offset) ?? day
    }

    /// One grid row as the template shows it.
    static func row(_ index: Int, day: Common.Date, today: Common.Date, values: [String: String], options: [[String: String]],
                    reports: [Reporting.DailyReport], problem: String?) -> [String: Any] {
        let prefix = "hari\(index)_"
        let chosen = values[prefix + "iki"] ?? ""
        // Mustache renders a section for any present value, "" included: absent means "none".
        var row: [String: Any] = [
            "index": index,
            "label": "\(day.weekday?.indonesianName ?? "") \(day.isoString)",
            "date": day.isoString,
            "future": today < day,
            "options": options.map { option in option.merging(["selected": option["value"] == chosen ? "selected" : ""]) { $1 } },
            "nilai": values[prefix + "nilai"] ?? "",
            "uraian": values[prefix + "uraian"] ?? "",
            "menit": values[prefix + "menit"] ?? "",
            "reports": reports.map { report -> [String: Any] in
                ["indicator": report.indicator, "value": ReportFormat.number(report.realisationValue),
                 "state": ReportFormat.state(report.state), "description": report.description,
                 "photos": report.evidence.filter { $0.sha256.count == 32 && WebApp.inlineImageTypes.contains($0.mediaType.lowercased()) }
                    .map { ["hash": WebApp.hex($0.sha256), "alt": "Foto bukti \(report.indicator) \(day.isoString)"] }]
            },
        ]
        if let problem { row["problem"] = problem }
        return row
    }
}

extension WebApp {
    func addWeekRoutes(to router: Router<WebRequestContext>) {
        router.get(.init(stringLiteral: WeekPage.path)) { request, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            let notice: String? = switch request.uri.queryParameters["pesan"].map(String.init) {
            case "draf"?: "Draf disimpan."
            case "terkirim"?: "Laporan minggu ini telah diajukan ke atasan."
            default: nil
            }
            do {
                return try await weekPage(session, context: context, start: request.uri.queryParameters["mulai"].map(String.init),
                                          values: session.weekDraft, notice: notice)
            } catch is SessionEnded { return Self.signInFirst() }
        }
        router.post(.init(stringLiteral: WeekPage.path)) { _, context -> Response in
            guard let session = context.session else { return Self.signInFirst() }
            do {
                return try await submitWeek(session, context: context)
            } catch is SessionEnded { return Self.signInFirst() }
        }
    }

    var today: Common.Date { Wita.today(now: Date(timeIntervalSince1970: TimeInterval(clock.now()))) }

    func weekPage(_ session: WebSession, context: WebRequestContext, start: String?, values: [String: String],
                  problems: [Int: String] = [:], status: HTTPResponse.Status = .ok, notice: String? = nil, error: String? = nil) async throws -> Response {
        let today = self.today
        let monday = WeekPage.monday(of: start.flatMap { Common.Date(isoString: $0) } ?? today)
        let days = (0..<WeekPage.rows).compactMap { monday.adding(days: $0) }
        let planning = try gateway.client(Planning.PlanningService.Client.self)
        let reporting = try gateway.client(Reporting.ReportingService.Client.self)
        var options: [[String: String]] = []
        var reports: [Reporting.DailyReport] = []
        var loadError: String?
        do {
            let targets = try await asUser(session) {
                try await planning.getTargets(.init(nip: session.nip, period: Common.Period(year: monday.year, kind: .annual), allowProvisional: true), options: $0)
            }
            options = (targets.targets?.targets ?? []).map { ["value": "\($0.rhkID)|\($0.ikiID)", "label": "\($0.indicator) (\($0.periodTarget?.unit ?? ""))"] }
            let listed = try await asUser(session) {
                try await reporting.listDailyReports(.init(nip: session.nip, dateRange: Common.DateRange(startDate: monday, endDate: days.last ?? monday),
                                                           page: Common.PageRequest(pageSize: 200)), options: $0)
            }
            reports = listed.reports
        } catch let failure as RPCError {
            loadError = StatusMessage.text(failure)
        }
        let rows = days.enumerated().map { index, day in
            WeekPage.row(index, day: day, today: today, values: values, options: options,
                         reports: reports.filter { $0.reportDate == day }, problem: problems[index])
        }
        let previous = monday.adding(days: -7)?.isoString ?? ""
        var data: [String: Any] = ["rows": rows, "monday": monday.isoString, "previous": previous, "hasTargets": !options.isEmpty]
        if let next = monday.adding(days: 7), next <= today { data["next"] = next.isoString }
        return page("week", title: "Laporan minggu ini", context: context, data: data,
                    status: status, notice: notice, error: error ?? loadError)
    }

    func submitWeek(_ session: WebSession, context: WebRequestContext) async throws -> Response {
        let form = context.form
        let start = form["mulai"] ?? ""
        var values: [String: String] = ["mulai": start]
        for index in 0..<WeekPage.rows {
            for field in ["iki", "nilai", "uraian", "menit"] {
                let name = "hari\(index)_\(field)"
                values[name] = String((form[name] ?? "").prefix(field == "uraian" ? 2000 : 200))
            }
        }
        if form["aksi"] == "simpan" {
            sessions.update(session.id) { $0.weekDraft = values }
            return Self.seeOther("\(WeekPage.path)?mulai=\(start.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(["-"])) ?? "")&pesan=draf")
        }
        // Check every row before anything is sent: a bad row changes nothing.
        var drafts: [(index: Int, draft: Reporting.DailyReportDraft, photo: FormFields.UploadedFile?)] = []
        var problems: [Int: String] = [:]
        let today = self.today
        for index in 0..<WeekPage.rows {
            let prefix = "hari\(index)_"
            let iki = values[prefix + "iki"] ?? "", nilai = values[prefix + "nilai"] ?? "", uraian = values[prefix + "uraian"] ?? ""
            let photo = form.files[prefix + "foto"]
            if iki.isEmpty && nilai.isEmpty && uraian.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && photo == nil { continue }
            guard let date = form[prefix + "tanggal"].flatMap({ Common.Date(isoString: $0) }), date <= today else {
                problems[index] = "Tanggal tidak valid atau belum tiba."; continue
            }
            let ids = iki.split(separator: "|").map(String.init)
            guard ids.count == 2 else { problems[index] = "Pilih IKI."; continue }
            guard let value = Double(nilai.replacingOccurrences(of: ",", with: ".")), value >= 0, value <= 1e9 else {
                problems[index] = "Realisasi harus angka 0 atau lebih."; continue
            }
            let description = uraian.trimmingCharacters(in: .whitespacesAndNewlines)
            guard (1...2000).contains(description.count) else { problems[index] = "Uraian kegiatan wajib diisi (1–2000 karakter)."; continue }
            let minutes = values[prefix + "menit"].flatMap { UInt32($0) } ?? 0
            guard minutes <= 1440 else { problems[index] = "Menit 0–1440."; continue }
            if let photo, !photo.contentType.lowercased().hasPrefix("image/") {
                problems[index] = "Bukti harus berupa foto."; continue
            }
            drafts.append((index, Reporting.DailyReportDraft(reportDate: date, rhkID: ids[0], ikiID: ids[1], realisationValue: value,
                                                            description: description, evidence: [], durationMinutes: minutes), photo))
        }
        if !problems.isEmpty || drafts.isEmpty {
            return try await weekPage(session, context: context, start: start, values: values, problems: problems, status: .badRequest,
                                      error: drafts.isEmpty && problems.isEmpty ? "Isi minimal satu hari." : "Periksa baris yang ditandai; belum ada yang dikirim.")
        }
        let reporting = try gateway.client(Reporting.ReportingService.Client.self)
        var sent = 0
        for entry in drafts {
            do {
                var draft = entry.draft
                if let photo = entry.photo {
                    draft.evidence = [try await upload(photo, session, reporting)]
                }
                let submitted = draft
                _ = try await asUser(session, write: "report-submit") {
                    try await reporting.submitDailyReport(.init(report: submitted), options: $0)
                }
                sent += 1
                for field in ["iki", "nilai", "uraian", "menit"] { values["hari\(entry.index)_\(field)"] = "" }
            } catch let failure as RPCError {
                logger.info("week row refused", metadata: ["nip": "\(session.nip)", "error": "\(failure)"])
                problems[entry.index] = StatusMessage.text(failure)
            }
        }
        let remaining = values
        sessions.update(session.id) { $0.weekDraft = problems.isEmpty ? [:] : remaining }
        if problems.isEmpty { return Self.seeOther("\(WeekPage.path)?mulai=\(start)&pesan=terkirim") }
        return try await weekPage(session, context: context, start: start, values: values, problems: problems, status: .unprocessableContent,
                                  error: "\(sent) laporan terkirim; baris yang ditandai belum.")
    }

    /// Uploads one photo as evidence (header with its SHA-256, then chunks) and returns its link.
    func upload(_ photo: FormFields.UploadedFile, _ session: WebSession, _ reporting: Reporting.ReportingService.Client) async throws -> Common.EvidenceLink {
        let name = String(photo.fileName.filter { $0 != "/" && $0 != "\\" && !$0.isNewline }.prefix(100))
        let header = Reporting.EvidenceUploadHeader(sha256: SHA256.hash(photo.bytes), sizeBytes: UInt64(photo.bytes.count), fileName: name)
        let bytes = photo.bytes
        let response = try await asUser(session, write: "evidence-upload") { options in
            try await reporting.uploadEvidence(options: options) { writer in
                try await writer.write(Reporting.UploadEvidenceRequest(item: .header(header)))
                var offset = 0
                while offset < bytes.count {
                    let end = min(offset + (256 << 10), bytes.count)
                    try await writer.write(Reporting.UploadEvidenceRequest(item: .chunk(Array(bytes[offset..<end]))))
                    offset = end
                }
            }
        }
        guard let link = response.evidence else { throw RPCError(.internal, "UploadEvidence without a link") }
        return link
    }
}
