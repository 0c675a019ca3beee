public import Foundation
public import KinerjaProto
public import KinerjaRPC
import KinerjaASN

/// An employee transferred inside the current triwulan, as planning records it: the approved SKP
/// closed the day before the transfer and a second one, copied from it, approved from that day.
public struct SkpTransfer: Sendable {
    /// The current triwulan (WITA).
    public var triwulan: Common.Period
    /// The first SKP (closed the day before `day`).
    public var first: Planning.Skp
    /// The second SKP (from `day`), approved.
    public var second: Planning.Skp
    /// The first day of the second SKP: yesterday (WITA).
    public var day: Common.Date

    /// The day before the transfer (the first SKP's last day).
    public var dayBefore: Common.Date { day.adding(days: -1) ?? day }
    /// The first and last day of the triwulan.
    public var triwulanDays: (first: Common.Date, last: Common.Date) {
        let first = Common.Date(year: triwulan.year, month: (triwulan.triwulan.rawValue - 1) * 3 + 1, day: 1)
        let next = triwulan.triwulan == .iv ? Common.Date(year: triwulan.year + 1, month: 1, day: 1)
            : Common.Date(year: triwulan.year, month: triwulan.triwulan.rawValue * 3 + 1, day: 1)
        return (first, next.adding(days: -1) ?? next)
    }
    /// Days of the triwulan each SKP covers: the first up to the day before, the second from the day on.
    public var coveredDays: (first: Int, second: Int) {
        let (start, end) = triwulanDays
        return (Self.days(from: start, to: dayBefore), Self.days(from: day, to: end))
    }

    /// Days from `first` to `last`, both counted.
    public static func days(from first: Common.Date, to last: Common.Date) -> Int {
        guard let a = first.daysSinceEpoch, let b = last.daysSinceEpoch else { return 0 }
        return b - a + 1
    }

    /// True when the triwulan has at least two days before today, so that a report dated the day
    /// before yesterday (inside reporting's default three-day window) falls in the first SKP and
    /// one dated yesterday in the second. False on the first two days of a triwulan.
    public static var possibleToday: Bool {
        let today = Wita.today(now: Date())
        let startMonth = (today.month - 1) / 3 * 3 + 1
        return !(today.month == startMonth && today.day <= 2)
    }

    /// Transfers `nip` yesterday: a new SKP copied from `first` (planning closes `first` the day
    /// before), submitted by the owner and approved by the penilai.
    public static func make(planning: Planning.PlanningService.Client, nip: String, first: Planning.Skp,
                            owner: CallOptions, penilai: CallOptions) async throws -> SkpTransfer {
        let today = Wita.today(now: Date())
        guard let day = today.adding(days: -1) else { throw TestFailure("no yesterday") }
        let triwulan = Common.Period(year: today.year, kind: .quarterly, triwulan: Common.Triwulan(rawValue: (today.month - 1) / 3 + 1))
        guard let created = try await planning.createSkp(Planning.CreateSkpRequest(
            nip: nip, year: today.year, approach: first.approach, periodStart: day, copyFromSkpID: first.skpID, transfer: true),
            options: owner).skp else { throw TestFailure("planning created no SKP") }
        // A copy starts without links into the atasan's SKP: the same atasan's RHKs are intervened again.
        for (rhk, old) in zip(created.rhks, first.rhks) where !old.parentRhkID.isEmpty {
            var linked = Planning.Rhk()
            linked.rhkID = rhk.rhkID
            linked.parentRhkID = old.parentRhkID
            linked.cascadeType = old.cascadeType
            linked.peran = old.peran
            _ = try await planning.updateRhk(Planning.UpdateRhkRequest(
                rhk: linked, updateMask: Common.FieldMask(paths: ["parent_rhk_id", "cascade_type", "peran"])), options: owner)
        }
        _ = try await planning.submitSkp(Planning.SubmitSkpRequest(skpID: created.skpID), options: owner)
        guard let approved = try await planning.approveSkp(Planning.ApproveSkpRequest(skpID: created.skpID, note: "Disetujui setelah mutasi"),
                                                           options: penilai).skp,
              let closed = try await planning.getSkp(Planning.GetSkpRequest(skpID: first.skpID), options: owner).skp
        else { throw TestFailure("planning did not approve the transfer's SKP") }
        return SkpTransfer(triwulan: triwulan, first: closed, second: approved, day: day)
    }
}

extension Planning.Skp {
    /// The RHK and IKI pairs with a positive annual target, in SKP order.
    public var measurableIkis: [(rhk: Planning.Rhk, iki: Planning.Iki)] {
        rhks.flatMap { rhk in rhk.ikis.filter { ($0.annualTarget?.value ?? 0) > 0 }.map { (rhk, $0) } }
    }
}
