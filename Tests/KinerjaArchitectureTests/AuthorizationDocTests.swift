import Foundation
import KinerjaEvaluation
import KinerjaFeedback
import KinerjaIdentity
import KinerjaPlanning
import KinerjaReporting
import KinerjaProto
import KinerjaService
import KinerjaTestSupport
import Testing

/// docs/AUTHORIZATION.md is generated from the services' authorisation tables; like generated
/// code, a stale copy fails the build. `make docs` rewrites it.
@Suite("docs/AUTHORIZATION.md")
struct AuthorizationDocTests {
    static let path = TestPKI.root + "/docs/AUTHORIZATION.md"

    /// Every service's table, in port order.
    static let tables: [(title: String, table: AuthorizationTable, descriptor: ServiceDescriptor)] = [
        ("Identity (kinerja-identity, 7401)", IdentityDefinition.authorization, IdentityDefinition.descriptor),
        ("Planning (kinerja-planning, 7402)", PlanningDefinition.authorization, PlanningDefinition.descriptor),
        ("Reporting (kinerja-reporting, 7403)", ReportingDefinition.authorization, ReportingDefinition.descriptor),
        ("Feedback (kinerja-feedback, 7404)", FeedbackDefinition.authorization, FeedbackDefinition.descriptor),
        ("Evaluation (kinerja-evaluation, 7405)", EvaluationDefinition.authorization, EvaluationDefinition.descriptor),
    ]

    static func render() -> String {
        let head = """
            # Who may call what

            Generated from each service's authorisation table (`Services/*/Authorization/`) by
            `make docs`; a test fails when this file is stale. Do not edit it by hand.

            Every call is mutual TLS: the caller presents a certificate whose one URI SAN names it
            (`spiffe://kinerja.kupangkota.go.id/service/<name>` or `…/client/<name>`, see
            docs/PROTOCOL.md §1.1). A user calls through a client (kinerjactl with the operator
            certificate, the web gateway with its service certificate) and sends their access token;
            the grants below that name a user are then checked against the token's NIP, roles and
            scopes. A machine client or a service calling for itself sends no token. A method without
            a rule is denied; every denial is audited (docs/SECURITY.md).

            Grants that name a relationship ("the target employee", "an atasan of the target", a role
            "with a scope covering the target's unit", a named relation) are decided by the handler once
            it knows what the call is about, through one helper (`Access.require`).

            """
        return head + "\n" + tables.map { $0.table.markdown(title: $0.title, descriptor: $0.descriptor) }.joined(separator: "\n")
    }

    @Test("docs/AUTHORIZATION.md says what the tables say (run `make docs` after changing a table)")
    func fresh() throws {
        let rendered = Self.render()
        if ProcessInfo.processInfo.environment["KINERJA_UPDATE_DOCS"] == "1" {
            try rendered.write(toFile: Self.path, atomically: true, encoding: .utf8)
        }
        let committed = (try? String(contentsOfFile: Self.path, encoding: .utf8)) ?? ""
        #expect(committed == rendered, "docs/AUTHORIZATION.md is stale: run `make docs` and commit it")
    }

    @Test("every method of every service has a rule, and no rule names a method the service does not have")
    func complete() {
        for (_, table, descriptor) in Self.tables {
            let paths = Set(descriptor.methods.map(\.path))
            for method in descriptor.methods { #expect(table.rule(for: method.path) != nil, "\(method.path) has no rule") }
            for path in table.rules.keys { #expect(paths.contains(path), "\(path) is not a method of \(descriptor.name)") }
        }
    }
}
