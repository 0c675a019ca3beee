public import KinerjaProto

/// Who rates an employee on a day (PermenPANRB 6/2022; DOMAIN.md "Pejabat penilai"), as a value.
///
/// The rule, in order:
/// 1. **The position above the employee**: the head position of their own unit, or of its
///    parent unit when they head their own unit.
/// 2. **A Plt or Plh acting for that position** on the day is the penilai when the position has
///    no AKTIF head (vacant: Plt), or the employee's recorded atasan is its head (away: Plh), or
///    the employee has no atasan — unless the acting official is the employee themselves: an
///    acting official is rated for the position they act in by the position above it (their own
///    penilai is never themselves).
/// 3. Otherwise **the atasan langsung** recorded for the day: an ASN atasan (kind ATASAN_LANGSUNG)
///    or a non-ASN official (kind EXTERNAL: the Kepala Daerah for the Sekretaris Daerah). For
///    today and later days the atasan must be AKTIF; for past days the recorded assignment stands
///    (identity keeps no history of statuses — inference, documented).
/// 4. Otherwise **nobody** (kind NONE, with why): the SKP waits for a new atasan or a Plt/Plh;
///    pengelola kinerja never rate instead (they administer, DOMAIN.md).
public enum PejabatPenilaiRule {
    /// What the rule needs to know for one employee on one day.
    public struct Facts: Sendable {
        /// The employee rated.
        public var employee: Identity.Employee
        /// Their atasan langsung on the day (from the supervisor history); nil when none.
        public var atasan: Identity.Employee?
        /// Every unit, by id (the tree is small).
        public var units: [String: Identity.Unit]
        /// Acting assignments in force on the day, by the unit whose head position they act in.
        public var acting: [String: Identity.ActingAssignment]
        /// The employees the answer may name (acting officials, heads of units), by NIP.
        public var people: [String: Identity.Employee]
        /// True when the day is today or later, so the atasan's current status applies.
        public var statusApplies: Bool

        /// Facts for one employee.
        public init(employee: Identity.Employee, atasan: Identity.Employee?, units: [String: Identity.Unit],
                    acting: [String: Identity.ActingAssignment], people: [String: Identity.Employee], statusApplies: Bool) {
            self.employee = employee
            self.atasan = atasan
            self.units = units
            self.acting = acting
            self.people = people
            self.statusApplies = statusApplies
        }
    }

    /// The head position above `employee` (a unit id), per rule 1.
    public static func position(above employee: Identity.Employee, units: [String: Identity.Unit]) -> String? {
        guard let own = units[employee.unitID] else { return nil }
        if own.headNIP == employee.nip { return own.parentUnitID.isEmpty ? nil : own.parentUnitID }
        return own.unitID
    }

    /// The pejabat penilai of `facts.employee` on `date`.
    public static func decide(_ facts: Facts, on date: Common.Date) -> Identity.PejabatPenilai {
        let employee = facts.employee
        var answer = Identity.PejabatPenilai(nip: employee.nip, onDate: date, kind: .none, atasanNIP: facts.atasan?.nip ?? "")
        let position = position(above: employee, units: facts.units)
        // An acting official is rated for their acting position by the position above it.
        if let id = position, let acting = facts.acting[id], acting.actingNIP == employee.nip {
            if let above = facts.units[id].flatMap({ $0.parentUnitID.isEmpty ? nil : $0.parentUnitID }) {
                return penilai(ofPosition: above, facts: facts, answer: answer)
            }
            answer.reason = "\(employee.nip) acts for the head of \(id), which has no position above it"
            return answer
        }
        if let id = position, let acting = facts.acting[id], let official = facts.people[acting.actingNIP] {
            let head = facts.units[id].flatMap { facts.people[$0.headNIP] }
            let vacant = head.map { facts.statusApplies && $0.status != .aktif } ?? true
            if vacant || facts.atasan == nil || facts.atasan?.nip == head?.nip {
                return actingAnswer(acting, official: official, answer: answer)
            }
        }
        guard let atasan = facts.atasan else {
            answer.reason = "\(employee.nip) has no atasan langsung and no Plt/Plh acts for the position above"
            return answer
        }
        if facts.statusApplies && atasan.status != .aktif {
            answer.reason = "the atasan \(atasan.nip) is \(atasan.status.protoName ?? "not AKTIF") and no Plt/Plh acts for the position"
            return answer
        }
        return atasanAnswer(atasan, answer: answer)
    }

    /// The penilai for the head position of `unitID`: a Plt/Plh acting in it, else its AKTIF head.
    private static func penilai(ofPosition unitID: String, facts: Facts, answer: Identity.PejabatPenilai) -> Identity.PejabatPenilai {
        var answer = answer
        if let acting = facts.acting[unitID], let official = facts.people[acting.actingNIP], acting.actingNIP != facts.employee.nip {
            return actingAnswer(acting, official: official, answer: answer)
        }
        guard let head = facts.units[unitID].flatMap({ facts.people[$0.headNIP] }),
              !facts.statusApplies || head.status == .aktif else {
            answer.reason = "the head position of \(unitID) is vacant and no Plt/Plh acts for it"
            return answer
        }
        answer.atasanNIP = head.nip
        return atasanAnswer(head, answer: answer)
    }

    private static func actingAnswer(_ acting: Identity.ActingAssignment, official: Identity.Employee,
                                     answer: Identity.PejabatPenilai) -> Identity.PejabatPenilai {
        var answer = answer
        answer.kind = acting.kind
        answer.penilai = official.reference
        answer.penilaiIsAsn = true
        answer.penilaiGolongan = official.golongan
        answer.actingAssignmentID = acting.assignmentID
        answer.decreeNumber = acting.decreeNumber
        return answer
    }

    private static func atasanAnswer(_ atasan: Identity.Employee, answer: Identity.PejabatPenilai) -> Identity.PejabatPenilai {
        var answer = answer
        let external = atasan.asnType == .nonAsn
        answer.kind = external ? .external : .atasanLangsung
        answer.penilai = atasan.reference
        answer.penilaiIsAsn = !external
        answer.penilaiGolongan = external ? "" : atasan.golongan
        return answer
    }
}
