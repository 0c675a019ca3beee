import Foundation
import KinerjaProto
import Testing
@testable import kinerjactl

/// `skp print` and `skp verify-print` end to end against in-memory planning and identity: what
/// is asked, what is written, and the verdict on the file written (verified, a tampered mark,
/// another version, not approved, a store changed after approval, a transfer closing the SKP).
@Suite("SKP print and verify-print against the services")
struct SkpPrintRunnerTests {
    /// Planning answering GetSkp from `versions` (version 0: the highest), with `inForce` as the
    /// approved version; identity answering as Dinas Dukcapil would.
    final class Services: Sendable {
        let planning: FakeTransport
        let identity: FakeTransport
        let session: TestSession
        let caller: PlanningCaller

        init(_ versions: [Planning.Skp], inForce: UInt32 = 0, pejabatPenilai: Identity.PejabatPenilai? = nil) throws {
            let stored = versions
            planning = FakeTransport { method, requests, _ in
                guard method == "GetSkp" else { throw RPCError(.unimplemented, method) }
                let request = try Planning.GetSkpRequest(serializedBytes: requests[0])
                let candidates = stored.filter { $0.skpID == request.skpID }
                guard let skp = request.version == 0 ? candidates.max(by: { $0.version < $1.version })
                    : candidates.first(where: { $0.version == request.version }) else { throw RPCError(.notFound, "no such SKP version") }
                return try Planning.GetSkpResponse(skp: skp, approvedVersion: inForce).serializedBytes()
            }
            identity = FakeTransport { method, requests, _ in try Self.identity(method, requests, pejabatPenilai) }
            session = try TestSession(accessExpires: 4_000_000_000, [.identity: identity, .planning: planning])
            caller = try session.session.caller(Planning.PlanningService.Client.self)
        }

        deinit { session.temporary.remove() }

        static let people: [String: Identity.Employee] = [
            SkpPrintSamples.kepalaBidang: Identity.Employee(nip: SkpPrintSamples.kepalaBidang, fullName: "Yohanes Fanggidaé", gelarBelakang: "S.Sos., M.Si.",
                                                            asnType: .pns, jenisJabatan: .administrator, jabatanName: "Kepala Bidang Pelayanan Pendaftaran Penduduk",
                                                            golongan: "III/d", unitID: SkpPrintSamples.bidang, atasanNIP: SkpPrintSamples.kepalaDinas),
            SkpPrintSamples.kepalaDinas: Identity.Employee(nip: SkpPrintSamples.kepalaDinas, fullName: "Maria Goreti Ndun", gelarDepan: "Dra.", gelarBelakang: "M.Si.",
                                                           asnType: .pns, jenisJabatan: .jpt, jabatanName: "Kepala Dinas Kependudukan dan Pencatatan Sipil",
                                                           golongan: "IV/b", unitID: SkpPrintSamples.dinas),
            SkpPrintSamples.analis: Identity.Employee(nip: SkpPrintSamples.analis, fullName: "Ni Luh Ayu Wulandari", gelarBelakang: "S.Kom.", asnType: .pns,
                                                      jenisJabatan: .fungsional, jabatanName: "Pranata Komputer Ahli Pertama", golongan: "III/a",
                                                      unitID: SkpPrintSamples.bidang),
            SkpPrintSamples.kepalaSeksi: Identity.Employee(nip: SkpPrintSamples.kepalaSeksi, fullName: "Marthen Luther Tefa", gelarBelakang: "S.H.", asnType: .pns,
                                                           jenisJabatan: .pengawas, jabatanName: "Kepala Seksi Identitas Penduduk", golongan: "III/d",
                                                           unitID: SkpPrintSamples.seksi),
        ]

