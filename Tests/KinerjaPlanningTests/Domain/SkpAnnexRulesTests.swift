import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Lampiran, cascade type and peran, amendments, deletion")
struct SkpAnnexRulesTests {
    @Test("Lampiran: each of the three sections has at most 20 items of 1-1000 characters")
    func lampiran() {
        #expect(SkpLampiranRules.violations(Planning.SkpLampiran()).isEmpty)
        let items = Array(repeating: "Anggaran DPA", count: 20)
        #expect(SkpLampiranRules.violations(Planning.SkpLampiran(dukunganSumberDaya: items, skemaPertanggungjawaban: items, konsekuensi: items)).isEmpty)
        let bad = Planning.SkpLampiran(dukunganSumberDaya: items + ["satu lagi"], skemaPertanggungjawaban: ["  "],
                                       konsekuensi: [String(repeating: "k", count: 1001)])
        #expect(SkpLampiranRules.violations(bad).map(\.reason) == ["LAMPIRAN_TOO_MANY_ITEMS", "LAMPIRAN_ITEM_REQUIRED", "LAMPIRAN_ITEM_TOO_LONG"])
        #expect(SkpLampiranRules.violations(bad).map(\.field) == ["lampiran.dukungan_sumber_daya", "lampiran.skema_pertanggungjawaban[0]",
                                                                   "lampiran.konsekuensi[0]"])
    }

    @Test("cascade type and peran: unset without a parent, peran at most 200 characters; required with a parent at submission")
    func cascadeFields() {
        var rhk = Fixtures.rhk()
        #expect(CascadeLinkRules.violations(rhk).isEmpty)
        rhk.peran = String(repeating: "p", count: 201)
        #expect(CascadeLinkRules.violations(rhk).map(\.reason) == ["RHK_PERAN_TOO_LONG"])
        var orphan = Fixtures.rhk(parent: "")
        orphan.cascadeType = .direct
        orphan.peran = "Verifikator berkas"
        #expect(CascadeLinkRules.violations(orphan).map(\.reason) == ["RHK_CASCADE_TYPE_WITHOUT_PARENT", "RHK_PERAN_WITHOUT_PARENT"])
        var untyped = Fixtures.rhk()
        untyped.cascadeType = .unspecified
        #expect(CascadeLinkRules.violations(untyped).isEmpty, "drafting may leave it open")
        #expect(CascadeLinkRules.submissionViolations(untyped, fieldPrefix: "rhks[0].").map(\.field) == ["rhks[0].cascade_type"])
        #expect(SubmissionRules.violations(Fixtures.skp(rhks: [untyped]), atasanNIP: Fixtures.atasanNIP, ownerIsUnitHead: false)
            .map(\.reason) == ["RHK_CASCADE_TYPE_REQUIRED"])
    }

    @Test("a direct RHK carries its parent's text: taken on link, kept when the parent changes, not edited on its own")
    func direct() {
        var rhk = Fixtures.rhk()
        rhk.cascadeType = .direct
        let linked = CascadeLinkRules.linked(rhk, parentText: "Terlayaninya penerbitan KTP-el tepat waktu")
        #expect(linked.text == "Terlayaninya penerbitan KTP-el tepat waktu" && linked.parentRhkText == linked.text)
        #expect(CascadeLinkRules.submissionViolations(linked, fieldPrefix: "").isEmpty)
        #expect(CascadeLinkRules.textEditViolations(linked, newText: "Teks sendiri").map(\.reason) == ["RHK_TEXT_DIRECT"])
        var drifted = linked
        drifted.text = "Teks lain"
        #expect(CascadeLinkRules.submissionViolations(drifted, fieldPrefix: "").map(\.reason) == ["RHK_DIRECT_TEXT_DIFFERS"])
        // Non-direct keeps its own words; clearing the link clears what describes it.
        var nonDirect = Fixtures.rhk()
        nonDirect.peran = "Verifikator berkas"
        #expect(CascadeLinkRules.linked(nonDirect, parentText: "Induk").text == nonDirect.text)
        nonDirect.parentRhkID = ""
        let cleared = CascadeLinkRules.linked(nonDirect, parentText: "")
        #expect(cleared.cascadeType == .unspecified && cleared.peran.isEmpty && cleared.parentRhkText.isEmpty && cleared.parentOwnerNIP.isEmpty)
    }

    @Test("amendments: only with an approved version in force, a reason of 1-1000 characters, the expectation rules, at most 50 per version")
    func amendments() throws {
        let rhkIDs: Set<String> = ["RHK-1"]
        let expectation = Planning.BehaviourExpectation(value: .berorientasiPelayanan, ekspektasiKhusus: "Respons pengaduan 1×24 jam")
        #expect(ExpectationAmendmentRules.violations([expectation], reason: "Penyesuaian setelah dialog kinerja", rhkIDs: rhkIDs).isEmpty)
        #expect(ExpectationAmendmentRules.violations([expectation], reason: " ", rhkIDs: rhkIDs).map(\.reason) == ["AMENDMENT_REASON_REQUIRED"])
        #expect(ExpectationAmendmentRules.violations([expectation], reason: String(repeating: "r", count: 1001), rhkIDs: rhkIDs)
            .map(\.reason) == ["AMENDMENT_REASON_TOO_LONG"])
        #expect(ExpectationAmendmentRules.violations([expectation, expectation], reason: "x", rhkIDs: rhkIDs).map(\.reason) == ["EXPECTATION_DUPLICATE"])
        #expect(throws: SkpRuleError.notApproved(state: .diajukan)) {
            try ExpectationAmendmentRules.checkAmendable(inForce: nil, latestState: .diajukan, existing: 0)
        }
        var approved = Fixtures.skp()
        approved.state = .disetujui
        #expect(throws: SkpRuleError.amendmentLimitReached(version: 1, limit: 50)) {
            try ExpectationAmendmentRules.checkAmendable(inForce: approved, latestState: .disetujui, existing: 50)
        }
        try ExpectationAmendmentRules.checkAmendable(inForce: approved, latestState: .draft, existing: 49)
        approved.behaviourExpectations = [expectation]
        let first = Planning.ExpectationAmendment(amendmentID: "A1", version: 1, expectations: [], reason: "x",
                                                  seenByOwner: Common.Timestamp(seconds: 1, nanos: 0))
        let second = Planning.ExpectationAmendment(amendmentID: "A2", version: 1, expectations: [expectation, expectation], reason: "y")
        #expect(ExpectationAmendmentRules.inForce(approved, amendments: []) == [expectation])
        #expect(ExpectationAmendmentRules.inForce(approved, amendments: [first, second]).count == 2, "the latest amendment's set")
        #expect(ExpectationAmendmentRules.unread([first, second]).map(\.amendmentID) == ["A2"])
    }

    @Test("deletion: only an SKP never submitted (one DRAFT version, never DIAJUKAN), with a reason of 1-500 characters")
    func deletion() throws {
        let draft = Fixtures.skp()
        try SkpDeletion.checkDeletable([draft], everSubmitted: false)
        #expect(throws: SkpRuleError.notDeletable(why: "it was submitted (and withdrawn) before")) {
            try SkpDeletion.checkDeletable([draft], everSubmitted: true)
        }
        var submitted = draft
        submitted.state = .diajukan
        #expect(throws: SkpRuleError.notDeletable(why: "it is DIAJUKAN")) { try SkpDeletion.checkDeletable([submitted], everSubmitted: true) }
        var second = draft
        second.version = 2
        #expect(throws: SkpRuleError.notDeletable(why: "it has 2 versions")) { try SkpDeletion.checkDeletable([draft, second], everSubmitted: false) }
        #expect(throws: SkpRuleError.reasonRequired(field: "reason", limit: 500)) { try SkpDeletion.checkReason("") }
        #expect(throws: SkpRuleError.noteTooLong(field: "reason", count: 501, limit: 500)) { try SkpDeletion.checkReason(String(repeating: "r", count: 501)) }
        #expect(SkpRuleError.notDeletable(why: "x").statusCode == .failedPrecondition)
        #expect(SkpRuleError.reasonRequired(field: "reason", limit: 500).statusCode == .invalidArgument)
    }
}
