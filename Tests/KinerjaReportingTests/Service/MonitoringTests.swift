import Foundation
import KinerjaASN
import KinerjaCrypto
import KinerjaProto
import KinerjaReporting
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// Compliance, team and unit progress, calendar, absences, evidence downloads and orphans.
@Suite("Reporting: monitoring, calendar, absences, evidence", .serialized)
struct MonitoringTests {
    /// The last complete Monday–Friday week before today, inside this year (the compliance checks use it).
    func lastWorkWeek() -> [Common.Date] {
        var day = witaToday.adding(days: -7) ?? witaToday
        while day.weekday != .monday { day = day.adding(days: -1) ?? day }
        return (0..<5).compactMap { day.adding(days: $0) }
    }

    @Test("compliance of a seksi: who has not filed per working day; absences and a unit closure excuse; an atasan sees their own unit only")
    func compliance() async throws {
        try await withReporting { f in
            let seksi = try await f.unit("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let pengelola = try await f.signIn("pengelola")
            let week = lastWorkWeek()
            let range = Common.DateRange(startDate: week[0], endDate: week[4])
            let nip = try f.identity.nip("pegawai")
            // The pegawai was on cuti on Monday and Tuesday; the unit was closed on Wednesday.
            let absence = try #require(try await f.client.recordAbsence(Reporting.RecordAbsenceRequest(absence: Reporting.Absence(
                nip: nip, kind: .cuti, dates: Common.DateRange(startDate: week[0], endDate: week[1]), reference: "800/12/BKPSDM")), options: pengelola).absence)
            #expect(!absence.absenceID.isEmpty && absence.recorded != nil)
            _ = try await f.client.setNonWorkingDay(Reporting.SetNonWorkingDayRequest(day: Reporting.NonWorkingDay(
                date: week[2], kind: .unitClosure, name: "Pindah kantor seksi", unitID: seksi)), options: pengelola)
            let response = try await f.client.getCompliance(Reporting.GetComplianceRequest(
                unit: Common.UnitScope(unitID: seksi), dateRange: range, includeEmployees: true), options: pengelola)
            #expect(response.days.count == 5)
            let me = try #require(response.employees.first { $0.employee?.nip == nip })
            #expect(me.excusedDays == 3 && me.workingDays == 2 && me.daysFiled == 0 && me.compliancePercent == 0)
            #expect(response.days[2].expectedCount == 0 && response.days[2].excusedCount > 0)
            #expect(response.days[3].missingNIPs.contains(nip))
            #expect(!response.days[0].missingNIPs.contains(nip))
            #expect(response.unitRollups.map(\.key) == [seksi])
            #expect(response.atasanRollups.contains { $0.key == (try? f.identity.nip("atasan")) })
            // The atasan sees their own seksi; the pegawai does not; another unit is not the atasan's.
            _ = try await f.client.getCompliance(Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: seksi), dateRange: range),
                                                 options: try await f.signIn("atasan"))
            #expect(await failure { try await f.client.getCompliance(Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: seksi), dateRange: range),
                                                                     options: try await f.signIn("pegawai")) }?.code == .permissionDenied)
            let inspektorat = try await f.unit("KPG.INSPEKTORAT")
            #expect(await failure { try await f.client.getCompliance(Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: inspektorat), dateRange: range),
                                                                     options: try await f.signIn("atasan")) }?.code == .permissionDenied)
            // A range over 92 days or in the future is INVALID_ARGUMENT.
            #expect(await failure { try await f.client.getCompliance(Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: seksi),
                dateRange: Common.DateRange(startDate: day(-100), endDate: day(0))), options: pengelola) }?.code == .invalidArgument)
            #expect(await failure { try await f.client.getCompliance(Reporting.GetComplianceRequest(unit: Common.UnitScope(unitID: seksi),
                dateRange: Common.DateRange(startDate: day(0), endDate: day(1))), options: pengelola) }?.code == .invalidArgument)
            // Absences: listed for the employee, removed with a reason.
            let listed = try await f.client.listAbsences(Reporting.ListAbsencesRequest(nip: nip, dateRange: range), options: try await f.signIn("pegawai"))
            #expect(listed.absences.map(\.absenceID) == [absence.absenceID])
            _ = try await f.client.removeAbsence(Reporting.RemoveAbsenceRequest(absenceID: absence.absenceID, reason: "salah input"), options: pengelola)
            #expect(try await f.client.listAbsences(Reporting.ListAbsencesRequest(nip: nip, dateRange: range), options: pengelola).absences.isEmpty)
        }
    }

    @Test("the calendar: national holidays and cuti bersama of the year are loaded; pengelola adds a libur daerah; nobody else may")
    func calendar() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let year = witaToday.year
            let listed = try await f.client.listNonWorkingDays(Reporting.ListNonWorkingDaysRequest(dateRange: Common.DateRange(
                startDate: Common.Date(year: 2026, month: 1, day: 1), endDate: Common.Date(year: 2026, month: 12, day: 31))), options: pegawai)
            #expect(listed.days.count == 25, "17 libur nasional and 8 cuti bersama of 2026")
            let anniversary = Reporting.NonWorkingDay(date: Common.Date(year: year, month: 4, day: 25), kind: .liburDaerah, name: "HUT Kota Kupang")
            #expect(await failure { try await f.client.setNonWorkingDay(Reporting.SetNonWorkingDayRequest(day: anniversary), options: pegawai) }?.code == .permissionDenied)
            let set = try await f.client.setNonWorkingDay(Reporting.SetNonWorkingDayRequest(day: anniversary), options: try await f.signIn("pengelola"))
            #expect(set.day?.setBy != nil)
            #expect(await failure { try await f.client.setNonWorkingDay(Reporting.SetNonWorkingDayRequest(day: Reporting.NonWorkingDay(
                date: Common.Date(year: year, month: 4, day: 26), kind: .unitClosure, name: "x")), options: try await f.signIn("pengelola")) }?.code == .invalidArgument)
            let policy = try await f.client.getReportingPolicy(Reporting.GetReportingPolicyRequest(), options: pegawai)
            #expect(policy.policy?.backdateDays == 3 && policy.policy?.maxReportsPerDay == 20)
        }
    }

    @Test("team progress for the atasan (direct bawahan, sorted by name) and unit progress streamed to evaluation")
    func teamAndUnit() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let atasan = try await f.signIn("atasan")
            let skp = try await f.skp("pegawai")
            let report = try await f.submit(f.draft(skp, value: 7), pegawai)
            _ = try await f.client.verifyDailyReport(Reporting.VerifyDailyReportRequest(reportID: report.reportID), options: atasan)
            let period = Common.Period(year: witaToday.year, kind: .annual)
            let team = try await f.client.getTeamProgress(Reporting.GetTeamProgressRequest(period: period), options: atasan)
            let nip = try f.identity.nip("pegawai")
            let me = try #require(team.members.first { $0.employee?.nip == nip })
            #expect(me.ikiCount == UInt32(skp.rhks.reduce(0) { $0 + $1.ikis.count }) && me.lastReportDate == witaToday)
            #expect(team.members.count > 1)
            // The non-ASN Wali Kota is the Sekretaris Daerah's atasan: their team is the Sekda, named by their NONASN. identifier.
            let walikota = try await f.signIn("walikota")
            let annual = Common.Period(year: witaToday.year, kind: .annual)
            let cityTeam = try await f.client.getTeamProgress(Reporting.GetTeamProgressRequest(period: annual), options: walikota)
            #expect(cityTeam.members.count == 1, "the Wali Kota rates the Sekda alone")
            let walikotaID = try f.identity.nip("walikota")
            #expect(walikotaID.hasPrefix("NONASN."))
            #expect(try await f.client.getTeamProgress(Reporting.GetTeamProgressRequest(atasanNIP: walikotaID, period: annual),
                                                       options: walikota).members.count == 1)
            #expect(await failure { try await f.client.getTeamProgress(Reporting.GetTeamProgressRequest(atasanNIP: try f.identity.nip("atasan"), period: period),
                                                                       options: pegawai) }?.code == .permissionDenied)
            let seksi = try await f.unit("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let rows = try await f.client(.service("evaluation")).streamUnitProgress(Reporting.StreamUnitProgressRequest(
                unit: Common.UnitScope(unitID: seksi), period: period)) { responses in
                var rows: [Reporting.EmployeeProgress] = []
                for try await response in responses { if let progress = response.progress { rows.append(progress) } }
                return rows
            }
            let mine = try #require(rows.first { $0.employee?.nip == nip })
            #expect(mine.ikis.first { $0.ikiID == report.ikiID }?.realisationVerified == 7)
            #expect(await failure { try await f.client.getProgress(Reporting.GetProgressRequest(nip: nip, period: Common.Period(year: 1999, kind: .annual)),
                                                                   options: pegawai) }?.code == .invalidArgument)
        }
    }

    @Test("the whole city's progress streams: the root unit with its sub-units includes the non-ASN Wali Kota (NONASN. identifier), without an SKP")
    func rootUnitWithWaliKota() async throws {
        try await withReporting { f in
            let root = try await f.unit("KPG")
            let period = Common.Period(year: witaToday.year, kind: .annual)
            // Reporting asks identity for the members, then planning for their targets; planning asks
            // identity for the same people (BatchGetEmployees), the Wali Kota among them.
            let rows = try await f.client(.service("evaluation")).streamUnitProgress(Reporting.StreamUnitProgressRequest(
                unit: Common.UnitScope(unitID: root, includeSubunits: true), period: period)) { responses in
                var rows: [Reporting.EmployeeProgress] = []
                for try await response in responses { if let progress = response.progress { rows.append(progress) } }
                return rows
            }
            let walikota = try f.identity.nip("walikota")
            #expect(walikota.hasPrefix("NONASN."))
            let mayor = try #require(rows.first { $0.employee?.nip == walikota }, "the Wali Kota is a member of the root unit")
            #expect(mayor.targetsAvailability == .noSkp && mayor.skpID.isEmpty && mayor.ikis.isEmpty && mayor.workingDays == 0)
            let pegawai = try f.identity.nip("pegawai")
            #expect([.approved, .provisional].contains(rows.first { $0.employee?.nip == pegawai }?.targetsAvailability), "the demo SKPs answer beside the Wali Kota")
            #expect(Set(rows.compactMap { $0.employee?.nip }).count == rows.count, "one row per member")
            #expect(rows.count > 100, "every unit of the city")
        }
    }

    @Test("a Kualitatif IKI: the employee describes the month, the atasan rates it, progress carries the rating; a rated one is the atasan's")
    func qualitative() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let atasan = try await f.signIn("atasan")
            let skp = try await f.skp("pegawai")
            _ = try await f.planning.client.updateSkp(Planning.UpdateSkpRequest(skpID: skp.skpID, approach: .kualitatif,
                                                                                updateMask: Common.FieldMask(paths: ["approach"])), options: pegawai)
            let iki = try #require(skp.rhks.first?.ikis.first?.ikiID)
            let month = Common.Period(year: witaToday.year, kind: .monthly, month: witaToday.month)
            let described = try #require(try await f.client.setQualitativeRealisation(Reporting.SetQualitativeRealisationRequest(
                ikiID: iki, period: month, description: "Seluruh berkas diverifikasi tepat waktu"), options: pegawai).realisation)
            #expect(described.revision == 1 && described.rating == .unspecified)
            let nip = try f.identity.nip("pegawai")
            #expect(await failure { try await f.client.rateQualitativeRealisation(Reporting.RateQualitativeRealisationRequest(
                nip: nip, ikiID: iki, period: month), options: atasan) }?.code == .invalidArgument)
            #expect(await failure { try await f.client.rateQualitativeRealisation(Reporting.RateQualitativeRealisationRequest(
                nip: nip, ikiID: iki, period: month, rating: .sesuaiEkspektasi), options: pegawai) }?.code == .permissionDenied)
            let rated = try #require(try await f.client.rateQualitativeRealisation(Reporting.RateQualitativeRealisationRequest(
                nip: nip, ikiID: iki, period: month, rating: .sesuaiEkspektasi, note: "Baik"), options: atasan).realisation)
            #expect(rated.rating == .sesuaiEkspektasi && rated.rated != nil)
            #expect(await failure { try await f.client.setQualitativeRealisation(Reporting.SetQualitativeRealisationRequest(
                ikiID: iki, period: month, description: "ubah"), options: pegawai) }?.reason == "QUALITATIVE_ALREADY_RATED")
            let progress = try await f.client.getProgress(Reporting.GetProgressRequest(nip: nip, period: month), options: pegawai)
            let entry = try #require(progress.progress?.ikis.first { $0.ikiID == iki })
            #expect(entry.qualitative?.rating == .sesuaiEkspektasi && entry.capaianPercent == nil)
        }
    }

    @Test("overdue verifications per atasan and per unit; a file nobody refers to is collected after the grace period, a linked one stays")
    func overdueAndOrphans() async throws {
        try await withReporting { f in
            let pegawai = try await f.signIn("pegawai")
            let skp = try await f.skp("pegawai")
            // Submitted now: not overdue. The list filter returns none.
            _ = try await f.submit(f.draft(skp), pegawai)
            let none = try await f.client.listDailyReports(Reporting.ListDailyReportsRequest(
                verifierNIP: try f.identity.nip("atasan"), overdueOnly: true), options: try await f.signIn("atasan"))
            #expect(none.reports.isEmpty)
            let seksi = try await f.unit("KPG.DUKCAPIL.DAFDUK.IDENTITAS")
            let unitList = try await f.client.listDailyReports(Reporting.ListDailyReportsRequest(
                unit: Common.UnitScope(unitID: seksi), overdueOnly: true), options: try await f.signIn("pengelola"))
            #expect(unitList.reports.isEmpty)

            let linked = try #require(try await f.client.upload(pdf("linked"), callOptions: pegawai).evidence)
            let orphan = try #require(try await f.client.upload(pdf("orphan"), callOptions: pegawai).evidence)
            _ = try await f.submit(f.draft(skp, iki: 1, evidence: [linked]), pegawai)
            // Age both files past the grace period (one day).
            for link in [linked, orphan] {
                let hex = link.sha256.map { String(format: "%02x", $0) }.joined()
                let path = f.evidenceFolder + "/" + hex.prefix(2) + "/" + hex.dropFirst(2)
                try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: path)
            }
            #expect(try await f.handlers.collectOrphans() == 1)
            _ = try await f.client.download(linked.sha256, callOptions: pegawai)
            #expect(await failure { try await f.client.download(orphan.sha256, callOptions: pegawai) }?.code == .notFound)
            // A report naming the collected file is refused: upload it again.
            #expect(await failure { try await f.submit(f.draft(skp, iki: 2, evidence: [orphan]), pegawai) }?.reason == "EVIDENCE_NOT_FOUND")
            #expect(try await f.auditEvents(action: "reporting.evidence_orphan").count == 1)
        }
    }
}
