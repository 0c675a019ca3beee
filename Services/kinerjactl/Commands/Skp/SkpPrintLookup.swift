import KinerjaProto

/// What `skp print` looks up in identity to fill the form: the pegawai's golongan, the pejabat
/// penilai's name, golongan, jabatan and unit, the units' names. Best effort: a look-up that
/// fails leaves what the SKP itself records (its snapshots), never stops the printout.
enum SkpPrintLookup {
    /// The printout of `skp` with the people on it.
    static func printout(for skp: Planning.Skp, approvedVersion: UInt32, _ caller: PlanningCaller) async -> SkpPrintout {
        let identity = caller.identity
        var unitNames: [String: String] = [:]
        func unitName(_ id: String) async -> String {
            guard !id.isEmpty else { return "" }
            if let known = unitNames[id] { return known }
            let name = (try? await identity.call({ try await $0.getUnit(.init(unitID: id), options: $1) }).unit?.name) ?? ""
            unitNames[id] = name
            return name
        }
        func employee(_ nip: String) async -> Identity.GetEmployeeResponse? {
            guard !nip.isEmpty else { return nil }
            return try? await identity.call { try await $0.getEmployee(.init(nip: nip), options: $1) }
        }

        let owner = await employee(skp.nip)
        let snapshot = skp.employee
        let ownerRecord = owner?.employee
        let pegawai = PrintedPerson(
            name: nonEmpty(snapshot?.displayName, ownerRecord.map(Display.name(of:)), skp.nip),
            identifier: skp.nip,
            isASN: ownerRecord?.asnType != .nonAsn,
            golongan: ownerRecord?.golongan ?? "",
            jabatan: nonEmpty(snapshot?.jabatanName, ownerRecord?.jabatanName, ""),
            unit: await unitName(nonEmpty(skp.unitID, snapshot?.unitID, ownerRecord?.unitID ?? "")))

        // Who rates: the approver, else the penilai recorded at submission, else the atasan
        // recorded, else (a draft) the owner's atasan today.
        var reference = skp.approval?.penilai ?? skp.penilai
        if reference == nil, !skp.atasanNIP.isEmpty {
            reference = Common.PenilaiRef(penilai: Common.EmployeeRef(nip: skp.atasanNIP), kind: .atasanLangsung, isAsn: true)
        }
        if reference == nil, let atasan = owner?.atasan {
            reference = Common.PenilaiRef(penilai: atasan, kind: .atasanLangsung, isAsn: true)
        }
        var penilai: PrintedPerson?
        if let reference, let ref = reference.penilai, !ref.nip.isEmpty {
            let record = await employee(ref.nip)?.employee
            let isASN = reference.kind == .external ? false : (record.map { $0.asnType != .nonAsn } ?? !ref.nip.hasPrefix("NONASN."))
            penilai = PrintedPerson(
                name: nonEmpty(ref.displayName, record.map(Display.name(of:)), ref.nip),
                identifier: ref.nip,
                isASN: isASN,
                golongan: isASN ? nonEmpty(reference.golongan, record?.golongan, "") : "",
                jabatan: nonEmpty(ref.jabatanName, record?.jabatanName, ""),
                unit: await unitName(nonEmpty(ref.unitID, record?.unitID, "")))
        }
        return SkpPrintout(
            skp: skp, pegawai: pegawai, penilai: penilai, penilaiKind: reference?.kind ?? .unspecified,
            penilaiDecree: reference?.decreeNumber ?? "", approvedVersion: approvedVersion,
            recomputedBodySHA256: skp.approval == nil ? nil : try? SkpBodyDigest.sha256Hex(skp))
    }

    /// The first of `candidates` that is not empty.
    private static func nonEmpty(_ candidates: String?...) -> String {
        candidates.lazy.compactMap { $0 }.first { !$0.isEmpty } ?? ""
    }
}
