#if KINERJA_PROTO_IDENTITY
import KinerjaProto

/// The three benchmark messages as KinerjaProto (protobuf-c) values; the same values as
/// `SwiftProtobufFixtures`, field for field.
enum KinerjaFixtures {
    static func stamp(_ i: Int, principal: String) -> Common.AuditStamp {
        var stamp = Common.AuditStamp()
        stamp.principal = principal
        stamp.principalKind = .user
        var at = Common.Timestamp()
        at.seconds = SampleData.timestamp(i)
        at.nanos = Int32(i % 1000) * 1_000_000
        stamp.at = at
        return stamp
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> Common.Date {
        var date = Common.Date()
        date.year = Int32(year); date.month = Int32(month); date.day = Int32(day)
        return date
    }

    static func employeeRef(_ i: Int) -> Common.EmployeeRef {
        var ref = Common.EmployeeRef()
        ref.nip = SampleData.nip(i)
        ref.displayName = SampleData.name(i)
        ref.jabatanName = SampleData.jabatanName(i)
        ref.unitID = SampleData.unit(i)
        return ref
    }

    static func employee(_ i: Int = 7) -> Identity.Employee {
        var e = Identity.Employee()
        e.nip = SampleData.nip(i)
        e.fullName = SampleData.name(i)
        e.gelarDepan = "dr."
        e.gelarBelakang = "M.Kes."
        e.asnType = .pns
        e.jenisJabatan = .fungsional
        e.jabatanName = SampleData.jabatanName(i)
        e.golongan = "III/c"
        e.unitID = SampleData.unit(i)
        e.atasanNIP = SampleData.nip(i + 100)
        e.unitHead = false
        e.birthDate = date(1970 + i % 25, 1 + i % 12, 1 + i % 28)
        e.sex = .init(rawValue: Int32(1 + i % 2))
        e.tmt = date(1992 + i % 25 + i % 5, 1 + (i * 7) % 12, 1)
        e.status = .init(rawValue: 1)
        e.email = "yohanes.nahak@kupangkota.go.id"
        e.phone = "+6281337\(100_000 + i)"
        e.created = stamp(i, principal: "spiffe://kinerja.kupangkota.go.id/service/identity")
        e.updated = stamp(i + 40, principal: SampleData.nip(3))
        e.revision = 12
        return e
    }

    #if KINERJA_PROTO_PLANNING
    static func skp(rhks: Int = 10) -> Planning.Skp {
        let owner = 21
        var skp = Planning.Skp()
        skp.skpID = "skp-2025-\(SampleData.nip(owner))"
        skp.version = 3
        skp.nip = SampleData.nip(owner)
        skp.employee = employeeRef(owner)
        skp.year = 2025
        skp.periodStart = date(2025, 1, 2)
        skp.periodEnd = date(2025, 12, 31)
        skp.approach = .kuantitatif
        skp.jenisJabatan = .fungsional
        skp.unitID = SampleData.unit(owner)
        skp.atasanNIP = SampleData.nip(owner + 100)
        for r in 0..<rhks {
            var rhk = Planning.Rhk()
            rhk.rhkID = "rhk-\(r + 1)"
            rhk.skpID = skp.skpID
            rhk.kind = r < 8 ? .utama : .tambahan
            rhk.text = SampleData.rhkText(r)
            rhk.parentRhkID = "rhk-atasan-\(r % 4 + 1)"
            rhk.parentOwnerNIP = SampleData.nip(owner + 100)
            rhk.parentRhkText = SampleData.rhkText(r + 3)
            rhk.perspektif = .init(rawValue: Int32(1 + r % 4))
            for k in 0..<2 {
                var iki = Planning.Iki()
                iki.ikiID = "iki-\(r + 1)-\(k + 1)"
                iki.rhkID = rhk.rhkID
                iki.aspek = .init(rawValue: Int32(1 + k))
                iki.indicator = SampleData.indicator(r + k)
                var target = Planning.Target()
                target.value = Double(80 + r)
                target.unit = SampleData.measureUnit(r + k)
                target.direction = .higherIsBetter
                iki.annualTarget = target
                for q in 0..<4 {
                    var periodic = Planning.PeriodicTarget()
                    var period = Common.Period()
                    period.year = 2025
                    period.kind = .quarterly
                    period.triwulan = .init(rawValue: Int32(q + 1))
                    periodic.period = period
                    periodic.value = Double(20 * (q + 1))
                    periodic.cumulative = true
                    iki.periodicTargets.append(periodic)
                }
                iki.position = UInt32(k)
                iki.aggregation = .sum
                rhk.ikis.append(iki)
            }
            rhk.position = UInt32(r)
            rhk.created = stamp(r, principal: SampleData.nip(owner))
            rhk.updated = stamp(r + 5, principal: SampleData.nip(owner))
            skp.rhks.append(rhk)
        }
        for v in 1...7 {
            var expectation = Planning.BehaviourExpectation()
            expectation.value = .init(rawValue: Int32(v))
            expectation.ekspektasiKhusus = "Menunjukkan perilaku \(v) secara konsisten dalam pelayanan kepada masyarakat"
            expectation.setBy = stamp(v, principal: SampleData.nip(owner + 100))
            skp.behaviourExpectations.append(expectation)
        }
        skp.state = .disetujui
        skp.decisionNote = "Disetujui. Target triwulan II agar dipantau bersama."
        skp.created = stamp(1, principal: SampleData.nip(owner))
        skp.submitted = stamp(2, principal: SampleData.nip(owner))
        skp.decided = stamp(3, principal: SampleData.nip(owner + 100))
        skp.revision = 9
        return skp
    }

    #endif

    #if KINERJA_PROTO_REPORTING
    static func reportPage(reports: Int = 100) -> Reporting.ListDailyReportsResponse {
        var page = Reporting.ListDailyReportsResponse()
        for i in 0..<reports {
            var report = Reporting.DailyReport()
            report.reportID = "lap-2025-\(100_000 + i)"
            report.nip = SampleData.nip(i % 12)
            report.employee = employeeRef(i % 12)
            report.reportDate = date(2025, 3, 1 + i % 28)
            report.skpID = "skp-2025-\(SampleData.nip(i % 12))"
            report.skpVersion = 3
            report.rhkID = "rhk-\(1 + i % 10)"
            report.ikiID = "iki-\(1 + i % 10)-1"
            report.indicator = SampleData.indicator(i)
            report.realisationValue = Double(i % 30) + 0.5
            report.unit = SampleData.measureUnit(i)
            report.description = SampleData.reportText(i)
            var evidence = Common.EvidenceLink()
            evidence.uri = "https://arsip.kupangkota.go.id/kinerja/bukti/2025/03/lap-\(100_000 + i).pdf"
            evidence.sha256 = SampleData.sha256(i)
            evidence.title = "Bukti kegiatan \(1 + i % 28) Maret 2025"
            evidence.mediaType = "application/pdf"
            evidence.sizeBytes = UInt64(180_000 + i * 311)
            report.evidence.append(evidence)
            report.durationMinutes = UInt32(60 + i % 5 * 30)
            report.state = .init(rawValue: Int32(1 + i % 2))
            report.verifierNIP = SampleData.nip(i % 12 + 100)
            report.submitted = stamp(i, principal: SampleData.nip(i % 12))
            report.updated = stamp(i + 1, principal: SampleData.nip(i % 12))
            report.revision = UInt64(1 + i % 3)
            page.reports.append(report)
        }
        var next = Common.PageResponse()
        next.nextCursor = "eyJsYXN0IjoibGFwLTIwMjUtMTAwMDk5In0"
        page.page = next
        return page
    }
    #endif
}
#endif
