public import KinerjaASN
import KinerjaDemo
public import KinerjaProto
import KinerjaCrypto

/// The demo year of daily reports for the Kupang demo organisation, generated from a seed: the
/// same seed, people, SKPs and day always give the same reports, absences and ratings.
///
/// Contents, from 1 January (or the SKP's start) to yesterday, on each employee's WITA working
/// days (national holidays and cuti bersama excluded):
/// - most employees file on most working days, one to three reports on different IKIs of their
///   SKP, with values that add up to about their targets over the year (counts in whole
///   units; levels — persen, hari — near the target), descriptions from the IKI and the
///   organisation's work (Dukcapil: the loket, perekaman, pencetakan KTP-el; Puskesmas: pasien,
///   posyandu; schools: pembelajaran), a duration, sometimes filed a day or two late;
/// - the atasan verifies within a few working days: most reports DIVERIFIKASI, some DITOLAK with
///   a reason (half of them corrected and verified later), a few withdrawn (DITARIK) or revoked
///   (DICABUT); recent ones, and most of those of a few slow atasan, still DIAJUKAN (some overdue);
/// - absences: cuti tahunan, sakit, dinas luar, and a few on tugas belajar, on which nobody files;
/// - a few employees stop filing in the autumn (the compliance view shows them);
/// - Kualitatif SKPs get a described and rated realisation for each past month;
/// - a few small evidence files (PDF and PNG) linked from some reports of the demo pegawai and of
///   Dukcapil staff.
public struct KupangReportDemo: Sendable {
    /// One employee as the generator needs them.
    public struct Person: Sendable {
        /// The employee (NIP, unit id, atasan).
        public var employee: Identity.Employee
        /// Code of their unit, e.g. `KPG.DUKCAPIL.DAFDUK.IDENTITAS` (chooses the kind of work).
        public var unitCode: String
        /// Their unit path (own id, then ancestors) for the calendar.
        public var unitPath: [String]
        /// Planning's targets for the year (annual period).
        public var targets: Planning.EmployeeTargets

        /// A person.
        public init(employee: Identity.Employee, unitCode: String, unitPath: [String], targets: Planning.EmployeeTargets) {
            self.employee = employee
            self.unitCode = unitCode
            self.unitPath = unitPath
            self.targets = targets
        }
    }

    /// A generated evidence file.
    public struct File: Sendable {
        /// The bytes.
        public var bytes: [UInt8]
        /// The client's file name.
        public var name: String
        /// Who uploaded it.
        public var nip: String
        /// The link reports carry.
        public var link: Common.EvidenceLink
    }

    /// Everything generated.
    public struct Output: Sendable {
        /// The reports with their author's unit id.
        public var reports: [(report: Reporting.DailyReport, unitID: String)] = []
        /// Absences.
        public var absences: [Reporting.Absence] = []
        /// Qualitative realisations of Kualitatif SKPs.
        public var qualitative: [Reporting.QualitativeRealisation] = []
        /// Evidence files (linked from some reports).
        public var files: [File] = []
    }

    /// The seed.
    public let seed: UInt64

    /// A generator for `seed`.
    public init(seed: UInt64 = 2026) {
        self.seed = seed
    }

    /// The demo for `people` of `year`, up to the day before `today`.
    public func generate(people: [Person], year: Int32, today: Common.Date, calendar: WorkingDayCalendar, personas: [String: String]) -> Output {
        var output = Output()
        let first = Common.Date(year: year, month: 1, day: 1)
        let last = Common.Date(year: year, month: 12, day: 31)
        guard let yesterday = today.adding(days: -1), let range = WitaDayRange(first, yesterday < last ? yesterday : last) else {
            return output
        }
        let pegawai = personas["pegawai"] ?? ""
        let files = evidenceFiles(year: year, pegawai: pegawai, people: people)
        output.files = files
        for person in people where person.employee.status == .aktif && !person.targets.targets.isEmpty {
            generate(person, range: range, today: today, calendar: calendar, isPegawai: person.employee.nip == pegawai,
                     isPersona: personas.values.contains(person.employee.nip), files: files, into: &output)
        }
        return output
    }

    // MARK: One employee

