import KinerjaFeedback
import KinerjaProto
import Testing

@Suite("Dialog kinerja: the record, the employee's confirmation, and follow-up actions closed later with a note")
struct DialogTests {
    static func request(_ edit: (inout Feedback.DialogRecord) -> Void = { _ in }) -> Feedback.RecordDialogRequest {
        var dialog = Feedback.DialogRecord(
            employeeNIP: Fixtures.subject, stage: .pemantauan, heldOn: Fixtures.day(3, 9), period: Fixtures.q1,
            summary: "Capaian KTP-el triwulan I 280 dari 300; kendala blangko pada minggu ke-2.",
            agreements: ["Prioritaskan perekaman lansia pada hari Selasa", " Laporan harian diunggah sebelum 16.00 "],
            actionItems: [
                Feedback.ActionItem(text: "Ajukan tambahan blangko ke Dinas", dueDate: Fixtures.day(3, 13), ownerNIP: Fixtures.kasi),
                Feedback.ActionItem(text: "Rekap antrean lansia mingguan", ownerNIP: Fixtures.subject, done: true),
            ])
        edit(&dialog)
        return Feedback.RecordDialogRequest(dialog: dialog)
    }

    static func recorded(_ by: String = Fixtures.kasi, standing: FeedbackStanding = Fixtures.atasanStanding) throws -> Feedback.DialogRecord {
        try DialogRules.validatedRecord(Self.request { dialog in
            for index in dialog.actionItems.indices where dialog.actionItems[index].ownerNIP == Fixtures.kasi { dialog.actionItems[index].ownerNIP = by }
        }, atasanNIP: by, standing: standing, today: Fixtures.today)
    }

    @Test("the atasan langsung, or the acting Plt./Plh., records it: AWAITING_CONFIRMATION, revision 1, texts trimmed, items numbered and open")
    func record() throws {
        let record = try Self.recorded()
        #expect(record.state == .awaitingConfirmation && record.revision == 1 && record.atasanNIP == Fixtures.kasi)
        #expect(record.agreements[1] == "Laporan harian diunggah sebelum 16.00")
        #expect(record.actionItems.map(\.number) == [1, 2])
        #expect(record.actionItems.allSatisfy { !$0.done }, "done is output only: items close later with a note")
        #expect(try Self.recorded(Fixtures.plt, standing: Fixtures.pltStanding).atasanNIP == Fixtures.plt)
        let kabid = Fixtures.error { try Self.recorded(Fixtures.kabid, standing: Fixtures.kabidStanding) }
        #expect(kabid?.code == .notTheAtasan)
        #expect(kabid?.rpcStatus?.code == .permissionDenied)
    }

