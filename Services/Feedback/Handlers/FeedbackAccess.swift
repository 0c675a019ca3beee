import Foundation
import GRDB
import KinerjaProto
import KinerjaService
import KinerjaStore

/// How handlers finish the authorisation the table starts: named relations decided through the
/// domain rules, the standard relationship grants on a target, and the audit of every refusal.
extension FeedbackHandlers {
    /// The signed-in caller's NIP (every method that reaches here with a relation grant has one).
    func callerNIP() throws -> String {
        guard let user = try Access.required().caller.user else { throw RPCError(.unauthenticated, "sign in first", reason: "SIGN_IN_REQUIRED") }
        return user.nip
    }

    /// The employee `nip`, or NOT_FOUND naming `what`.
    func employee(_ nip: String, _ what: String = "employee") async throws -> Identity.Employee {
        guard let employee = try await directory.employee(nip) else {
            throw RPCError(.notFound, "no \(what) with NIP \(nip)", reason: "EMPLOYEE_NOT_FOUND")
        }
        return employee
    }

    /// The unit's id followed by its ancestors' ids.
    func unitPath(_ unitID: String) async throws -> [String] {
        [unitID] + (try await directory.ancestors(of: unitID) ?? [])
    }

    /// How `nip` stands to `other` today, as identity answers it (levels above, same atasan, same
    /// unit, `other`'s unit path): the facts the domain's "who may" rules read.
    func standing(of nip: String, to other: Identity.Employee, withPath: Bool = false) async throws -> FeedbackStanding {
        let relation = try await directory.relation(atasan: nip, of: other.nip)
        let me = try await directory.employee(nip)
        let sameAtasan = !(me?.atasanNIP ?? "").isEmpty && me?.atasanNIP == other.atasanNIP
        return FeedbackStanding(relation: relation, sameAtasan: sameAtasan, sameUnit: me?.unitID == other.unitID,
                                unitPath: withPath ? try await unitPath(other.unitID) : [other.unitID])
    }

    /// Runs `decision`, a domain rule that may refuse the caller with PERMISSION_DENIED, as the
    /// named `relation` of the method's rule: a refusal is recorded in the audit log (as every
    /// denial) with the rule's reason and message. A relation the rule does not name fails closed.
    func decide<T>(_ relation: Relation, target: String, _ decision: () async throws -> T) async throws -> T {
        let access = try Access.required()
        guard access.rule.grants.contains(.relation(relation)) else {
            throw RPCError(.internal, "the rule of this method does not name the relation \(relation.name)")
        }
        do {
            return try await decision()
        } catch let error as FeedbackError where error.code.category == .permissionDenied {
            throw await access.denial(target: target, error.message, reason: error.reason)
        }
    }

    /// Returns when the caller holds `relation` (decided by `holds`) or a standard relationship
    /// grant of the method on `target`; otherwise records the denial and throws PERMISSION_DENIED.
    func require(_ relation: Relation, _ holds: Bool, or target: AccessTarget) async throws {
        let access = try Access.required()
        if try await access.holds(relation, holds: { holds }) { return }
        try await access.require(target)
    }

    /// Records in the audit log a refusal answered with another status than PERMISSION_DENIED
    /// (a rater who is not assigned is NOT_FOUND, as if the assignment did not exist).
    func auditRefusal(_ context: ServerContext, target: String, status: RPCError.Code, detail: String) async {
        guard let access = Access.current else { return }
        let record = AuditRecord(principal: access.caller.principal, principalKind: access.caller.principalKind, action: context.method.path,
                                 target: target, outcome: .denied, statusCode: UInt32(status.rawValue), detail: detail,
                                 requestID: context.requestID, peerAddress: context.remoteAddress ?? "")
        let at = clock()
        _ = try? await store.write { db in try AuditLog.append(record, at: at, in: db) }
    }
}