        /// Identity's answers; the Kepala Bidang post is vacant (a Plt acts for it) for the analis.
        static func identity(_ method: String, _ requests: [[UInt8]], _ penilai: Identity.PejabatPenilai?) throws -> [UInt8] {
            switch method {
            case "GetEmployee":
                let nip = try Identity.GetEmployeeRequest(serializedBytes: requests[0]).nip
                guard let employee = people[nip] else { throw RPCError(.notFound, "no employee \(nip)") }
                let atasan = people[employee.atasanNIP].map { Common.EmployeeRef(nip: $0.nip, displayName: Display.name(of: $0), jabatanName: $0.jabatanName) }
                return try Identity.GetEmployeeResponse(employee: employee, atasan: atasan).serializedBytes()
            case "GetUnit":
                let id = try Identity.GetUnitRequest(serializedBytes: requests[0]).unitID
                guard let name = SkpPrintSamples.unitNames[id] else { throw RPCError(.notFound, "no unit \(id)") }
                let kind: Identity.UnitKind = id == SkpPrintSamples.bidang ? .bidang : id == SkpPrintSamples.seksi ? .seksi : .dinas
                return try Identity.GetUnitResponse(unit: Identity.Unit(unitID: id, name: name, kind: kind,
                                                                        headNIP: id == SkpPrintSamples.dinas ? SkpPrintSamples.kepalaDinas : "")).serializedBytes()
            case "GetPejabatPenilai":
                guard let penilai else { throw RPCError(.unimplemented, "GetPejabatPenilai") }
                return try Identity.GetPejabatPenilaiResponse(penilai: [penilai]).serializedBytes()
            case "ListActingAssignments":
                let request = try Identity.ListActingAssignmentsRequest(serializedBytes: requests[0])
                guard request.actingNIP == SkpPrintSamples.kepalaSeksi else { return try Identity.ListActingAssignmentsResponse().serializedBytes() }
                return try Identity.ListActingAssignmentsResponse(assignments: [
                    Identity.ActingAssignment(assignmentID: "01JACT", unitID: SkpPrintSamples.bidang, actingNIP: SkpPrintSamples.kepalaSeksi, kind: .plt,
                                              decreeNumber: SkpPrintSamples.pltDecree),
                ]).serializedBytes()
            default:
                throw RPCError(.unimplemented, method)
            }
        }

        /// Prints `skpID` (`version`, 0 for the latest) into `name` in the session's folder.
        func print(_ skpID: String, version: UInt32 = 0, name: String = "skp.pdf") async throws -> (SkpPrintJob.Written, String) {
            let path = session.temporary.path + "/" + name
            return (try await SkpPrintJob(skpID: skpID, version: version, output: path).run(caller), path)
        }

        /// verify-print's report on `path`.
        func verify(_ path: String) async throws -> SkpPrintedFile.Report {
            try await SkpPrintedFile.open(path).check(caller)
        }
    }

    /// Replaces `old` by `new` (the same length, so the PDF's offsets stay right) in the file.
    static func tamper(_ path: String, _ old: String, _ new: String) throws {
        #expect(old.utf8.count == new.utf8.count)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let range = try #require(bytes.range(of: Data(old.utf8)), "\(old) not in the file")
        var changed = bytes
        changed.replaceSubrange(range, with: Data(new.utf8))
        try changed.write(to: URL(fileURLWithPath: path))
    }

    @Test("print asks for the version given, names the people as identity does, and writes a private PDF marked with the stored stamp")
    func printsTheVersionAsked() async throws {
        let approved = SkpPrintSamples.administrator
        var draft = approved
        draft.version = 3
        draft.state = .draft
        draft.approval = nil
        let services = try Services([approved, draft], inForce: 2)
        let (written, path) = try await services.print(approved.skpID, version: 2)
        #expect(try services.planning.calls.map(\.method) == ["GetSkp"])
        #expect(try services.planning.calls[0].decoded(Planning.GetSkpRequest.self).first?.version == 2)
        #expect(written.printout.pegawai.golongan == "III/d")
        #expect(written.printout.pegawai.unit == "Bidang Pelayanan Pendaftaran Penduduk")
        #expect(written.printout.penilai?.name == "Dra. Maria Goreti Ndun, M.Si.")
        #expect(written.printout.penilai?.unit == "Dinas Kependudukan dan Pencatatan Sipil")
        #expect(written.mark == SkpPrintMark(skpID: approved.skpID, version: 2, bodySHA256: approved.approval?.bodySha256))
        #expect(written.warning == nil)
        #expect(written.pages >= 2)
        #expect(TemporaryDirectory.mode(path) == 0o600)
        #expect(FileManager.default.contents(atPath: path)?.prefix(5) == Data("%PDF-".utf8))
    }

