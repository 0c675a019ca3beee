import KinerjaASN
import KinerjaCrypto
import KinerjaProto

/// What `skp print` looks up in identity to fill the form: the pegawai's golongan and unit, the
/// pejabat penilai (for a version nobody has decided on yet, identity's answer for today), their
/// name, golongan, jabatan and unit, and for a Plt or Plh the position they act for. Best effort:
/// a look-up that fails leaves what the SKP itself records (its snapshots), never stops the
/// printout.
struct SkpPrintLookup {
    /// Identity, as the signed-in user.
    let identity: IdentityCaller
    private var unitCache: [String: Identity.Unit?] = [:]
    private var employeeCache: [String: Identity.GetEmployeeResponse?] = [:]

    init(identity: IdentityCaller) {
        self.identity = identity
    }

    /// The printout of `skp` with the people on it.
    static func printout(for skp: Planning.Skp, approvedVersion: UInt32, _ caller: PlanningCaller) async -> SkpPrintout {
        var lookup = SkpPrintLookup(identity: caller.identity)
        return await lookup.printout(for: skp, approvedVersion: approvedVersion)
    }

    /// The printout of `skp` with the people on it.
    mutating func printout(for skp: Planning.Skp, approvedVersion: UInt32) async -> SkpPrintout {
        let owner = await employee(skp.nip)
        let snapshot = skp.employee
        let ownerRecord = owner?.employee
        let pegawai = PrintedPerson(
            name: Self.nonEmpty(snapshot?.displayName, ownerRecord.map(Display.name(of:)), skp.nip),
            identifier: skp.nip,
            isASN: ownerRecord.map { $0.asnType != .nonAsn } ?? true,
            golongan: ownerRecord?.golongan ?? "",
            jabatan: Self.nonEmpty(snapshot?.jabatanName, ownerRecord?.jabatanName),
            unit: await unitName(Self.nonEmpty(skp.unitID, snapshot?.unitID, ownerRecord?.unitID)))

        let reference = await penilaiReference(of: skp, owner: owner)
        var penilai: PrintedPerson?
        var actingFor = ""
        if let reference, let ref = reference.penilai, !ref.nip.isEmpty {
            let record = await employee(ref.nip)?.employee
            let isASN = reference.kind == .external ? false : (record.map { $0.asnType != .nonAsn } ?? !PrintedPerson.isNonASNIdentifier(ref.nip))
            penilai = PrintedPerson(
                name: Self.nonEmpty(ref.displayName, record.map(Display.name(of:)), ref.nip),
                identifier: ref.nip,
                isASN: isASN,
                golongan: isASN ? Self.nonEmpty(reference.golongan, record?.golongan) : "",
                jabatan: Self.nonEmpty(ref.jabatanName, record?.jabatanName),
                unit: await unitName(Self.nonEmpty(ref.unitID, record?.unitID)))
            if reference.kind == .plt || reference.kind == .plh,
               let acting = await actingPosition(of: ref.nip, decree: reference.decreeNumber, on: Self.decisionDay(skp)) {
                // An acting official rates from the unit they act for.
                actingFor = acting.title
                if !acting.unit.isEmpty { penilai?.unit = acting.unit }
            }
        }
        return SkpPrintout(
            skp: skp, pegawai: pegawai, penilai: penilai, penilaiKind: reference?.kind ?? .unspecified,
            penilaiDecree: reference?.decreeNumber ?? "", penilaiActingFor: actingFor, approvedVersion: approvedVersion,
            recomputedBodySHA256: skp.approval == nil ? nil : try? SkpDocumentHash.sha256(of: skp))
    }

    /// Who rates: the approver, else the penilai recorded at submission, else identity's pejabat
    /// penilai of the owner today (a draft), else the atasan recorded on the SKP, else the
    /// owner's atasan today (an identity that does not answer GetPejabatPenilai).
    private mutating func penilaiReference(of skp: Planning.Skp, owner: Identity.GetEmployeeResponse?) async -> Common.PenilaiRef? {
        if let approver = skp.approval?.penilai { return approver }
        if let recorded = skp.penilai { return recorded }
        if let today = try? await identity.call({ try await $0.getPejabatPenilai(.init(nips: [skp.nip]), options: $1) }).penilai.first {
            guard today.kind != .none, let person = today.penilai else { return nil }
            return Common.PenilaiRef(penilai: person, kind: today.kind, isAsn: today.penilaiIsAsn, golongan: today.penilaiGolongan,
                                     decreeNumber: today.decreeNumber)
        }
        if !skp.atasanNIP.isEmpty {
            return Common.PenilaiRef(penilai: Common.EmployeeRef(nip: skp.atasanNIP), kind: .atasanLangsung,
                                     isAsn: !PrintedPerson.isNonASNIdentifier(skp.atasanNIP))
        }
        if let atasan = owner?.atasan {
            return Common.PenilaiRef(penilai: atasan, kind: .atasanLangsung, isAsn: !PrintedPerson.isNonASNIdentifier(atasan.nip))
        }
        return nil
    }

    /// The head position `actingNIP` acts for on `day` (the acting assignment with the decree,
    /// else the only one in force): its title and its unit's name; nil when identity cannot say.
    mutating func actingPosition(of actingNIP: String, decree: String, on day: Common.Date?) async -> (title: String, unit: String)? {
        let request = Identity.ListActingAssignmentsRequest(actingNIP: actingNIP, onDate: day)
        guard let assignments = try? await identity.call({ try await $0.listActingAssignments(request, options: $1) }).assignments,
              let assignment = assignments.first(where: { !decree.isEmpty && $0.decreeNumber == decree })
                ?? (assignments.count == 1 ? assignments.first : nil),
              let unit = await unit(assignment.unitID)
        else { return nil }
        // The definitive head who is away (Plh) holds the position's title.
        if !unit.headNIP.isEmpty, unit.headNIP != actingNIP, let head = await employee(unit.headNIP)?.employee, !head.jabatanName.isEmpty {
            return (head.jabatanName, unit.name)
        }
        return (UnitHeadTitle.title(unitName: unit.name, kind: unit.kind), unit.name)
    }

    /// The WITA day of the decision (or the submission); nil (today) for a version nobody decided on.
    static func decisionDay(_ skp: Planning.Skp) -> Common.Date? {
        (skp.approval?.at ?? skp.submitted?.at).map(IndonesianDate.witaDay)
    }

    mutating func employee(_ nip: String) async -> Identity.GetEmployeeResponse? {
        guard !nip.isEmpty else { return nil }
        if let known = employeeCache[nip] { return known }
        let answer = try? await identity.call { try await $0.getEmployee(.init(nip: nip), options: $1) }
        employeeCache[nip] = answer
        return answer
    }

    mutating func unit(_ id: String) async -> Identity.Unit? {
        guard !id.isEmpty else { return nil }
        if let known = unitCache[id] { return known }
        let answer = try? await identity.call({ try await $0.getUnit(.init(unitID: id), options: $1) }).unit
        unitCache[id] = answer
        return answer
    }

    mutating func unitName(_ id: String) async -> String {
        await unit(id)?.name ?? ""
    }

    /// The first of `candidates` that is not empty.
    static func nonEmpty(_ candidates: String?...) -> String {
        candidates.lazy.compactMap { $0 }.first { !$0.isEmpty } ?? ""
    }
}
