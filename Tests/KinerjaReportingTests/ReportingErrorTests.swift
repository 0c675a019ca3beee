import KinerjaProto
import KinerjaReporting
import Testing

@Suite("Reporting errors")
struct ReportingErrorTests {
    @Test("a rule's status code is its category, its ErrorInfo reason its code; INVALID_ARGUMENT carries the fields as BadRequest")
    func mapping() {
        let precondition = ReportingError(.dayLimitReached, "at most 20 reports per day")
        #expect(precondition.rpcStatus?.code == .failedPrecondition)
        #expect(precondition.rpcStatus?.reason == "REPORT_DAY_LIMIT_REACHED")
        #expect(precondition.rpcStatus?.message == "at most 20 reports per day")
        #expect(precondition.description == "REPORT_DAY_LIMIT_REACHED: at most 20 reports per day")
        let io = ReportingError(.evidenceStoreIO, "the evidence store could not write a file", cause: "write(/srv/x): ENOSPC")
        #expect(io.rpcStatus?.code == .internal)
        #expect(io.rpcStatus?.message.contains("/srv") == false, "the cause stays in the logs")
        #expect(io.description.hasSuffix("(write(/srv/x): ENOSPC)"))
        let invalid = ReportingError(violations: [
            Common.FieldViolation(field: "report.description", description: "description is required", reason: "REPORT_DESCRIPTION_REQUIRED"),
            Common.FieldViolation(field: "report.iki_id", description: "iki_id is required", reason: "FIELD_REQUIRED"),
        ])
        #expect(invalid?.rpcStatus?.code == .invalidArgument)
        #expect(invalid?.message == "report.description: description is required; report.iki_id: iki_id is required")
        #expect(invalid?.rpcStatus?.details.count == 2)
        #expect(ReportingError(violations: []) == nil)
    }

    @Test("a bulk row's reasons: the violations, or the one error with its field, under the row's prefix")
    func rowReasons() {
        let locked = ReportingError(.periodLocked, "locked", field: "report.report_date").prefixed("rows[4].")
        #expect(locked.fieldViolations == [Common.FieldViolation(field: "rows[4].report.report_date", description: "locked", reason: "PERIOD_LOCKED")])
        let noField = ReportingError(.noSkp, "no SKP")
        #expect(noField.fieldViolations.map(\.reason) == ["REPORT_NO_SKP"])
    }

    @Test("every reason is UPPER_SNAKE and unique across the module")
    func reasons() {
        let codes: [ReportingError.Code] = [
            .fieldRequired, .textTooLong, .nipInvalid, .periodInvalid, .reportRequired, .reportDateRequired, .reportDateInvalid, .reportDateInFuture,
            .realisationInvalid, .descriptionRequired, .durationInvalid, .evidenceTooMany, .evidenceHashInvalid, .evidenceDuplicate, .evidenceURIInvalid,
            .evidenceURINotHTTPS, .evidenceURNMismatch, .evidenceFileNameInvalid, .evidenceMediaTypeNotAllowed, .evidenceHashMismatch, .evidenceSizeMismatch, .evidenceChunkInvalid,
            .updateMaskInvalid, .reviewDecisionRequired, .rejectReasonRequired, .revokeReasonRequired, .batchSizeInvalid, .batchDuplicate, .policyOutOfRange,
            .lockInvalid, .absenceKindRequired, .absenceRangeInvalid, .complianceRangeInvalid, .ratingRequired, .rhkNotFound, .ikiNotFound,
            .qualitativeNotFound, .evidenceNotFound, .noSkp, .reportDateOutsideSkp, .reportDateBeforeWindow, .periodLocked, .ikiNotYetInForce,
            .evidenceRequired, .dayLimitReached, .dayMinutesExceeded, .reportNotDiajukan, .reportNotDiverifikasi, .reportNotChangeable, .notKualitatif,
            .periodOutsideSkp, .periodNotBegun, .alreadyRated, .revisionMismatch, .bulkTooManyRows, .evidenceFileTooLarge, .evidenceMonthlyQuotaReached,
            .evidenceCorrupted, .evidenceStoreLocked, .evidenceStoreFull, .evidenceStoreIO,
        ]
        #expect(Set(codes.map(\.reason)).count == codes.count)
        #expect(codes.allSatisfy { $0.reason.utf8.allSatisfy { (65...90).contains($0) || $0 == 95 } })
    }
}