    @Test("a draft's pejabat penilai is identity's for today: a Plt signs as the Kepala Bidang they act for, from that Bidang")
    func draftWithPlt() async throws {
        var draft = SkpPrintSamples.fungsional
        draft.state = .draft
        draft.approval = nil
        draft.penilai = nil
        let today = Identity.PejabatPenilai(nip: SkpPrintSamples.analis, kind: .plt,
                                            penilai: Common.EmployeeRef(nip: SkpPrintSamples.kepalaSeksi, displayName: "Marthen Luther Tefa, S.H.",
                                                                        jabatanName: "Kepala Seksi Identitas Penduduk", unitID: SkpPrintSamples.seksi),
                                            penilaiIsAsn: true, penilaiGolongan: "III/d", decreeNumber: SkpPrintSamples.pltDecree)
        let services = try Services([draft], pejabatPenilai: today)
        let (written, _) = try await services.print(draft.skpID)
        let printout = written.printout
        #expect(printout.penilaiKind == .plt)
        #expect(printout.penilaiJabatan.title == "Plt. Kepala Bidang Pelayanan Pendaftaran Penduduk")
        #expect(printout.penilaiJabatan.note.contains("Jabatan definitif: Kepala Seksi Identitas Penduduk"))
        #expect(printout.penilai?.unit == "Bidang Pelayanan Pendaftaran Penduduk", "an acting official rates from the unit they act for")
        #expect(written.mark.bodySHA256 == nil)
        let asked = try services.identity.calls.first { $0.method == "ListActingAssignments" }?.decoded(Identity.ListActingAssignmentsRequest.self).first
        #expect(asked?.actingNIP == SkpPrintSamples.kepalaSeksi)
    }

    @Test("an identity without GetPejabatPenilai: a draft's penilai is the owner's atasan; a look-up that fails leaves the SKP's own snapshot")
    func draftWithoutPenilaiModel() async throws {
        var draft = SkpPrintSamples.administrator
        draft.state = .draft
        draft.approval = nil
        draft.penilai = nil
        let services = try Services([draft])
        let (written, _) = try await services.print(draft.skpID)
        #expect(written.printout.penilai?.identifier == SkpPrintSamples.kepalaDinas)
        #expect(written.printout.penilai?.name == "Dra. Maria Goreti Ndun, M.Si.")
        #expect(written.printout.penilaiKind == .atasanLangsung)
    }