    private func generate(_ person: Person, range: WitaDayRange, today: Common.Date, calendar: WorkingDayCalendar, isPegawai: Bool,
                          isPersona: Bool, files: [File], into output: inout Output) {
        let nip = person.employee.nip
        let year = range.start.year
        var random = SeededRandom(seed: seed, salt: "reports|\(year)|\(nip)")
        let workingDays = calendar.workingDays(in: range, unitPath: person.unitPath)
        guard !workingDays.isEmpty else { return }
        let targets = person.targets.targets
        let kualitatif = person.targets.approach == .kualitatif
        let atasan = person.employee.atasanNIP.isEmpty ? person.targets.atasanNIP : person.employee.atasanNIP

        // Habits: how often they file, how they fare against targets, whether they stopped.
        let diligence = isPegawai ? 970 : 820 + random.below(170)
        let performance = isPegawai ? 1.0 : 0.75 + Double(random.below(450)) / 1000
        var stopDay = Int.max
        if !isPersona && random.chance(perMille: 30), let autumn = Common.Date(year: year, month: 9, day: 1).daysSinceEpoch {
            stopDay = autumn + random.below(75)
        }

        // Absences: cuti tahunan, sakit, dinas luar, and rarely a long tugas belajar.
        var absent = Set<Int>()
        func absence(_ kind: Reporting.AbsenceKind, days length: Int, reference: String, note: String) {
            guard workingDays.count > length + 2 else { return }
            let start = workingDays[random.below(workingDays.count - length)]
            guard let startDay = start.daysSinceEpoch else { return }
            let stretch = workingDays.filter { ($0.daysSinceEpoch ?? 0) >= startDay }.prefix(length)
            guard let last = stretch.last else { return }
            for day in stretch { if let number = day.daysSinceEpoch { absent.insert(number) } }
            let millis = UInt64(max(0, (Wita.startOfDay(start)?.timeIntervalSince1970 ?? 0) - 3 * 86_400)) * 1000
            output.absences.append(Reporting.Absence(
                absenceID: random.ulid(milliseconds: millis), nip: nip, kind: kind, dates: Common.DateRange(startDate: start, endDate: last),
                reference: reference, note: note, recorded: stamp("system", kind: .system, day: start, minute: -3 * 1440 + 120)))
        }
        if random.chance(perMille: 550) {
            absence(.cuti, days: 3 + random.below(8), reference: "800/\(100 + random.below(800))/BKPSDM/\(year)", note: "Cuti tahunan")
        }
        if random.chance(perMille: 250) { absence(.sakit, days: 1 + random.below(3), reference: "Surat keterangan dokter", note: "Sakit") }
        if random.chance(perMille: 300) {
            absence(.dinasLuar, days: 2 + random.below(3), reference: "ST/094/\(100 + random.below(800))/\(year)", note: "Perjalanan dinas ke Kupang-Jakarta")
        }
        if !isPersona && random.chance(perMille: 4) {
            absence(.tugasBelajar, days: min(100, workingDays.count - 3), reference: "SK Tugas Belajar 893/\(random.below(900))/BKPSDM/\(year)",
                    note: "Tugas belajar S2")
        }

        // Reports expected per IKI per working day, to scale the values to the targets.
        let countsPerDay = min(1.0, 1.7 / Double(targets.count))
        let expectedReports = max(1.0, Double(workingDays.count) * Double(diligence) / 1000 * countsPerDay)
        let atasanHabit = SeededRandom(seed: seed, salt: "atasan|\(year)|\(atasan)").peek(below: 1000)
        let slowAtasan = atasanHabit < 110
        let unitFlavour = Self.activities(unitCode: person.unitCode)
        var fileIndex = 0

        for day in workingDays {
            guard let number = day.daysSinceEpoch, number < stopDay, !absent.contains(number) else { continue }
            guard random.below(1000) < diligence else { continue }
            let count = min(targets.count, 1 + (random.chance(perMille: 450) ? 1 : 0) + (random.chance(perMille: 150) ? 1 : 0))
            var minutesLeft = 480
            for index in random.distinct(count, of: targets.count) {
                let target = targets[index]
                var report = Reporting.DailyReport()
                let late = random.chance(perMille: 100) ? 1 + random.below(2) : 0
                let filedOn = day.adding(days: late) ?? day
                guard filedOn < today else { continue }
                let submitted = stamp(nip, day: filedOn, minute: 16 * 60 + random.below(300))
                let millis = UInt64(max(0, submitted.at?.seconds ?? 0)) * 1000 + UInt64(random.below(1000))
                report.reportID = random.ulid(milliseconds: millis)
                report.nip = nip
                report.employee = person.employee.reference
                report.reportDate = day
                report.skpID = person.targets.skpID
                report.skpVersion = person.targets.skpVersion
                report.provisional = person.targets.availability != .approved
                report.rhkID = target.rhkID
                report.ikiID = target.ikiID
                report.indicator = target.indicator
                report.unit = target.annualTarget?.unit ?? target.periodTarget?.unit ?? ""
                report.realisationValue = kualitatif ? 0 : value(for: target, expectedReports: expectedReports, performance: performance, random: &random)
                let activity = random.pick(unitFlavour)
                let sentence = activity.prefix(1).uppercased() + activity.dropFirst()
                report.description = kualitatif || report.realisationValue == 0
                    ? "\(sentence) (progres: \(target.indicator.lowercased()))"
                    : "\(sentence); \(target.indicator.lowercased()): \(Self.format(report.realisationValue)) \(report.unit)"
                let minutes = min(minutesLeft, 60 * (1 + random.below(4)))
                minutesLeft -= minutes
                report.durationMinutes = UInt32(max(minutes, 0))
                report.verifierNIP = atasan
                report.submitted = submitted
                report.revision = 1
                report.state = .diajukan
                if !files.isEmpty, (isPegawai && random.chance(perMille: 120)) || (person.unitCode.hasPrefix("KPG.DUKCAPIL") && random.chance(perMille: 4)) {
                    let file = files[fileIndex % files.count]
                    fileIndex += 1
                    if file.nip == nip || !isPegawai { report.evidence = [file.link] }
                }
                review(&report, filedOn: filedOn, today: today, calendar: calendar, unitPath: person.unitPath, atasan: atasan,
                       slow: slowAtasan, random: &random)
                output.reports.append((report, person.employee.unitID))
            }
        }

        if kualitatif { qualitative(person, year: year, today: today, atasan: atasan, random: &random, into: &output) }
    }

