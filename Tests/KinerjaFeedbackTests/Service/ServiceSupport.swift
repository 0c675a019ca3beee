import Foundation
import KinerjaASN
import KinerjaFeedback
import KinerjaProto
import KinerjaRPC
import KinerjaTestSupport
import Testing

/// The current WITA day and year.
let today = Wita.today(now: Date())
let thisYear = today.year

/// The reason an error carries (its `ErrorInfo`), if any.
func reason(of error: any Error) -> String? {
    (error as? RPCError)?.reason
}

/// What a refused call answered.
struct Refusal {
    var code: RPCError.Code
    var message: String
    var reason: String?
    var details: [RPC.StatusDetail]
}

extension FeedbackFixture {
    /// Runs `body`, which must fail; checks it answered `code` with a message and changed no table.
    @discardableResult
    func refused<T>(_ code: RPCError.Code, reason expected: String? = nil, _ what: Comment,
                    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> T) async throws -> Refusal? {
        let before = try await snapshot()
        var refusal: Refusal?
        do {
            _ = try await body()
            Issue.record("\(what): expected \(code), the call succeeded", sourceLocation: sourceLocation)
        } catch let error as RPCError {
            refusal = Refusal(code: error.code, message: error.message, reason: error.reason, details: error.details)
            #expect(error.code == code, "\(what): \(error)", sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, "\(what): the refusal says why", sourceLocation: sourceLocation)
            if let expected { #expect(error.reason == expected, "\(what): reason \(error.reason ?? "none")", sourceLocation: sourceLocation) }
        }
        let after = try await snapshot()
        #expect(before == after, "\(what): a refused call changes nothing", sourceLocation: sourceLocation)
        return refusal
    }

    /// Active employees of the unit with `code` (not its sub-units), by NIP.
    func members(of code: String) async throws -> [Identity.Employee] {
        let unit = try await unitID(code)
        let hr = try await signIn("pengelola")
        let listed = try await identity.client.listEmployees(Identity.ListEmployeesRequest(unitID: unit, page: Common.PageRequest(pageSize: 500)), options: hr)
        return listed.employees.filter { $0.status == .aktif }.sorted { $0.nip < $1.nip }
    }

    /// The pegawai persona's rekan kerja: the other staff of their seksi with the same atasan.
    func colleagues() async throws -> [Identity.Employee] {
        let pegawai = try nip("pegawai"), atasan = try nip("atasan")
        return try await members(of: "KPG.DUKCAPIL.DAFDUK.IDENTITAS").filter { $0.nip != pegawai && $0.atasanNIP == atasan }
    }

    /// An active employee far from the personas (a teacher-free unit: Inspektorat), for "a stranger".
    func stranger() async throws -> Identity.Employee {
        let people = try await members(of: "KPG.BKPSDM.PKA")
        let pengelola = try nip("pengelola")
        guard let someone = people.first(where: { $0.nip != pengelola }) else { throw TestFailure("no stranger") }
        return someone
    }

    /// A ticket issued by the kiosk now for `nip` at the unit with `code`.
    func issue(for nip: String, at code: String = "KPG.DUKCAPIL.DAFDUK.IDENTITAS", service: String = "Penerbitan KTP-el",
               key: String? = nil) async throws -> Feedback.IssueServiceTicketResponse {
        let unit = try await unitID(code)
        var options = CallOptions(timeout: .seconds(30))
        if let key { options.metadata.add(Metadata.WellKnownKey.idempotencyKey, key) }
        return try await kiosk.issueServiceTicket(Feedback.IssueServiceTicketRequest(ticket: Feedback.ServiceTicket(
            unitID: unit, servedByNIP: nip, serviceName: service, counterName: "Loket 2")), options: options)
    }

    /// Sets the policy (by pengelola kinerja, agency-wide) with `change` applied to the current one.
    func setPolicy(_ change: (inout Feedback.FeedbackPolicy) -> Void) async throws {
        let hr = try await signIn("pengelola")
        var policy = try #require(try await client.getFeedbackPolicy(Feedback.GetFeedbackPolicyRequest(), options: hr).policy)
        change(&policy)
        _ = try await client.setFeedbackPolicy(Feedback.SetFeedbackPolicyRequest(policy: policy, reason: "pengaturan uji"), options: hr)
    }
}

/// Seven scores of `score` with comments where an extreme score needs one.
func scores(_ score: UInt32, comment: String = "Selalu membantu warga di loket") -> [Feedback.ValueScore] {
    [Common.BerakhlakValue.berorientasiPelayanan, .akuntabel, .kompeten, .harmonis, .loyal, .adaptif, .kolaboratif].map {
        Feedback.ValueScore(value: $0, score: score, comment: score == 1 || score == 5 ? comment : "")
    }
}
