import Foundation
import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

@Suite("Dialog kinerja, coaching and the dialog minimum over mutual TLS", .serialized)
struct DialogServiceTests {
    @Test("the atasan records a dialog answering the bawahan's request; edits it; the bawahan confirms the revision read; action items close with a note only once final")
    func dialogLifecycle() async throws {
        try await withFeedback { f in
            let pegawai = try await f.signIn("pegawai"), atasan = try await f.signIn("atasan")
            let pegawaiNIP = try f.nip("pegawai"), atasanNIP = try f.nip("atasan")
            let asked = try #require(try await f.client.solicitFeedback(Feedback.SolicitFeedbackRequest(solicitation: Feedback.FeedbackSolicitation(
                addresseeNIP: atasanNIP, kind: .dialog, message: "Mohon waktu membahas target triwulan")), options: pegawai).solicitation)
            let recorded = try #require(try await f.client.recordDialog(Feedback.RecordDialogRequest(dialog: Feedback.DialogRecord(
                employeeNIP: pegawaiNIP, stage: .pemantauan, heldOn: today, summary: "Capaian triwulan sesuai rencana.",
                agreements: ["Laporan harian diisi sebelum pukul 16.00 WITA"],
                actionItems: [Feedback.ActionItem(text: "Lengkapi bukti dukung", ownerNIP: pegawaiNIP)],
                solicitationID: asked.solicitationID)), options: atasan).dialog)
            #expect(recorded.state == .awaitingConfirmation)
            #expect(recorded.actionItems.first?.number == 1)
            let solicitations = try await f.client.listFeedbackSolicitations(Feedback.ListFeedbackSolicitationsRequest(), options: pegawai).solicitations
            #expect(solicitations.first { $0.solicitationID == asked.solicitationID }?.answerID == recorded.dialogID)
            try await f.refused(.failedPrecondition, reason: "DIALOG_NOT_FINAL", "closing an item before confirmation") {
                try await f.client.closeActionItem(Feedback.CloseActionItemRequest(record: .dialogID(recorded.dialogID), itemNumber: 1,
                                                                                   note: "Sudah dilengkapi"), options: pegawai)
            }
            var edit = recorded
            edit.summary = "Capaian triwulan sesuai rencana; verifikasi berkas dipercepat."
            let edited = try #require(try await f.client.updateDialog(Feedback.UpdateDialogRequest(
                dialog: edit, updateMask: Common.FieldMask(paths: ["summary"]), expectedRevision: recorded.revision), options: atasan).dialog)
            #expect(edited.revision == recorded.revision + 1)
            try await f.refused(.aborted, reason: "REVISION_MISMATCH", "confirming the revision before the edit") {
                try await f.client.confirmDialog(Feedback.ConfirmDialogRequest(dialogID: recorded.dialogID, agree: true,
                                                                               expectedRevision: recorded.revision), options: pegawai)
            }
            try await f.refused(.permissionDenied, reason: "NOT_A_PARTY", "the atasan confirming") {
                try await f.client.confirmDialog(Feedback.ConfirmDialogRequest(dialogID: recorded.dialogID, agree: true), options: atasan)
            }
            try await f.refused(.invalidArgument, reason: "REASON_REQUIRED", "disputing without a comment") {
                try await f.client.confirmDialog(Feedback.ConfirmDialogRequest(dialogID: recorded.dialogID, agree: false), options: pegawai)
            }
            let agreed = try #require(try await f.client.confirmDialog(Feedback.ConfirmDialogRequest(
                dialogID: recorded.dialogID, agree: true, expectedRevision: edited.revision), options: pegawai).dialog)
            #expect(agreed.state == .disepakati)
            try await f.refused(.failedPrecondition, reason: "DIALOG_NOT_AWAITING_CONFIRMATION", "editing an agreed record") {
                try await f.client.updateDialog(Feedback.UpdateDialogRequest(dialog: edit, updateMask: Common.FieldMask(paths: ["summary"])), options: atasan)
            }
            let closed = try #require(try await f.client.closeActionItem(Feedback.CloseActionItemRequest(
                record: .dialogID(recorded.dialogID), itemNumber: 1, note: "Bukti dukung sudah diunggah"), options: pegawai).dialog)
            #expect(closed.actionItems.first?.done == true)
            #expect(closed.actionItems.first?.closingNote == "Bukti dukung sudah diunggah")
            try await f.refused(.failedPrecondition, reason: "ACTION_ITEM_ALREADY_CLOSED", "closing it again") {
                try await f.client.closeActionItem(Feedback.CloseActionItemRequest(record: .dialogID(recorded.dialogID), itemNumber: 1, note: "lagi"),
                                                   options: pegawai)
            }
            try await f.refused(.notFound, reason: "ACTION_ITEM_NOT_FOUND", "an item that does not exist") {
                try await f.client.closeActionItem(Feedback.CloseActionItemRequest(record: .dialogID(recorded.dialogID), itemNumber: 9, note: "x"),
                                                   options: pegawai)
            }
            // Only the atasan records; a future day is refused.
            try await f.refused(.permissionDenied, reason: "NOT_THE_ATASAN", "the pimpinan (two levels up) recording a dialog") {
                try await f.client.recordDialog(Feedback.RecordDialogRequest(dialog: Feedback.DialogRecord(
                    employeeNIP: pegawaiNIP, stage: .pemantauan, heldOn: today, summary: "x")), options: try await f.signIn("pimpinan"))
            }
            try await f.refused(.invalidArgument, reason: "DATE_IN_FUTURE", "a dialog held tomorrow") {
                try await f.client.recordDialog(Feedback.RecordDialogRequest(dialog: Feedback.DialogRecord(
                    employeeNIP: pegawaiNIP, stage: .pemantauan, heldOn: today.adding(days: 1), summary: "x")), options: atasan)
            }
            let listed = try await f.client.listDialogs(Feedback.ListDialogsRequest(employeeNIP: pegawaiNIP), options: atasan)
            #expect(listed.dialogs.map(\.dialogID) == [recorded.dialogID])
            let stranger = try await f.signIn(nip: try await f.stranger().nip)
            try await f.refused(.notFound, "a stranger reading the dialog") {
                try await f.client.getDialog(Feedback.GetDialogRequest(dialogID: recorded.dialogID), options: stranger)
            }
            // The evaluation service reads dialogs for the Penilaian.
            let read = try await f.evaluation.getDialog(Feedback.GetDialogRequest(dialogID: recorded.dialogID))
            #expect(read.dialog?.state == .disepakati)
        }
    }

    @Test("who is behind on the dialog minimum: per atasan and per unit, the atasan for their own pairs, pengelola kinerja in scope, nobody else")
    func cadence() async throws {
        try await withFeedback { f in
            let atasan = try await f.signIn("atasan"), pegawai = try await f.signIn("pegawai")
            let atasanNIP = try f.nip("atasan"), pegawaiNIP = try f.nip("pegawai")
            _ = try await f.client.recordDialog(Feedback.RecordDialogRequest(dialog: Feedback.DialogRecord(
                employeeNIP: pegawaiNIP, stage: .pemantauan, heldOn: today, summary: "Pemantauan capaian.")), options: atasan)
            let quarter = Common.Period(year: thisYear, kind: .quarterly, triwulan: [Common.Triwulan.i, .ii, .iii, .iv][Int((today.month - 1) / 3)])
            let mine = try await f.client.getDialogCadence(Feedback.GetDialogCadenceRequest(period: quarter, atasanNIP: atasanNIP), options: atasan)
            #expect(mine.minimumPerTriwulan == 1)
            let pair = try #require(mine.pairs.first { $0.employeeNIP == pegawaiNIP })
            #expect(pair.dialogsHeld == 1)
            #expect(pair.state == .met || pair.state == .notExpected)
            let bawahan = try await f.colleagues()
            #expect(mine.pairs.count == bawahan.count + 1)
            let rollup = try #require(mine.byAtasan.first)
            #expect(rollup.key == atasanNIP)
            // The whole year: triwulan that have ended without a dialog are behind.
            let year = try await f.client.getDialogCadence(Feedback.GetDialogCadenceRequest(period: Common.Period(year: thisYear, kind: .annual),
                                                                                            atasanNIP: atasanNIP), options: atasan)
            if today.month > 3 { #expect(year.byAtasan.first?.pairsBehind == UInt32(bawahan.count + 1)) }
            // The non-ASN Wali Kota is an atasan too (of the Sekretaris Daerah), named by a NONASN. identifier.
            let walikotaID = try f.nip("walikota")
            let city = try await f.client.getDialogCadence(Feedback.GetDialogCadenceRequest(period: quarter, atasanNIP: walikotaID),
                                                           options: try await f.signIn("walikota"))
            #expect(city.pairs.count == 1, "the Wali Kota's one pair: the Sekda")
            let unit = try await f.unitID("KPG.DUKCAPIL")
            let hr = try await f.client.getDialogCadence(Feedback.GetDialogCadenceRequest(
                period: quarter, unit: Common.UnitScope(unitID: unit, includeSubunits: true)), options: try await f.signIn("pengelola"))
            #expect(hr.byUnit.count > 1)
            try await f.refused(.permissionDenied, "a bawahan reading the atasan's pairs") {
                try await f.client.getDialogCadence(Feedback.GetDialogCadenceRequest(period: quarter, atasanNIP: atasanNIP), options: pegawai)
            }
            try await f.refused(.invalidArgument, reason: "PERIOD_INVALID", "a month") {
                try await f.client.getDialogCadence(Feedback.GetDialogCadenceRequest(period: Common.Period(year: thisYear, kind: .monthly, month: 1),
                                                                                     atasanNIP: atasanNIP), options: atasan)
            }
        }
    }

    @Test("coaching: the atasan chain or an appointed coach records; the coachee rates once; scores outside 1-5 are refused; the list gives the mean")
    func coaching() async throws {
        try await withFeedback { f in
            let atasan = try await f.signIn("atasan"), pegawai = try await f.signIn("pegawai"), hr = try await f.signIn("pengelola")
            let pegawaiNIP = try f.nip("pegawai")
            let record = try #require(try await f.client.recordCoaching(Feedback.RecordCoachingRequest(coaching: Feedback.CoachingRecord(
                coacheeNIP: pegawaiNIP, kind: .coaching, heldOn: today, durationMinutes: 45, topic: "Penggunaan aplikasi SIAK",
                actionItems: [Feedback.ActionItem(text: "Latihan entri data", ownerNIP: pegawaiNIP)])), options: atasan).coaching)
            try await f.refused(.invalidArgument, reason: "SCORE_OUT_OF_RANGE", "a score of 6") {
                try await f.client.rateCoaching(Feedback.RateCoachingRequest(coachingID: record.coachingID,
                                                                             rating: Feedback.CoachingRating(score: 6)), options: pegawai)
            }
            try await f.refused(.permissionDenied, reason: "NOT_A_PARTY", "the coach rating their own session") {
                try await f.client.rateCoaching(Feedback.RateCoachingRequest(coachingID: record.coachingID,
                                                                             rating: Feedback.CoachingRating(score: 5)), options: atasan)
            }
            _ = try await f.client.rateCoaching(Feedback.RateCoachingRequest(coachingID: record.coachingID,
                                                                             rating: Feedback.CoachingRating(score: 4, comment: "Sangat membantu")), options: pegawai)
            try await f.refused(.alreadyExists, reason: "COACHING_ALREADY_RATED", "rating twice") {
                try await f.client.rateCoaching(Feedback.RateCoachingRequest(coachingID: record.coachingID,
                                                                             rating: Feedback.CoachingRating(score: 5, comment: "x")), options: pegawai)
            }
            // A coaching record's items close any time, by their owner.
            let closed = try await f.client.closeActionItem(Feedback.CloseActionItemRequest(record: .coachingID(record.coachingID), itemNumber: 1,
                                                                                           note: "Sudah berlatih 3 kali"), options: pegawai)
            #expect(closed.coaching?.actionItems.first?.done == true)
            let listed = try await f.client.listCoaching(Feedback.ListCoachingRequest(coacheeNIP: pegawaiNIP), options: atasan)
            #expect(listed.meanCoacheeScore?.value == 4)
            // A konselor from BKPSDM may coach only once appointed by pengelola kinerja.
            let konselor = try await f.stranger()
            let konselorOptions = try await f.signIn(nip: konselor.nip)
            let session = Feedback.RecordCoachingRequest(coaching: Feedback.CoachingRecord(
                coacheeNIP: pegawaiNIP, kind: .konseling, heldOn: today, topic: "Menyeimbangkan beban kerja"))
            try await f.refused(.permissionDenied, reason: "NOT_A_PARTY", "an unappointed konselor") {
                try await f.client.recordCoaching(session, options: konselorOptions)
            }
            try await f.refused(.invalidArgument, "an appointment without a reason") {
                try await f.client.appointCoach(Feedback.AppointCoachRequest(appointment: Feedback.CoachAppointment(
                    coachNIP: konselor.nip, coacheeNIP: pegawaiNIP)), options: hr)
            }
            try await f.refused(.permissionDenied, "a pegawai appointing a coach") {
                try await f.client.appointCoach(Feedback.AppointCoachRequest(appointment: Feedback.CoachAppointment(
                    coachNIP: konselor.nip, coacheeNIP: pegawaiNIP, reason: "x")), options: pegawai)
            }
            _ = try await f.client.appointCoach(Feedback.AppointCoachRequest(appointment: Feedback.CoachAppointment(
                coachNIP: konselor.nip, coacheeNIP: pegawaiNIP, until: today.adding(days: 90), reason: "Konseling beban kerja (SK Kepala BKPSDM)")),
                                                options: hr)
            let counselled = try await f.client.recordCoaching(session, options: konselorOptions)
            #expect(counselled.coaching?.coachNIP == konselor.nip)
        }
    }
}
