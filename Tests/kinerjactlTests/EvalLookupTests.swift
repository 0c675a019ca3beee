import KinerjaProto
import Testing
@testable import kinerjactl

/// How `--period` and `--unit` become the period a command acts on, against an in-memory
/// evaluation service.
@Suite("Eval period lookup")
struct EvalLookupTests {
    static let unitID = "01J9Z3K5W8T4M6N2P0Q7R1S3V5"
    static let otherUnitID = "01J9Z3K5W8T4M6N2P0Q7R1S3V6"

    static func period(_ id: String, unit: String, span: Evaluation.EvaluationSpan) -> Evaluation.EvaluationPeriod {
        Evaluation.EvaluationPeriod(periodID: id, unit: Common.UnitScope(unitID: unit), state: .penilaian, span: span)
    }

    /// A caller of an evaluation service that answers ListPeriods with `periods` (two pages) and GetPeriod by id.
    static func caller(_ periods: [Evaluation.EvaluationPeriod]) throws -> (EvaluationCaller, FakeTransport, TestSession) {
        let evaluation = FakeTransport { method, requests, _ in
            switch method {
            case "ListPeriods":
                let request = try Evaluation.ListPeriodsRequest(serializedBytes: requests[0])
                let page = request.page?.cursor.isEmpty == false ? Array(periods.dropFirst()) : Array(periods.prefix(1))
                let next = request.page?.cursor.isEmpty == false || periods.count < 2 ? "" : "page-2"
                return try Evaluation.ListPeriodsResponse(periods: page, page: Common.PageResponse(nextCursor: next)).serializedBytes()
            case "GetPeriod":
                let request = try Evaluation.GetPeriodRequest(serializedBytes: requests[0])
                guard let found = periods.first(where: { $0.periodID == request.periodID }) else { throw RPCError(.notFound, "no period") }
                return try Evaluation.GetPeriodResponse(period: found).serializedBytes()
            default:
                throw RPCError(.unimplemented, method)
            }
        }
        let test = try TestSession([.identity: TestSession.unused("identity"), .evaluation: evaluation])
        return (try test.session.caller(Evaluation.EvaluationService.Client.self), evaluation, test)
    }

    @Test("a span with --unit is the unit's own period of that span, found over the pages of ListPeriods for its year")
    func bySpan() async throws {
        let q2 = Evaluation.EvaluationSpan(year: 2026, kind: .quarterly, number: 2)
        let (caller, evaluation, test) = try Self.caller([
            Self.period("01JQ1", unit: Self.unitID, span: .init(year: 2026, kind: .quarterly, number: 1)),
            Self.period("01JANNUAL", unit: Self.unitID, span: .init(year: 2026, kind: .annual, number: 1)),
            Self.period("01JQ2", unit: Self.unitID, span: q2),
        ])
        defer { test.temporary.remove() }
        let found = try await EvalPeriodSelection.resolve(EvalPeriodReference(.span(q2)), unit: UnitReference(.id(Self.unitID)), caller)
        #expect(found.periodID == "01JQ2")
        let requests = try evaluation.calls.flatMap { try $0.decoded(Evaluation.ListPeriodsRequest.self) }
        #expect(requests.map { $0.unit?.unitID } == [Self.unitID, Self.unitID] && requests.allSatisfy { $0.year == 2026 && $0.unit?.includeSubunits == false })
        #expect(evaluation.calls.first?.metadata["authorization"] == "Bearer A1")
        let missing = await #expect(throws: CLIError.self) {
            _ = try await EvalPeriodSelection.resolve(EvalPeriodReference(.span(.init(year: 2026, kind: .semester, number: 1))),
                                                      unit: UnitReference(.id(Self.unitID)), caller)
        }
        #expect(missing?.status == .notFound && missing?.message.contains("has no evaluation period for semester 1 2026") == true)
    }

    @Test("an id is read with GetPeriod; a --unit given with it must be the period's unit, or nothing is done")
    func byID() async throws {
        let (caller, evaluation, test) = try Self.caller([Self.period("01JQ2", unit: Self.unitID, span: .init(year: 2026, kind: .quarterly, number: 2))])
        defer { test.temporary.remove() }
        #expect(try await EvalPeriodSelection.resolve(EvalPeriodReference(.id("01JQ2")), unit: nil, caller).periodID == "01JQ2")
        #expect(try await EvalPeriodSelection.resolve(EvalPeriodReference(.id("01JQ2")), unit: UnitReference(.id(Self.unitID)), caller).periodID == "01JQ2")
        let wrong = await #expect(throws: CLIError.self) {
            _ = try await EvalPeriodSelection.resolve(EvalPeriodReference(.id("01JQ2")), unit: UnitReference(.id(Self.otherUnitID)), caller)
        }
        #expect(wrong?.code == .invalidArguments && wrong?.message.contains("is the period of unit \(Self.unitID), not of \(Self.otherUnitID)") == true)
        #expect(evaluation.calls.map(\.method) == ["GetPeriod", "GetPeriod", "GetPeriod"])
    }
}