    /// A realisation value near what the target asks of one report.
    private func value(for target: Planning.IkiTarget, expectedReports: Double, performance: Double, random: inout SeededRandom) -> Double {
        let annual = target.annualTarget?.value ?? target.periodTarget?.value ?? 0
        let noise = 0.8 + Double(random.below(400)) / 1000
        switch target.aggregation {
        case .sum, .unspecified, .unrecognized:
            // Counts come in whole units: below one per report, a report carries one with the
            // matching chance (else it is a progress note of 0), so the year adds up to the target.
            let raw = annual / expectedReports * performance * noise
            if raw >= 1 { return raw.rounded() }
            return Double(random.below(1000)) < raw * 1000 ? 1 : 0
        case .average, .latest, .maximum, .minimum:
            let level = target.annualTarget?.direction == .lowerIsBetter ? annual / performance * noise : annual * min(performance * noise, 1.15)
            return (level * 10).rounded() / 10
        }
    }

    /// The atasan's decision on a report, some working days after it was filed.
    private func review(_ report: inout Reporting.DailyReport, filedOn: Common.Date, today: Common.Date, calendar: WorkingDayCalendar,
                        unitPath: [String], atasan: String, slow: Bool, random: inout SeededRandom) {
        guard !atasan.isEmpty else { return }
        let delay = slow ? 4 + random.below(12) : 1 + random.below(4)
        guard let reviewDay = calendar.addingWorkingDays(delay, to: filedOn, unitPath: unitPath), reviewDay < today else { return }
        let roll = random.below(1000)
        let reviewed = stamp(atasan, day: reviewDay, minute: 8 * 60 + random.below(420))
        if roll < 5 {
            // Withdrawn by the author before the review.
            report.state = .ditarik
            report.updated = stamp(report.nip, day: reviewDay, minute: 7 * 60 + random.below(60))
            report.revision = 2
            return
        }
        report.reviewed = reviewed
        report.revision = 2
        if roll < 45 {
            report.state = .ditolak
            report.reviewNote = random.pick(Self.rejectionReasons)
            // Half are corrected and verified later.
            if random.chance(perMille: 500), let corrected = calendar.addingWorkingDays(1 + random.below(2), to: reviewDay, unitPath: unitPath),
               let second = calendar.addingWorkingDays(1 + random.below(3), to: corrected, unitPath: unitPath), second < today {
                report.description += " (diperbaiki: bukti dan rincian dilengkapi)"
                report.updated = stamp(report.nip, day: corrected, minute: 15 * 60 + random.below(120))
                report.reviewed = stamp(atasan, day: second, minute: 8 * 60 + random.below(420))
                report.reviewNote = "Sudah sesuai"
                report.state = .diverifikasi
                report.revision = 4
            }
            return
        }
        report.state = .diverifikasi
        report.reviewNote = random.chance(perMille: 150) ? random.pick(Self.verificationNotes) : ""
        if roll > 996, let later = calendar.addingWorkingDays(5 + random.below(10), to: reviewDay, unitPath: unitPath), later < today {
            report.state = .dicabut
            report.revoked = stamp(atasan, day: later, minute: 9 * 60 + random.below(300))
            report.reviewNote = "Verifikasi dicabut: realisasi ternyata tercatat dua kali dengan laporan hari sebelumnya"
            report.revision = 3
        }
    }

