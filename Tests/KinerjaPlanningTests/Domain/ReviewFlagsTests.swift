import KinerjaPlanning
import KinerjaProto
import Testing

@Suite("Review flags")
struct ReviewFlagsTests {
    static let now = Common.Timestamp(seconds: 1_767_600_000)
    static let later = Common.Timestamp(seconds: 1_767_700_000)

    static var parent: Planning.Rhk {
        Fixtures.rhk(id: "PARENT-1", parent: "")
    }

    static func dependents() -> [ReviewFlags.Dependent] {
        [.init(rhkID: "A", parentRhkID: "PARENT-1", skpState: .draft, linkedAtParentRevision: 4),
         .init(rhkID: "B", parentRhkID: "PARENT-1", skpState: .disetujui, linkedAtParentRevision: 2),
         .init(rhkID: "C", parentRhkID: "PARENT-1", skpState: .diganti, linkedAtParentRevision: 1),
         .init(rhkID: "D", parentRhkID: "OTHER", skpState: .draft, linkedAtParentRevision: 4)]
    }

    @Test("UpdateRhk: dependants are flagged when text or kind changes; IKI target changes flag too; position does not")
    func changes() {
        var after = Self.parent
        after.position = 7
        after.perspektif = .anggaran
        after.penugasan = "x"
        #expect(ReviewFlags.changes(before: Self.parent, after: after) == [])
        after.text = "Terlayaninya penerbitan KTP-el dalam 1 hari"
        after.kind = .tambahan
        #expect(ReviewFlags.changes(before: Self.parent, after: after) == [.textChanged, .kindChanged])
        var target = Self.parent
        target.ikis[0].annualTarget?.value = 1500
        #expect(ReviewFlags.changes(before: Self.parent, after: target) == [.ikiTargetChanged])
        var added = Self.parent
        added.ikis.append(Fixtures.countIki(id: "IKI-9"))
        added.ikis.removeFirst()
        #expect(ReviewFlags.changes(before: Self.parent, after: added) == [.ikiAdded, .ikiRemoved])
        // Periodic targets alone are the parent's own schedule: no flag.
        var periodic = Self.parent
        periodic.ikis[0].periodicTargets = []
        #expect(ReviewFlags.changes(before: Self.parent, after: periodic) == [])
        #expect(ReviewFlags.changes(before: Self.parent, after: nil) == [.removed])
    }

    @Test("""
    every RHK linked to the changed parent is flagged (DRAFT or approved), never a DIGANTI version, with the revision \
    seen at link time, the current revision, what changed and when
    """)
    func flags() {
        let updates = ReviewFlags.flags(parentRhkID: "PARENT-1", changes: [.textChanged, .ikiTargetChanged], parentRevision: 9,
                                        dependents: Self.dependents(), now: Self.now)
        #expect(updates.map(\.rhkID) == ["A", "B"])
        let flag = updates[0].flag
        #expect(flag.parentRhkID == "PARENT-1")
        #expect(flag.parentRevisionSeen == 4)
        #expect(flag.parentRevisionCurrent == 9)
        #expect(flag.changeSummary == "RHK text changed; IKI target changed")
        #expect(flag.flaggedAt == Self.now)
        #expect(!flag.parentRemoved)
        #expect(updates[1].flag.parentRevisionSeen == 2)
        #expect(ReviewFlags.flags(parentRhkID: "PARENT-1", changes: [], parentRevision: 9, dependents: Self.dependents(), now: Self.now) == [])
    }

    @Test("RemoveRhk: dependants are flagged with parent_removed")
    func removed() {
        let updates = ReviewFlags.flags(parentRhkID: "PARENT-1", changes: [.removed], parentRevision: 10,
                                        dependents: Self.dependents(), now: Self.now)
        #expect(updates.allSatisfy { $0.flag.parentRemoved && $0.flag.changeSummary == "RHK removed" })
    }