    @Test("verify-print: the printout of an approved version verifies, also once a later version supersedes it",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func verified() async throws {
        let approved = SkpPrintSamples.administrator
        let services = try Services([approved], inForce: 2)
        let (_, path) = try await services.print(approved.skpID)
        let report = try await services.verify(path)
        #expect(report.verdict == .verified(bodySHA256: try #require(approved.approval?.bodySha256)))
        #expect(report.pageChecked)
        #expect(report.text.hasPrefix("VERIFIED: "))
        var superseded = approved
        superseded.state = .diganti
        var next = approved
        next.version = 3
        SkpPrintSamples.approve(&next)
        let later = try Services([superseded, next], inForce: 3)
        let again = try await later.verify(path)
        #expect(again.verdict == report.verdict)
        #expect(again.text.contains("version 3 is in force"))
        #expect(try later.planning.calls[0].decoded(Planning.GetSkpRequest.self).first?.version == 2, "the version the mark names")
    }

    @Test("verify-print: a mark whose hash was changed does not match the page or the store (exit 5)", .enabled(if: SkpPrintSamples.popplerInstalled))
    func tamperedMark() async throws {
        let approved = SkpPrintSamples.administrator
        let hash = try #require(approved.approval?.bodySha256)
        let services = try Services([approved], inForce: 2)
        let (_, path) = try await services.print(approved.skpID)
        let forged = String(repeating: "0", count: 64)
        try Self.tamper(path, "body_sha256=" + hash, "body_sha256=" + forged)
        let report = try await services.verify(path)
        guard case .mismatch(let reason) = report.verdict else { Issue.record("a forged mark must not verify"); return }
        #expect(reason.contains("the page shows \(hash)"))
        #expect(services.planning.calls.count == 1, "only the print asked planning: a printout at odds with itself is refused before")
        // Without a page to compare (no pdftotext), the store refuses it as well.
        let mark = try #require(SkpPrintMark(keywords: "kinerja-skp-print/1; skp_id=\(approved.skpID); version=2; body_sha256=\(forged)"))
        let blind = try await SkpPrintedFile(file: path, mark: mark, pageText: nil).check(services.caller)
        guard case .mismatch = blind.verdict else { Issue.record("a forged hash must not verify against the store"); return }
    }

    @Test("verify-print: a mark naming another version, or one planning does not have, does not match", .enabled(if: SkpPrintSamples.popplerInstalled))
    func otherVersion() async throws {
        let approved = SkpPrintSamples.administrator
        var next = approved
        next.version = 3
        next.rhks[0].ikis[0].annualTarget?.value = 1500
        SkpPrintSamples.approve(&next)
        let services = try Services([approved, next], inForce: 3)
        let (_, path) = try await services.print(approved.skpID, version: 2)
        try Self.tamper(path, "version=2;", "version=3;")
        guard case .mismatch(let reason) = try await services.verify(path).verdict else { Issue.record("version 3 was not printed"); return }
        #expect(reason.contains("not the one planning recorded at approval"))
        try Self.tamper(path, "version=3;", "version=9;")
        guard case .mismatch(let missing) = try await services.verify(path).verdict else { Issue.record("there is no version 9"); return }
        #expect(missing.contains("planning has no SKP \(approved.skpID) version 9"))
    }

    @Test("verify-print: a printout without a stamp is not approved (exit 6), and says which version is in force now",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func notApproved() async throws {
        let draft = SkpPrintSamples.draft
        let services = try Services([SkpPrintSamples.administrator, draft], inForce: 2)
        let (written, path) = try await services.print(draft.skpID)
        #expect(written.mark.bodySHA256 == nil)
        let report = try await services.verify(path)
        #expect(report.verdict == .notApproved)
        #expect(report.text.hasPrefix("NOT APPROVED: "))
        #expect(report.text.contains("version 2 is in force"))
    }

    @Test("verify-print: a store changed after approval does not match; a transfer that closed the SKP early still verifies",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func storeChanged() async throws {
        let approved = SkpPrintSamples.administrator
        let printing = try Services([approved], inForce: 2)
        let (_, kept) = try await printing.print(approved.skpID, name: "printed.pdf")

        var edited = approved
        edited.rhks[0].ikis[0].annualTarget?.value = 900
        guard case .mismatch(let reason) = try await Services([edited], inForce: 2).verify(kept).verdict else {
            Issue.record("an edited store must not verify"); return
        }
        #expect(reason.contains("changed after approval"))

        var closed = approved
        closed.periodEnd = Common.Date(year: 2026, month: 6, day: 30)
        let report = try await Services([closed], inForce: 2).verify(kept)
        #expect(report.verdict == .verifiedBeforeClosure(bodySHA256: try #require(approved.approval?.bodySha256),
                                                         approvedPeriodEnd: Common.Date(year: 2026, month: 12, day: 31)))
        #expect(report.text.contains("a transfer has since closed it"))
    }

    @Test("verify-print exits 0 when verified, 5 on a mismatch, 6 when not approved")
    func exitStatuses() throws {
        #expect(ErrorReporting.report(CLIError(.printoutMismatch, "x")).exitStatus == 5)
        #expect(ErrorReporting.report(CLIError(.printoutWithoutStamp, "x")).exitStatus == 6)
    }
}
