import Foundation
import KinerjaProto
import KinerjaTestSupport
import Testing
@testable import kinerjactl

/// `skp print` and `skp verify-print` against the real planning and identity services (in
/// process, mutual TLS, the Kupang demo organisation and its demo SKPs), signed in as the demo
/// personas: what the stored SKPs print as, and whether the printouts verify.
@Suite("SKP print against planning and identity", .serialized)
struct SkpPrintServiceTests {
    /// A kinerjactl caller of planning signed in as `persona`, over the fixture's services.
    static func caller(_ persona: String, _ fixture: PlanningFixture, in folder: TemporaryDirectory) async throws -> PlanningCaller {
        let nip = try fixture.identity.nip(persona)
        let login = try await fixture.identity.client.login(Identity.LoginRequest(nip: nip, password: IdentityFixture.demoPassword))
        let tokens = try #require(login.tokens)
        let store = SessionStore(path: folder.path + "/session-\(persona).json")
        try store.save(StoredSession(server: "127.0.0.1:\(fixture.identity.port)", nip: nip, tokens: tokens))
        let identity = fixture.identity.transport(.client("operator"))
        let planning = try fixture.service.transport(as: .client("operator"))
        let connections = ServiceConnections(addresses: { $0.defaultAddress }) { service, _ in
            switch service {
            case .identity: return ServiceConnections.Opened(transport: identity, close: {})
            case .planning: return ServiceConnections.Opened(transport: planning, close: {})
            default: throw RPCError(.unavailable, "not in this test")
            }
        }
        return try SignedInSession(store: store, connections: connections, policy: CallPolicy(timeout: .seconds(20)))
            .caller(Planning.PlanningService.Client.self)
    }

    @Test("the demo SKPs print in their form with the stored RHKs and identity's names, and each printout verifies or says why not",
          .enabled(if: SkpPrintSamples.popplerInstalled))
    func demoSkps() async throws {
        try await withPlanning(demoSeed: IdentityFixture.seed) { fixture in
            let folder = try TemporaryDirectory()
            defer { folder.remove() }
            // The pengelola kinerja may read every SKP of Pemkot Kupang: one of each form.
            let pengelola = try await Self.caller("pengelola", fixture, in: folder)
            let city = Common.UnitScope(unitID: try await fixture.identity.unitID("KPG"), includeSubunits: true)
            let listed = try await pengelola.call {
                try await $0.listSkps(Planning.ListSkpsRequest(unit: city, states: [.disetujui], page: Common.PageRequest(pageSize: 500)), options: $1)
            }
            var chosen: [SkpFormLayout: Planning.Skp] = [:]
            for summary in listed.skps where chosen.count < 3 {
                let skp = try SkpFetch.required(try await SkpFetch.skp(summary.skpID, pengelola))
                let layout = SkpFormLayout(skp.jenisJabatan)
                if chosen[layout] == nil, skp.state == .disetujui, !skp.rhks.isEmpty { chosen[layout] = skp }
            }
            #expect(Set(chosen.keys) == [.jpt, .administrasi, .fungsional], "the demo has an approved SKP of each form")
            for (layout, skp) in chosen.sorted(by: { $0.key.name < $1.key.name }) {
                let path = folder.path + "/demo-\(layout.name).pdf"
                let written = try await SkpPrintJob(skpID: skp.skpID, version: 0, output: path).run(pengelola)
                SkpPrintSamples.preview("demo-\(layout.name).pdf", [UInt8](try #require(FileManager.default.contents(atPath: path))))
                let text = try #require(PopplerTools.run("pdftotext", ["-enc", "UTF-8", path, "-"]))
                #expect(text.contains(layout.audience), "\(layout.name): its form")
                for rhk in skp.rhks {
                    #expect(SkpPrintDocumentTests.shows(rhk.text, in: text), "\(layout.name): RHK \(rhk.text) missing")
                }
                let penilai = try #require(written.printout.penilai, "\(layout.name): identity names the penilai")
                #expect(!penilai.name.isEmpty && penilai.name != penilai.identifier, "\(layout.name): the penilai by name")
                #expect(SkpPrintDocumentTests.shows(penilai.name, in: text))
                #expect(!written.printout.pegawai.unit.isEmpty, "\(layout.name): the unit's name from identity")
                let report = try await SkpPrintedFile.open(path).check(pengelola)
                if let approval = skp.approval, !approval.bodySha256.isEmpty {
                    #expect(report.verdict == .verified(bodySHA256: approval.bodySha256), "\(layout.name): \(report.text)")
                } else {
                    // A planning that does not stamp approvals yet: the printout says so and has nothing to verify.
                    #expect(text.contains("TANPA CAP PERSETUJUAN"))
                    #expect(report.verdict == .notApproved)
                }
            }

            // The demo pegawai's draft, printed by the pegawai: belum disetujui, its penilai the atasan of today.
            let pegawai = try await Self.caller("pegawai", fixture, in: folder)
            let own = try await pegawai.call { try await $0.listSkps(Planning.ListSkpsRequest(nip: try fixture.identity.nip("pegawai")), options: $1) }
            let draft = try #require(own.skps.first { $0.state == .draft })
            let path = folder.path + "/demo-draft.pdf"
            let written = try await SkpPrintJob(skpID: draft.skpID, version: 0, output: path).run(pegawai)
            #expect(written.mark.bodySHA256 == nil)
            #expect(written.printout.penilai?.identifier == (try fixture.identity.nip("atasan")))
            let report = try await SkpPrintedFile.open(path).check(pegawai)
            #expect(report.verdict == .notApproved)
        }
    }
}
