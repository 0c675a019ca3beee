import ArgumentParser
import KinerjaProto
import Testing
@testable import kinerjactl

/// Parsing and checking of the `eval` command lines: every check runs in `validate()`, before any
/// call, and ends with exit 64.
@Suite("Eval arguments")
struct EvalArgumentTests {
    static let periodID = "01J9Z3K5W8T4M6N2P0Q7R1S3V5"
    static let nip = "199001012015032001"

    @Test("--period is an id (a ULID) or a span: a year, a triwulan (Q or TW), a semester (S or SEM), a month")
    func periodReferences() {
        #expect(EvalPeriodReference(argument: Self.periodID.lowercased())?.kind == .id(Self.periodID))
        let spans: [(String, Evaluation.EvaluationSpan)] = [
            ("2026", .init(year: 2026, kind: .annual, number: 1)), ("2026-Q2", .init(year: 2026, kind: .quarterly, number: 2)),
            ("2026-tw4", .init(year: 2026, kind: .quarterly, number: 4)), ("2026-S1", .init(year: 2026, kind: .semester, number: 1)),
            ("2026-sem2", .init(year: 2026, kind: .semester, number: 2)), ("2026-07", .init(year: 2026, kind: .monthly, number: 7)),
        ]
        for (text, span) in spans {
            #expect(EvalPeriodReference(argument: text)?.span == span, "\(text)")
            #expect(EvalPeriodReference(argument: EvalSpans.argument(span))?.span == span, "\(text) round trip")
        }
        for bad in ["2026-Q5", "2026-Q0", "2026-S3", "2026-7", "2026-13", "1999", "2026-Q1-1", "Q2", "dukcapil", ""] {
            #expect(EvalPeriodReference(argument: bad) == nil, "\(bad)")
        }
    }

    @Test("spans read as people say them, and a semester has no common.Period")
    func spanWords() {
        #expect(EvalSpans.label(.init(year: 2026, kind: .quarterly, number: 2)) == "triwulan II 2026")
        #expect(EvalSpans.label(.init(year: 2026, kind: .semester, number: 1)) == "semester 1 2026")
        #expect(EvalSpans.label(.init(year: 2026, kind: .monthly, number: 3)) == "2026-03")
        #expect(EvalSpans.label(.init(year: 2026, kind: .annual, number: 1)) == "year 2026")
        #expect(EvalSpans.period(.init(year: 2026, kind: .quarterly, number: 3)) == Common.Period(year: 2026, kind: .quarterly, triwulan: .iii))
        #expect(EvalSpans.period(.init(year: 2026, kind: .semester, number: 2)) == nil)
        let period = Evaluation.EvaluationPeriod(period: Common.Period(year: 2026, kind: .monthly, month: 7))
        let july = Evaluation.EvaluationSpan(year: 2026, kind: .monthly, number: 7)
        let august = Evaluation.EvaluationSpan(year: 2026, kind: .monthly, number: 8)
        let span = EvalSpans.span(of: period)
        #expect(EvalSpans.same(span, july))
        #expect(!EvalSpans.same(span, august))
    }

