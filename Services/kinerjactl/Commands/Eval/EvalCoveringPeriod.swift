import KinerjaProto

/// The period a unit's curve lives in when the unit may be a sub-unit of a period opened with its
/// sub-units (`eval quotas --unit SUB`, `eval org-rating set --unit SUB`): the unit's own period of
/// the span, else the period of the nearest unit above it that includes its sub-units. With a
/// period id, a `--unit` other than the period's is passed on as the sub-unit (the service checks
/// it lies inside the period's scope).
enum EvalCoveringPeriod {
    /// The period and the sub-unit to name in the request (empty for the period's own unit).
    static func resolve(_ selection: EvalPeriodSelection,
                        _ caller: EvaluationCaller) async throws -> (period: Evaluation.EvaluationPeriod, subunitID: String) {
        guard let reference = selection.unit.reference else { return (try await selection.resolve(caller), "") }
        let unitID = try await UnitLookup.unitID(reference, caller.identity)
        switch selection.period.kind {
        case .id(let id):
            let period = try await EvalLookup.period(id: id, caller)
            return (period, period.unit?.unitID == unitID ? "" : unitID)
        case .span(let span):
            do {
                return (try await EvalLookup.period(unitID: unitID, span: span, named: reference.description, caller), "")
            } catch let error as CLIError where error.status == .notFound {
                var next = try await parent(of: unitID, caller)
                while let ancestor = next {
                    if let period = try await periodWithSubunits(unitID: ancestor, span: span, caller) { return (period, unitID) }
                    next = try await parent(of: ancestor, caller)
                }
                throw error
            }
        }
    }

    /// The unit's parent id; nil at the root.
    static func parent(of unitID: String, _ caller: EvaluationCaller) async throws -> String? {
        let unit = try await caller.identity.call { try await $0.getUnit(.init(unitID: unitID), options: $1) }.unit
        guard let parent = unit?.parentUnitID, !parent.isEmpty else { return nil }
        return parent
    }

    /// The period of `span` opened for `unitID` with its sub-units, if any.
    static func periodWithSubunits(unitID: String, span: Evaluation.EvaluationSpan,
                                   _ caller: EvaluationCaller) async throws -> Evaluation.EvaluationPeriod? {
        let request = Evaluation.ListPeriodsRequest(unit: Common.UnitScope(unitID: unitID), year: span.year,
                                                    page: Common.PageRequest(pageSize: 500))
        let response = try await caller.call { try await $0.listPeriods(request, options: $1) }
        return response.periods.first {
            $0.unit?.unitID == unitID && $0.unit?.includeSubunits == true && EvalSpans.same(EvalSpans.span(of: $0), span)
        }
    }
}