    @Test("content: stage, a real held_on not after today, summary 1-8000, 50 agreements of 1-1000, 50 items owned by a party and due no earlier than the dialog; all problems at once")
    func content() {
        let error = Fixtures.error {
            try DialogRules.validatedRecord(Self.request {
                $0.stage = .unspecified
                $0.heldOn = Fixtures.day(3, 11)
                $0.summary = ""
                $0.agreements = [""]
                $0.actionItems = [Feedback.ActionItem(text: "x", dueDate: Fixtures.day(3, 1), ownerNIP: Fixtures.kabid)]
            }, atasanNIP: Fixtures.kasi, standing: Fixtures.atasanStanding, today: Fixtures.today)
        }
        #expect(error?.violations.map(\.field) == [
            "dialog.stage", "dialog.held_on", "dialog.summary", "dialog.agreements[0]", "dialog.action_items[0].owner_nip",
        ])
        #expect(error?.violations[1].reason == "DATE_IN_FUTURE")
        let early = Fixtures.error {
            try DialogRules.validatedRecord(Self.request { $0.actionItems[0].dueDate = Fixtures.day(3, 1) }, atasanNIP: Fixtures.kasi,
                                            standing: Fixtures.atasanStanding, today: Fixtures.today)
        }
        #expect(early?.field == "dialog.action_items[0].due_date")
        #expect(early?.message == "dialog.action_items[0].due_date: due_date (2026-03-01) is before the session (2026-03-09)")
        let many = Fixtures.error {
            try DialogRules.validatedRecord(Self.request { $0.agreements = Array(repeating: "ok", count: 51) }, atasanNIP: Fixtures.kasi,
                                            standing: Fixtures.atasanStanding, today: Fixtures.today)
        }
        #expect(many?.code == .tooManyItems)
    }

    @Test("the atasan edits masked fields until the employee answers; an unknown or empty mask is INVALID_ARGUMENT")
    func update() throws {
        let record = try Self.recorded()
        var change = Feedback.DialogRecord(stage: .penilaian, summary: "Capaian 285 dari 300 setelah koreksi data.")
        let merged = try DialogRules.merged(record, with: change, mask: Common.FieldMask(paths: ["summary"]), today: Fixtures.today)
        #expect(merged.summary == "Capaian 285 dari 300 setelah koreksi data.")
        #expect(merged.stage == .pemantauan, "only masked fields change")
        #expect(Fixtures.error { try DialogRules.merged(record, with: change, mask: nil, today: Fixtures.today) }?.field == "update_mask")
        #expect(Fixtures.error { try DialogRules.merged(record, with: change, mask: Common.FieldMask(paths: ["state"]), today: Fixtures.today) }?.message
            .contains("\"state\" cannot be changed") == true)
        change.summary = ""
        #expect(Fixtures.error { try DialogRules.merged(record, with: change, mask: Common.FieldMask(paths: ["summary"]), today: Fixtures.today) }?.code == .textRequired)
        var lifecycle = DialogLifecycle(record)
        #expect(Fixtures.error { try lifecycle.apply(.update(by: Fixtures.plt)) }?.code == .notAParty)
        #expect(try lifecycle.apply(.update(by: Fixtures.kasi, expectedRevision: 1)) == .updated)
        #expect(lifecycle.revision == 2 && lifecycle.state == .awaitingConfirmation)
    }

    @Test("""
    the table: AWAITING_CONFIRMATION -agree-> DISEPAKATI, -dispute(comment)-> DISANGGAH; a final record is neither edited nor answered again
    """)
    func table() throws {
        let record = try Self.recorded()
        var agreed = DialogLifecycle(record)
        #expect(try agreed.apply(.agree(by: Fixtures.subject, comment: " Setuju. ")) == .agreed(comment: "Setuju."))
        #expect(agreed.state == .disepakati && agreed.revision == 2)
        for event: DialogLifecycle.Event in [.update(by: Fixtures.kasi), .agree(by: Fixtures.subject), .dispute(by: Fixtures.subject, comment: "Tidak")] {
            let before = agreed
            let error = Fixtures.error { try agreed.apply(event) }
            #expect(error?.code == .dialogNotAwaiting)
            #expect(agreed == before)
        }
        var disputed = DialogLifecycle(record)
        let noComment = Fixtures.error { try disputed.apply(.dispute(by: Fixtures.subject, comment: "  ")) }
        #expect(noComment?.code == .reasonRequired)
        #expect(try disputed.apply(.dispute(by: Fixtures.subject, comment: "Kendala blangko bukan dari saya.")) == .disputed(comment: "Kendala blangko bukan dari saya."))
        #expect(disputed.state == .disanggah)
        var other = DialogLifecycle(record)
        #expect(Fixtures.error { try other.apply(.agree(by: Fixtures.kasi)) }?.code == .notAParty)
    }

    @Test("the employee never confirms a record changed after they read it: a stale revision is ABORTED")
    func revision() throws {
        var lifecycle = DialogLifecycle(try Self.recorded())
        try lifecycle.apply(.update(by: Fixtures.kasi))
        let stale = Fixtures.error { try lifecycle.apply(DialogLifecycle.Event(confirm: Feedback.ConfirmDialogRequest(agree: true, expectedRevision: 1), by: Fixtures.subject)) }
        #expect(stale?.code == .revisionMismatch)
        #expect(stale?.rpcStatus?.code == .aborted)
        #expect(try lifecycle.apply(DialogLifecycle.Event(confirm: Feedback.ConfirmDialogRequest(agree: true, expectedRevision: 2), by: Fixtures.subject)) == .agreed(comment: ""))
    }

    @Test("a follow-up action closes once the record is final, once, by its owner or the atasan, with a note of 1-1000 characters")
    func closeItem() throws {
        var lifecycle = DialogLifecycle(try Self.recorded())
        let stamp = Fixtures.stamp(Fixtures.kasi, Fixtures.at(Fixtures.day(3, 13)))
        #expect(Fixtures.error { try lifecycle.apply(.closeItem(number: 1, note: "Blangko diterima", by: Fixtures.kasi, stamp: stamp)) }?.code == .dialogNotFinal)
        try lifecycle.apply(.agree(by: Fixtures.subject))
        #expect(Fixtures.error { try lifecycle.apply(.closeItem(number: 1, note: " ", by: Fixtures.kasi, stamp: stamp)) }?.code == .reasonRequired)
        #expect(Fixtures.error { try lifecycle.apply(.closeItem(number: 3, note: "x", by: Fixtures.kasi, stamp: stamp)) }?.code == .actionItemNotFound)
        #expect(Fixtures.error { try lifecycle.apply(.closeItem(number: 1, note: "x", by: Fixtures.subject, stamp: stamp)) }?.code == .notAParty,
                "item 1 is the atasan's")
        let closed = try lifecycle.apply(.closeItem(number: 2, note: "Rekap dikirim tiap Jumat", by: Fixtures.subject, stamp: stamp))
        guard case .itemClosed(let item) = closed else { Issue.record("expected a closed item"); return }
        #expect(item.done && item.closingNote == "Rekap dikirim tiap Jumat" && item.closed == stamp)
        #expect(lifecycle.actionItems[1].done && !lifecycle.actionItems[0].done)
        try lifecycle.apply(.closeItem(number: 1, note: "Blangko 200 lembar diterima 13 Maret", by: Fixtures.kasi, stamp: stamp))
        #expect(Fixtures.error { try lifecycle.apply(.closeItem(number: 1, note: "lagi", by: Fixtures.kasi, stamp: stamp)) }?.code == .actionItemClosed)
        #expect(lifecycle.revision == 4)
    }
}
