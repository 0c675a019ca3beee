import Foundation
import KinerjaASN
import KinerjaPlanning
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// A planning service in-process over an ``InMemoryIdentity`` (no identity process): the harness
/// of the issue-11 handler tests, with the flows they share.
struct InMemoryPlanning {
    let fixture: ServiceFixture<PlanningDefinition>
    let identity: InMemoryIdentity
    let client: Planning.PlanningService.Client

    /// The demo unit of the `pegawai` persona (the `atasan` persona heads it).
    static let seksi = "KPG.DUKCAPIL.DAFDUK.IDENTITAS"

    func signIn(_ persona: String) throws -> CallOptions { try identity.signIn(persona) }
    func signIn(nip: String) throws -> CallOptions { try identity.signIn(nip: nip) }
    func nip(_ persona: String) throws -> String { try identity.nip(persona) }
    func snapshot() async throws -> String { try await fixture.snapshot() }

    /// The employee `nip` as the directory holds it.
    func employee(_ nip: String) async throws -> Identity.Employee {
        try #require(try await identity.directory.employee(nip))
    }

    /// Changes the employee `nip` in the directory.
    func change(_ nip: String, _ body: (inout Identity.Employee) -> Void) async throws {
        var employee = try await employee(nip)
        body(&employee)
        identity.directory.set(employee)
    }

    /// Creates `nip`'s SKP with one Utama RHK (under `parent` when given, non-direct) and one IKI.
    func draft(nip: String, parent: String = "", text: String = "Terlayaninya penerbitan KTP-el tepat waktu",
               periodStart: Common.Date? = nil, transfer: Bool = false) async throws -> (skp: Planning.Skp, rhkID: String, options: CallOptions) {
        let options = try signIn(nip: nip)
        let created = try #require(try await client.createSkp(Planning.CreateSkpRequest(
            nip: nip, year: thisYear, approach: .kuantitatif, periodStart: periodStart, transfer: transfer), options: options).skp)
        let added = try await client.addRhk(Planning.AddRhkRequest(skpID: created.skpID, rhk: Planning.Rhk(
            kind: .utama, text: text, parentRhkID: parent, ikis: [ktpIki()], cascadeType: parent.isEmpty ? .unspecified : .nonDirect)),
            options: options)
        let skp = try #require(try await client.getSkp(Planning.GetSkpRequest(skpID: created.skpID), options: options).skp)
        return (skp, try #require(added.rhk?.rhkID), options)
    }

    /// The `atasan` persona's draft (the parent) and the `pegawai` persona's draft under it.
    func pegawaiDraft(periodStart: Common.Date? = nil) async throws
        -> (boss: (skp: Planning.Skp, rhkID: String, options: CallOptions), mine: (skp: Planning.Skp, rhkID: String, options: CallOptions)) {
        let boss = try await draft(nip: try nip("atasan"), text: "Meningkatnya kualitas pelayanan administrasi kependudukan")
        let mine = try await draft(nip: try nip("pegawai"), parent: boss.rhkID, periodStart: periodStart)
        return (boss, mine)
    }

    /// The `pegawai` persona's SKP, submitted and approved by the `atasan` persona.
    func approvedPegawai(periodStart: Common.Date? = nil) async throws
        -> (skp: Planning.Skp, rhkID: String, options: CallOptions, atasan: CallOptions, parentRhkID: String) {
        let (boss, mine) = try await pegawaiDraft(periodStart: periodStart)
        _ = try await client.submitSkp(Planning.SubmitSkpRequest(skpID: mine.skp.skpID), options: mine.options)
        let approved = try #require(try await client.approveSkp(Planning.ApproveSkpRequest(skpID: mine.skp.skpID, note: "Disetujui"),
                                                                options: try signIn("atasan")).skp)
        return (approved, mine.rhkID, mine.options, try signIn("atasan"), boss.rhkID)
    }
}

/// Runs `body` with a fresh planning service over an in-memory identity and always stops it.
func withInMemoryPlanning(_ body: (InMemoryPlanning) async throws -> Void) async throws {
    let identity = try InMemoryIdentity()
    let fixture = try await ServiceFixture<PlanningDefinition>.start(inject: identity.inject)
    do {
        try await body(InMemoryPlanning(fixture: fixture, identity: identity,
                                        client: Planning.PlanningService.Client(transport: try fixture.transport(as: .client("operator")))))
        await fixture.stop()
    } catch {
        await fixture.stop()
        throw error
    }
}

/// The RPC error `body` fails with; nil when it succeeds.
func rpcError<T>(_ body: () async throws -> T) async -> RPCError? {
    do {
        _ = try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        return RPCError(.unknown, "\(error)")
    }
}

/// A day of the current WITA year.
func witaDay(_ month: Int32, _ day: Int32) -> Common.Date { Common.Date(year: thisYear, month: month, day: day) }