    /// A described (and, for past months, rated) realisation per month of a Kualitatif SKP.
    private func qualitative(_ person: Person, year: Int32, today: Common.Date, atasan: String, random: inout SeededRandom, into output: inout Output) {
        for month in 1...12 {
            let period = Common.Period(year: year, kind: .monthly, month: Int32(month))
            guard let days = WitaDayRange(period: period), days.end < today else { break }
            for target in person.targets.targets {
                var realisation = Reporting.QualitativeRealisation(nip: person.employee.nip, skpID: person.targets.skpID, ikiID: target.ikiID, period: period)
                realisation.description = "\(target.indicator): \(random.pick(Self.qualitativeLines)) (\(ReportingPeriods.label(period)))"
                realisation.described = stamp(person.employee.nip, day: days.end, minute: 15 * 60)
                realisation.revision = 1
                if !atasan.isEmpty, let rated = days.end.adding(days: 3), rated < today {
                    let roll = random.below(100)
                    realisation.rating = roll < 20 ? .diAtasEkspektasi : roll < 93 ? .sesuaiEkspektasi : .diBawahEkspektasi
                    realisation.ratingNote = realisation.rating == .diBawahEkspektasi ? "Beberapa dokumen terlambat; perlu pendampingan" : ""
                    realisation.rated = stamp(atasan, day: rated, minute: 9 * 60)
                    realisation.revision = 2
                }
                output.qualitative.append(realisation)
            }
        }
    }

    // MARK: Evidence files

    private func evidenceFiles(year: Int32, pegawai: String, people: [Person]) -> [File] {
        let dukcapil = people.filter { $0.unitCode.hasPrefix("KPG.DUKCAPIL") && $0.employee.nip != pegawai }.prefix(3).map(\.employee.nip)
        var out: [File] = []
        for (index, owner) in ([pegawai, pegawai, pegawai, pegawai] + dukcapil).enumerated() where !owner.isEmpty {
            let title = index % 3 == 2 ? "foto-loket-\(index + 1).png" : "rekap-pelayanan-ktp-el-\(index + 1).pdf"
            let bytes = index % 3 == 2 ? Self.png(seed: seed &+ UInt64(index)) : Self.pdf("Rekap pelayanan KTP-el \(year), lembar \(index + 1) (demo Kinerja)")
            let hash = SHA256.hash(bytes)
            guard let evidence = EvidenceHash(bytes: hash) else { continue }
            out.append(File(bytes: bytes, name: title, nip: owner, link: Common.EvidenceLink(
                uri: evidence.urn, sha256: hash, title: title, mediaType: index % 3 == 2 ? "image/png" : "application/pdf", sizeBytes: UInt64(bytes.count))))
        }
        return out
    }

