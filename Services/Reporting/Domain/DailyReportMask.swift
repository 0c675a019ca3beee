public import KinerjaProto

/// The field mask of UpdateDailyReport: which fields of the stored report the request replaces.
///
/// `reporting.proto`: paths are any of `report_date`, `rhk_id`, `iki_id`, `realisation_value`,
/// `description`, `evidence`, `duration_minutes`; `common.proto` FieldMask: an empty mask or an
/// unknown path is INVALID_ARGUMENT, at most 64 paths. A path named twice counts once.
public enum DailyReportMask {
    /// The paths an update may name.
    public static let paths: Set<String> = ["report_date", "rhk_id", "iki_id", "realisation_value", "description", "evidence", "duration_minutes"]
    /// Most paths in one mask.
    public static let maximumPaths = 64

    /// The content of `current` with the masked fields taken from `draft` (a missing draft
    /// gives every masked field its default, which the content rules then judge).
    ///
    /// - Throws: ``ReportingError`` `UPDATE_MASK_INVALID` (INVALID_ARGUMENT) for a missing or
    ///   empty mask, too many paths or an unknown path.
    public static func merge(_ draft: Reporting.DailyReportDraft?, mask: Common.FieldMask?, over current: Reporting.DailyReport)
        throws(ReportingError) -> Reporting.DailyReportDraft
    {
        let requested = mask?.paths ?? []
        guard !requested.isEmpty else {
            throw ReportingError(.updateMaskInvalid, "update_mask must name the fields to change: \(paths.sorted().joined(separator: ", "))",
                                 field: "update_mask")
        }
        guard requested.count <= maximumPaths else {
            throw ReportingError(.updateMaskInvalid, "update_mask has at most \(maximumPaths) paths, got \(requested.count)", field: "update_mask")
        }
        if let index = requested.firstIndex(where: { !paths.contains($0) }) {
            throw ReportingError(.updateMaskInvalid,
                                 "\"\(requested[index].prefix(128))\" is not a field an update may change; use \(paths.sorted().joined(separator: ", "))",
                                 field: "update_mask.paths[\(index)]")
        }
        let source = draft ?? Reporting.DailyReportDraft()
        var merged = Reporting.DailyReportDraft(
            reportDate: current.reportDate, rhkID: current.rhkID, ikiID: current.ikiID, realisationValue: current.realisationValue,
            description: current.description, evidence: current.evidence, durationMinutes: current.durationMinutes)
        for path in Set(requested) {
            switch path {
            case "report_date": merged.reportDate = source.reportDate
            case "rhk_id": merged.rhkID = source.rhkID
            case "iki_id": merged.ikiID = source.ikiID
            case "realisation_value": merged.realisationValue = source.realisationValue
            case "description": merged.description = source.description
            case "evidence": merged.evidence = source.evidence
            case "duration_minutes": merged.durationMinutes = source.durationMinutes
            default: break
            }
        }
        return merged
    }
}