    @Test("periods open: the kind takes its own number, in range; the kind follows from the number when not given")
    func openSpans() throws {
        let unit = ["--unit", "KPG.DUKCAPIL"]
        let quarterly = try Kinerjactl.Eval.Periods.Open.parseChecked(unit + ["--kind", "quarterly", "--year", "2026", "--quarter", "2"])
        #expect(try quarterly.span.span() == Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2))
        let semester = try Kinerjactl.Eval.Periods.Open.parseChecked(unit + ["--year", "2026", "--semester", "1"])
        #expect(try semester.span.span() == Evaluation.EvaluationSpan(year: 2026, kind: .semester, number: 1))
        let monthly = try Kinerjactl.Eval.Periods.Open.parseChecked(unit + ["--kind", "monthly", "--year", "2026", "--month", "3", "--deadline", "2026-04-10"])
        #expect(try monthly.span.span() == Evaluation.EvaluationSpan(year: 2026, kind: .monthly, number: 3))
        let annual = try Kinerjactl.Eval.Periods.Open.parseChecked(unit + ["--kind", "annual", "--year", "2026"])
        #expect(try annual.span.span() == Evaluation.EvaluationSpan(year: 2026, kind: .annual, number: 1))
        let refused: [([String], String)] = [
            (["--kind", "quarterly", "--year", "2026"], "needs --quarter"),
            (["--kind", "quarterly", "--month", "3"], "takes --quarter, not --month"),
            (["--kind", "quarterly", "--quarter", "5"], "--quarter must be 1–4"),
            (["--kind", "annual", "--month", "3"], "takes no --month"),
            (["--month", "3", "--semester", "1"], "one of --month, --quarter and --semester"),
            (["--quarter", "1", "--year", "1999"], "--year must be 2000–2100"),
        ]
        for (arguments, message) in refused {
            let error = Kinerjactl.Eval.Periods.Open.invalid(unit + arguments)
            #expect(error?.message.contains(message) == true, "\(arguments): \(error?.message ?? "accepted")")
            #expect(error?.code == .invalidArguments)
        }
        #expect(Kinerjactl.Eval.Periods.Open.invalid(["--quarter", "2"])?.message.contains("name the unit") == true)
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Periods.Open.parse(unit + ["--kind", "weekly"]) }
    }

    @Test("a span names a unit's period only with --unit; an id needs none; --unit with an id is kept as a check")
    func periodSelection() throws {
        #expect(Kinerjactl.Eval.Quotas.invalid(["--period", "2026-Q2"])?.message.contains("give --unit too") == true)
        let bySpan = try Kinerjactl.Eval.Quotas.parseChecked(["--period", "2026-Q2", "--unit", "KPG.DUKCAPIL"])
        #expect(bySpan.selection.period.span == Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2))
        let byID = try Kinerjactl.Eval.Finalise.parseChecked(["--period", Self.periodID, "--unit", "KPG.DUKCAPIL"])
        #expect(byID.selection.period.kind == .id(Self.periodID) && byID.selection.unit.reference == UnitReference(.code("KPG.DUKCAPIL")))
        #expect(Kinerjactl.Eval.Quotas.invalid(["--period", Self.periodID, "--width", "5"])?.message == "--width must be 10–200")
        #expect(Kinerjactl.Eval.Propose.invalid(["--period", Self.periodID, "--nip", "1990"])?.message.contains("--nip must be 18 digits") == true)
        #expect(Kinerjactl.Eval.Leniency.invalid(["--period", "2026"])?.message.contains("give --unit too") == true)
        #expect(Kinerjactl.Eval.Periods.Show.invalid(["2026-S1"])?.message.contains("give --unit too") == true)
    }

    @Test("rate: at least one rating; Perilaku Di Atas or Di Bawah always with a reason of 10–2000 characters; other reasons at most 2000")
    func rate() throws {
        let id = "01JEVAL"
        let both = try Kinerjactl.Eval.Rate.parseChecked([id, "--hasil-kerja", "di-atas", "--perilaku", "sesuai", "--reason", "Capaian IKI utama 120%"])
        #expect(both.hasilKerja?.value == .diAtasEkspektasi && both.perilaku?.value == .sesuaiEkspektasi)
        #expect(try both.hasilKerjaReasonText() == "Capaian IKI utama 120%" && both.perilakuReasonText() == "Capaian IKI utama 120%")
        let full = try Kinerjactl.Eval.Rate.parseChecked([id, "--hasil-kerja", "di-bawah-ekspektasi"])
        #expect(full.hasilKerja?.value == .diBawahEkspektasi)
        // A short reason is the service's to judge: it is required (10–2000) only when the rating departs from the proposal.
        #expect(try Kinerjactl.Eval.Rate.parseChecked([id, "--hasil-kerja", "sesuai", "--reason", "sesuai"]).hasilKerjaReasonText() == "sesuai")
        #expect(try full.hasilKerjaReasonText() == "")
        let own = try Kinerjactl.Eval.Rate.parseChecked([id, "--hasil-kerja", "sesuai", "--perilaku", "di-bawah", "--reason", "Sesuai usulan sistem",
                                                         "--perilaku-reason", "Tiga kali terlambat apel"])
        #expect(try own.perilakuReasonText() == "Tiga kali terlambat apel" && own.hasilKerjaReasonText() == "Sesuai usulan sistem")
        let refused: [([String], String)] = [
            ([id], "give --hasil-kerja, --perilaku or both"),
            ([id, "--perilaku", "di-atas"], "needs a reason"),
            ([id, "--perilaku", "di-bawah", "--reason", "singkat"], "--reason must be 10–2000 characters"),
            ([id, "--hasil-kerja", "sesuai", "--hasil-kerja-reason", String(repeating: "x", count: 2001)], "--hasil-kerja-reason must be at most 2000"),
            ([id, "--perilaku", "sesuai", "--perilaku-reason", String(repeating: "x", count: 2001)], "--perilaku-reason must be at most 2000"),
            ([id, "--hasil-kerja", "sesuai", "--perilaku-reason", "Sangat membantu rekan"], "need --perilaku"),
            ([id, "--hasil-kerja", "sesuai", "--value-note", "akuntabel=Tepat waktu"], "need --perilaku"),
            ([id, "--perilaku", "sesuai", "--value-note", "akuntabel"], "VALUE=TEXT"),
            ([id, "--perilaku", "sesuai", "--value-note", "jujur=Selalu"], "is not a BerAKHLAK value"),
            ([id, "--perilaku", "sesuai", "--value-note", "loyal=a", "--value-note", "loyal=b"], "given twice"),
            ([id, "--perilaku", "sesuai", "--value-note", "loyal="], "must be 1–1000 characters"),
        ]
        for (arguments, message) in refused {
            let error = Kinerjactl.Eval.Rate.invalid(arguments)
            #expect(error?.message.contains(message) == true, "\(arguments): \(error?.message ?? "accepted")")
        }
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.Rate.parse([id, "--hasil-kerja", "baik"]) }
    }

    @Test("judge: VALUE=JUDGEMENT each value once, notes only on judged values, or --withdraw; in the values' order")
    func judge() throws {
        let id = "01JEVAL"
        let judged = try Kinerjactl.Eval.Judge.parseChecked([id, "--value", "kolaboratif=sesuai", "--value", "berorientasi-pelayanan=di-atas",
                                                             "--note", "berorientasi-pelayanan=Pengaduan dijawab dalam sehari"])
        let judgements = try EvalValues.judgements(judged.values, notes: judged.notes)
        #expect(judgements.map(\.value) == [.berorientasiPelayanan, .kolaboratif])
        #expect(judgements.map(\.judgement) == [.diAtasEkspektasi, .sesuaiEkspektasi])
        #expect(judgements.first?.note == "Pengaduan dijawab dalam sehari" && judgements.last?.note == "")
        #expect(try Kinerjactl.Eval.Judge.parseChecked([id, "--withdraw"]).withdraw)
        let refused: [([String], String)] = [
            ([id], "give --value"),
            ([id, "--withdraw", "--value", "loyal=sesuai"], "--withdraw takes no"),
            ([id, "--value", "loyal"], "VALUE=JUDGEMENT"),
            ([id, "--value", "jujur=sesuai"], "is not a BerAKHLAK value"),
            ([id, "--value", "loyal=baik"], "must be di-atas, sesuai or di-bawah"),
            ([id, "--value", "loyal=sesuai", "--value", "loyal=di-atas"], "given twice"),
            ([id, "--value", "loyal=sesuai", "--note", "adaptif=Cepat belajar"], "judge the value too"),
            ([id, "--value", "loyal=sesuai", "--note", "loyal=" + String(repeating: "x", count: 1001)], "must be 1–1000 characters"),
        ]
        for (arguments, message) in refused {
            let error = Kinerjactl.Eval.Judge.invalid(arguments)
            #expect(error?.message.contains(message) == true, "\(arguments): \(error?.message ?? "accepted")")
        }
    }

    @Test("BerAKHLAK notes come back in the values' order whatever order they were given in")
    func valueNotes() throws {
        let notes = try EvalValues.valueNotes(["kolaboratif=Mengajak bidang lain", "berorientasi-pelayanan=Loket dibuka tepat waktu"])
        #expect(notes.map(\.value) == [.berorientasiPelayanan, .kolaboratif])
        #expect(notes.first?.note == "Loket dibuka tepat waktu")
    }

    @Test("finalise and reopen: an override or reopening reason is 20–2000 characters")
    func reasons() throws {
        let base = ["--period", Self.periodID]
        #expect(try Kinerjactl.Eval.Finalise.parseChecked(base).overrideReason == nil)
        #expect(Kinerjactl.Eval.Finalise.invalid(base + ["--override-reason", "terlalu pendek"])?.message == "--override-reason must be 20–2000 characters")
        #expect(try Kinerjactl.Eval.Finalise.parseChecked(base + ["--override-reason", "Unit baru dibentuk; pola belum dapat dipenuhi"]).overrideReason != nil)
        #expect(Kinerjactl.Eval.Periods.Reopen.invalid([Self.periodID, "--reason", "koreksi"])?.message == "--reason must be 20–2000 characters")
        #expect(Kinerjactl.Eval.Periods.Reopen.invalid(["42", "--reason", "Koreksi setelah keberatan pegawai diterima"])?.message.contains("not a period id") == true)
        #expect(Kinerjactl.Eval.OrgRating.Decide.invalid(base + ["--rating", "baik", "--reason", "  "])?.message == "--reason must be 1–2000 characters")
        #expect(try Kinerjactl.Eval.OrgRating.Decide.parseChecked(base + ["--rating", "butuh-perbaikan", "--reason", "Hasil evaluasi SAKIP"]).rating.value
            == .butuhPerbaikan)
        #expect(throws: (any Error).self) { try Kinerjactl.Eval.OrgRating.Decide.parse(base + ["--rating", "baik-sekali", "--reason", "x"]) }
        #expect(Kinerjactl.Eval.Ack.invalid(["01JEVAL", "--note", String(repeating: "x", count: 2001)])?.message == "--note must be at most 2000 characters")
    }

    @Test("population adjust: a leave takes --from/--to, an event takes --effective; the note is 1–500 characters")
    func populationAdjust() throws {
        let base = ["--period", Self.periodID, "--nip", Self.nip, "--note", "SK Wali Kota 800/123/BKPSDM/2026"]
        let leave = try Kinerjactl.Eval.Population.Adjust.parseChecked(base + ["--reason", "tugas-belajar", "--from", "2026-04-01", "--to", "2026-06-30"])
        let adjustment = try leave.adjustment()
        #expect(adjustment.reason == .tugasBelajar && adjustment.leave?.startDate == Common.Date(year: 2026, month: 4, day: 1) && adjustment.effectiveDate == nil)
        let event = try Kinerjactl.Eval.Population.Adjust.parseChecked(base + ["--reason", "pindah-keluar", "--effective", "2026-05-02"])
        #expect(try event.adjustment().effectiveDate == Common.Date(year: 2026, month: 5, day: 2))
        let refused: [([String], String)] = [
            (base + ["--reason", "cltn"], "needs --from and --to"),
            (base + ["--reason", "cltn", "--from", "2026-05-01", "--to", "2026-04-01"], "--from must not be after --to"),
            (base + ["--reason", "cltn", "--from", "2026-04-01", "--to", "2026-05-01", "--effective", "2026-04-01"], "not --effective"),
            (base + ["--reason", "meninggal"], "needs --effective"),
            (base + ["--reason", "pensiun", "--effective", "2026-05-01", "--from", "2026-04-01"], "not --from/--to"),
            (["--period", Self.periodID, "--nip", Self.nip, "--note", "", "--reason", "pensiun", "--effective", "2026-05-01"], "--note must be 1–500"),
            (["--period", Self.periodID, "--nip", "12", "--note", "x", "--reason", "pensiun", "--effective", "2026-05-01"], "--nip must be 18 digits"),
        ]
        for (arguments, message) in refused {
            let error = Kinerjactl.Eval.Population.Adjust.invalid(arguments)
            #expect(error?.message.contains(message) == true, "\(arguments): \(error?.message ?? "accepted")")
        }
    }

    @Test("show takes an evaluation id, or --period with an optional --nip, never both")
    func show() throws {
        #expect(try Kinerjactl.Eval.Show.parseChecked(["01JEVAL", "--evidence"]).evidence)
        #expect(try Kinerjactl.Eval.Show.parseChecked(["--period", "2026-Q2"]).period?.span?.number == 2)
        #expect(try Kinerjactl.Eval.Show.parseChecked(["--period", Self.periodID, "--nip", Self.nip]).nip == Self.nip)
        #expect(Kinerjactl.Eval.Show.invalid([])?.message.contains("give an evaluation id, or --period") == true)
        #expect(Kinerjactl.Eval.Show.invalid(["01JEVAL", "--period", "2026-Q2"])?.message.contains("not both") == true)
        #expect(Kinerjactl.Eval.Show.invalid(["01JEVAL", "--nip", Self.nip])?.message.contains("not both") == true)
    }

    @Test("export: --resume and --force need --out and exclude each other; leniency thresholds stay in the contract's ranges")
    func exportAndLeniency() throws {
        let base = ["--period", Self.periodID]
        #expect(try Kinerjactl.Eval.Export.parseChecked(base + ["--out", "tw2.csv", "--resume"]).resume)
        #expect(try Kinerjactl.Eval.Export.parseChecked(["--period", "2026-Q2", "--unit", "KPG.DUKCAPIL", "--subunits"]).scope.subunits)
        #expect(Kinerjactl.Eval.Export.invalid(base + ["--resume"])?.message == "--resume and --force need --out FILE")
        #expect(Kinerjactl.Eval.Export.invalid(base + ["--out", "a.csv", "--resume", "--force"])?.message == "give --resume or --force, not both")
        #expect(Kinerjactl.Eval.Leniency.invalid(base + ["--flag-threshold", "5"])?.message == "--flag-threshold must be 0.1–4")
        #expect(Kinerjactl.Eval.Leniency.invalid(base + ["--modal-share", "40"])?.message == "--modal-share must be 50–100")
        #expect(Kinerjactl.Eval.Periods.List.invalid(["--subunits"])?.message == "--subunits needs --unit")
        #expect(try Kinerjactl.Eval.Periods.List.parseChecked(["--unit", "KPG", "--state", "penilaian", "--state", "finalised"]).state.map(\.value)
            == [.penilaian, .finalised])
    }
}
