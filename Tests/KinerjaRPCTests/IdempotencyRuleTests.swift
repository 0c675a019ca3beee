import KinerjaProto
import Testing
@testable import KinerjaRPC

/// docs/PROTOCOL.md, section 2.8: whether a call may be retried after it may have started comes from
/// one rule applied by the generator to each method's comment in proto/, and nothing else.
@Suite("Idempotency: one rule from the proto comments", .serialized)
struct IdempotencyRuleTests {
    /// A method, its comment, and what the generator must make of it (nil: generation fails).
    struct Case: Sendable, CustomStringConvertible {
        let method: String
        let comment: String
        let expected: String?
        var description: String { "\(method): \(expected ?? "refused")" }
    }

    static let cases: [Case] = [
        .init(method: "Logout", comment: " Ends the caller's session (or all of them). Idempotent.\n", expected: "always"),
        .init(method: "SetPeriodicTargets", comment: " Replaces targets. ABORTED on a\n revision mismatch. Idempotent (a full replacement).", expected: "always"),
        .init(method: "RemoveRhk", comment: " Removes an RHK. Idempotent with `idempotency-key`.", expected: "withKey"),
        .init(method: "CreateSkp", comment: " Creates an SKP. Honours `idempotency-key`.", expected: "withKey"),
        .init(method: "ImportEmployees", comment: " Imports. Honours `idempotency-key` (a replay returns the\n first report).", expected: "withKey"),
        .init(method: "AcknowledgeFeedback",
              comment: " Returns FAILED_PRECONDITION when already acknowledged (a replay with the same `idempotency-key`\n succeeds).",
              expected: "withKey"),
        .init(method: "ResetPassword", comment: " Issues a password. Not idempotent: each call issues a new\n password.", expected: "none"),
        .init(method: "UpdateSkp", comment: " Changes a DRAFT. ABORTED on a revision mismatch.", expected: "none"),
        .init(method: "GetSkp", comment: " Returns one SKP version.", expected: "always"),
        .init(method: "VerifyAuditChain", comment: " Verifies the audit hash chain.", expected: "always"),
        .init(method: "VerifyDailyReport", comment: " Verifies a report. Idempotent with `idempotency-key`.", expected: "withKey"),
        .init(method: "Retry", comment: " Safe to retry; idempotent in practice.", expected: nil),
        .init(method: "Toggle", comment: " Idempotent. Not idempotent: it depends.", expected: nil),
        .init(method: "GetOrCreate", comment: " Returns a thing, making it first. Not idempotent.", expected: nil),
        .init(method: "Send", comment: " Send an `idempotency-key` to be safe.", expected: nil),
    ]

    @Test("the generator recognises every documented form and stops on a comment that is ambiguous", arguments: cases)
    func generatorRule(_ example: Case) async throws {
        let result = try await runProgram("/usr/bin/python3", [RPCTestPKI.root + "/tools/generate-swift.py", "--idempotency", example.method],
                                          stdin: example.comment, timeout: .seconds(60))
        if let expected = example.expected {
            #expect(result.status == 0, "\(result)")
            #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines) == expected, "\(result)")
        } else {
            #expect(result.status != 0, "\(result)")
            #expect(result.err.contains(example.method), "\(result)")
        }
    }

    @Test("methods whose comment says Idempotent are listed idempotent by reflection, as the integrator expected")
    func documentedIdempotentMethods() async throws {
        let identity = Identity.IdentityService.Method.self
        let planning = Planning.PlanningService.Method.self
        let methods = [identity.logout, identity.revokeSession, identity.enableAccount, identity.disableAccount,
                       identity.unlockAccount, planning.setPeriodicTargets, planning.setBehaviourExpectations]
        for method in methods {
            #expect(method.idempotency == .always, "\(method)")
        }
        let provider = ReflectionProvider(services: [Identity.IdentityService.descriptor, Planning.PlanningService.descriptor])
        let listing = try await provider.listServices(
            RPC.ListServicesRequest(), context: ServerContext(method: RPC.ReflectionService.Method.listServices, requestID: "t"))
        let listed = Dictionary(listing.services.flatMap(\.methods).map { ($0.fullName, $0.idempotent) }) { first, _ in first }
        for method in methods {
            #expect(listed[method.path] == true, "\(method)")
        }
        #expect(listed[identity.resetPassword.path] == false)
        #expect(listed[planning.updateSkp.path] == false)
        #expect(listed[planning.createSkp.path] == true)
    }

    @Test("a started call is repeated only when repeating is harmless: always for reads and Idempotent writes, with the same idempotency-key for keyed writes, never otherwise")
    func repeatingAStartedCall() {
        let keyed: Metadata = ["idempotency-key": "k-1"]
        #expect(Idempotency.always.allowsRepeating(with: Metadata()))
        #expect(Idempotency.withKey.allowsRepeating(with: keyed))
        #expect(!Idempotency.withKey.allowsRepeating(with: Metadata()))
        #expect(!Idempotency.withKey.allowsRepeating(with: ["idempotency-key": ""]))
        #expect(!Idempotency.none.allowsRepeating(with: keyed))
    }
}