    @Test("an RHK already flagged keeps its first revision seen and time, and collects every change since")
    func merge() {
        var dependents = Self.dependents()
        dependents[0].flag = ReviewFlags.flags(parentRhkID: "PARENT-1", changes: [.textChanged], parentRevision: 5,
                                               dependents: [dependents[0]], now: Self.now)[0].flag
        let update = ReviewFlags.flags(parentRhkID: "PARENT-1", changes: [.textChanged, .removed], parentRevision: 8,
                                       dependents: [dependents[0]], now: Self.later)[0].flag
        #expect(update.parentRevisionSeen == 4)
        #expect(update.parentRevisionCurrent == 8)
        #expect(update.flaggedAt == Self.now)
        #expect(update.changeSummary == "RHK text changed; RHK removed")
        #expect(update.parentRemoved)
    }

    @Test("RhkReviewFlag.change_summary: at most 500 characters")
    func summaryLimit() {
        var dependent = Self.dependents()[0]
        dependent.flag = Planning.RhkReviewFlag(parentRhkID: "PARENT-1", parentRevisionSeen: 1, changeSummary: String(repeating: "x", count: 499))
        let flag = ReviewFlags.flags(parentRhkID: "PARENT-1", changes: [.kindChanged], parentRevision: 2, dependents: [dependent], now: Self.now)[0].flag
        #expect(flag.changeSummary.unicodeScalars.count == 500)
    }

    @Test("AcknowledgeRhkReview: clears the flag with a note (1-1000 characters)")
    func acknowledge() throws {
        var rhk = Fixtures.rhk()
        rhk.reviewFlag = Planning.RhkReviewFlag(parentRhkID: "PARENT-1", parentRevisionSeen: 4, parentRevisionCurrent: 9,
                                                changeSummary: "RHK text changed")
        let cleared = try ReviewFlags.acknowledge(rhk, note: "tetap relevan")
        #expect(cleared.reviewFlag == nil)
        #expect(cleared.parentRhkID == rhk.parentRhkID)
        let blank = #expect(throws: ReviewFlagError.self) { try ReviewFlags.acknowledge(rhk, note: " ") }
        #expect(blank?.code == "REVIEW_NOTE_REQUIRED")
        #expect(blank?.isInvalidArgument == true)
        let long = #expect(throws: ReviewFlagError.self) { try ReviewFlags.acknowledge(rhk, note: String(repeating: "a", count: 1001)) }
        #expect(long?.code == "REVIEW_NOTE_TOO_LONG")
    }

    @Test("AcknowledgeRhkReview: FAILED_PRECONDITION when the RHK is not flagged or its parent was removed (relink instead)")
    func refusals() {
        let notFlagged = #expect(throws: ReviewFlagError.self) { try ReviewFlags.acknowledge(Fixtures.rhk(), note: "tetap relevan") }
        #expect(notFlagged?.code == "RHK_NOT_FLAGGED")
        #expect(notFlagged?.isInvalidArgument == false)
        var rhk = Fixtures.rhk()
        rhk.reviewFlag = Planning.RhkReviewFlag(parentRhkID: "PARENT-1", changeSummary: "RHK removed", parentRemoved: true)
        let removed = #expect(throws: ReviewFlagError.self) { try ReviewFlags.acknowledge(rhk, note: "tetap relevan") }
        #expect(removed?.code == "RHK_PARENT_REMOVED")
        let relinked = ReviewFlags.relink(rhk, to: "PARENT-2", parentOwnerNIP: Fixtures.atasanNIP, parentText: "Terlaksananya perekaman KTP-el")
        #expect(relinked.reviewFlag == nil)
        #expect(relinked.parentRhkID == "PARENT-2")
        let unlinked = ReviewFlags.relink(rhk, to: "", parentOwnerNIP: Fixtures.atasanNIP, parentText: "x")
        #expect(unlinked.parentOwnerNIP.isEmpty && unlinked.parentRhkText.isEmpty && unlinked.reviewFlag == nil)
    }
}