    /// A small one-page PDF with `text`.
    static func pdf(_ text: String) -> [UInt8] {
        let content = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
        var body = "%PDF-1.4\n"
        var offsets: [Int] = []
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        for (index, object) in objects.enumerated() {
            offsets.append(body.utf8.count)
            body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = body.utf8.count
        body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { body += String(repeating: "0", count: 10 - String(offset).count) + "\(offset) 00000 n \n" }
        body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Array(body.utf8)
    }

    /// A tiny PNG signature with a few seed-dependent bytes (sniffed as PNG; a demo placeholder).
    static func png(seed: UInt64) -> [UInt8] {
        var random = SeededRandom(seed: seed)
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + (0..<120).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    // MARK: Text

    private func stamp(_ principal: String, kind: Common.PrincipalKind = .user, day: Common.Date, minute: Int) -> Common.AuditStamp {
        let start = Wita.startOfDay(day)?.timeIntervalSince1970 ?? 0
        return Common.AuditStamp(principal: principal, principalKind: kind, at: Common.Timestamp(seconds: Int64(start) + Int64(minute) * 60, nanos: 0))
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int64(value)) : String(format: "%.1f", value)
    }

    static func activities(unitCode: String) -> [String] {
        if unitCode.hasPrefix("KPG.DUKCAPIL") {
            return ["pelayanan pemohon KTP-el di loket Dinas", "perekaman biometrik pemohon KTP-el", "verifikasi berkas permohonan",
                    "pencetakan dan distribusi KTP-el", "pelayanan jemput bola di kelurahan", "penerbitan kartu keluarga dan akta"]
        }
        if unitCode.hasPrefix("KPG.DINKES") {
            return ["pelayanan pasien di Puskesmas", "kegiatan posyandu balita", "imunisasi dasar di Puskesmas", "kunjungan rumah pasien TB",
                    "penyuluhan kesehatan masyarakat"]
        }
        if unitCode.hasPrefix("KPG.DIKBUD") {
            return ["kegiatan belajar mengajar di kelas", "penyusunan modul ajar", "penilaian hasil belajar siswa", "rapat dewan guru"]
        }
        if unitCode.hasPrefix("KPG.BKPSDM") {
            return ["verifikasi usulan kenaikan pangkat", "pemutakhiran data pegawai di SIASN", "pendampingan penyusunan SKP OPD",
                    "rekapitulasi capaian kinerja"]
        }
        if unitCode.hasPrefix("KPG.DPMPTSP") {
            return ["pelayanan perizinan di loket PTSP", "verifikasi berkas perizinan berusaha", "survei lapangan perizinan"]
        }
        if unitCode.contains("KEC") || unitCode.contains("KEL") {
            return ["pelayanan administrasi warga di kantor", "rapat koordinasi dengan kelurahan", "pendataan warga", "penyusunan laporan kecamatan"]
        }
        return ["penyusunan laporan kegiatan", "rapat koordinasi bidang", "pengolahan dan verifikasi data", "penyusunan telaahan staf"]
    }

    static let rejectionReasons = [
        "Mohon lampirkan bukti dukung (rekap loket atau foto kegiatan)",
        "Realisasi tidak sesuai dengan rekap harian loket; mohon diperiksa kembali",
        "Uraian kegiatan terlalu umum, mohon diperjelas apa yang dikerjakan",
        "Laporan ini dobel dengan laporan lain pada hari yang sama",
    ]

    static let verificationNotes = ["Baik, pertahankan", "Terima kasih, sesuai rekap", "Lengkap"]

    static let qualitativeLines = [
        "dokumen disusun tepat waktu dan diterima tanpa revisi",
        "laporan selesai, satu kali revisi kecil dari atasan",
        "koordinasi berjalan baik; seluruh tindak lanjut tercatat",
        "sebagian dokumen terlambat karena menunggu data dari bidang lain",
    ]
}

extension SeededRandom {
    /// The next draw below `bound` without advancing this generator (a fresh copy draws).
    func peek(below bound: Int) -> Int {
        var copy = self
        return copy.below(bound)
    }
}
