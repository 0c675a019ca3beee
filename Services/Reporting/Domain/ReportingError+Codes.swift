/// Every reason the reporting module answers with, by area. The reason strings are stable:
/// clients and tests match on them.
extension ReportingError.Code {
    // MARK: Input (INVALID_ARGUMENT)

    /// A required field is empty.
    public static let fieldRequired = Self("FIELD_REQUIRED", .invalidArgument)
    /// A text is longer than its limit.
    public static let textTooLong = Self("TEXT_TOO_LONG", .invalidArgument)
    /// A NIP is not 18 digits.
    public static let nipInvalid = Self("NIP_INVALID", .invalidArgument)
    /// A period is not a well-formed month, triwulan or year of 2000–2100.
    public static let periodInvalid = Self("PERIOD_INVALID", .invalidArgument)
    /// The report itself is missing from the request.
    public static let reportRequired = Self("REPORT_REQUIRED", .invalidArgument)
    /// report_date is missing.
    public static let reportDateRequired = Self("REPORT_DATE_REQUIRED", .invalidArgument)
    /// report_date is not a real day.
    public static let reportDateInvalid = Self("REPORT_DATE_INVALID", .invalidArgument)
    /// report_date is after today in WITA.
    public static let reportDateInFuture = Self("REPORT_DATE_IN_FUTURE", .invalidArgument)
    /// The realisation is negative, not finite or above 1e9.
    public static let realisationInvalid = Self("REPORT_REALISATION_INVALID", .invalidArgument)
    /// The description is empty or only white space.
    public static let descriptionRequired = Self("REPORT_DESCRIPTION_REQUIRED", .invalidArgument)
    /// duration_minutes is above 1440.
    public static let durationInvalid = Self("REPORT_DURATION_INVALID", .invalidArgument)
    /// More than 10 evidence links.
    public static let evidenceTooMany = Self("EVIDENCE_TOO_MANY", .invalidArgument)
    /// A SHA-256 is not 32 bytes.
    public static let evidenceHashInvalid = Self("EVIDENCE_HASH_INVALID", .invalidArgument)
    /// The same SHA-256 is linked twice.
    public static let evidenceDuplicate = Self("EVIDENCE_DUPLICATE", .invalidArgument)
    /// A URI is empty, too long, has blanks, credentials or no host, or is an unknown URN.
    public static let evidenceURIInvalid = Self("EVIDENCE_URI_INVALID", .invalidArgument)
    /// A URI is neither https nor an uploaded file's URN.
    public static let evidenceURINotHTTPS = Self("EVIDENCE_URI_NOT_HTTPS", .invalidArgument)
    /// An uploaded file's URN names another hash than the link's sha256.
    public static let evidenceURNMismatch = Self("EVIDENCE_URN_MISMATCH", .invalidArgument)
    /// An upload's file name breaks its rules.
    public static let evidenceFileNameInvalid = Self("EVIDENCE_FILE_NAME_INVALID", .invalidArgument)
    /// An upload's bytes are not JPEG, PNG, WebP, HEIC or PDF.
    public static let evidenceMediaTypeNotAllowed = Self("EVIDENCE_MEDIA_TYPE_NOT_ALLOWED", .invalidArgument)
    /// An upload's bytes hash differently from the claimed SHA-256.
    public static let evidenceHashMismatch = Self("EVIDENCE_HASH_MISMATCH", .invalidArgument)
    /// An upload's byte count differs from the claimed size.
    public static let evidenceSizeMismatch = Self("EVIDENCE_SIZE_MISMATCH", .invalidArgument)
    /// An upload chunk is empty or larger than 1 MiB.
    public static let evidenceChunkInvalid = Self("EVIDENCE_CHUNK_INVALID", .invalidArgument)
    /// An update's field mask is missing, empty, too long or names an unknown path.
    public static let updateMaskInvalid = Self("UPDATE_MASK_INVALID", .invalidArgument)
    /// A batch review entry has no decision.
    public static let reviewDecisionRequired = Self("REVIEW_DECISION_REQUIRED", .invalidArgument)
    /// A rejection without a reason.
    public static let rejectReasonRequired = Self("REJECT_REASON_REQUIRED", .invalidArgument)
    /// A revocation without a reason.
    public static let revokeReasonRequired = Self("REVOKE_REASON_REQUIRED", .invalidArgument)
    /// A batch review has no or more than 500 decisions.
    public static let batchSizeInvalid = Self("BATCH_SIZE_INVALID", .invalidArgument)
    /// A batch review names a report twice.
    public static let batchDuplicate = Self("BATCH_DUPLICATE_REPORT", .invalidArgument)
    /// A policy value is outside its range.
    public static let policyOutOfRange = Self("POLICY_OUT_OF_RANGE", .invalidArgument)
    /// A period lock's id or NIP list is malformed.
    public static let lockInvalid = Self("LOCK_INVALID", .invalidArgument)
    /// An absence has no kind.
    public static let absenceKindRequired = Self("ABSENCE_KIND_REQUIRED", .invalidArgument)
    /// An absence's range is missing, reversed or longer than 1827 days.
    public static let absenceRangeInvalid = Self("ABSENCE_RANGE_INVALID", .invalidArgument)
    /// A compliance range is missing, reversed, over 92 days or ends after today.
    public static let complianceRangeInvalid = Self("COMPLIANCE_RANGE_INVALID", .invalidArgument)
    /// A qualitative rating is UNSPECIFIED.
    public static let ratingRequired = Self("QUALITATIVE_RATING_REQUIRED", .invalidArgument)

    // MARK: Not found (NOT_FOUND)

    /// The RHK is not in the SKP in force.
    public static let rhkNotFound = Self("REPORT_RHK_NOT_FOUND", .notFound)
    /// The IKI is not in the SKP in force (or not under the RHK named).
    public static let ikiNotFound = Self("REPORT_IKI_NOT_FOUND", .notFound)
    /// No qualitative realisation to rate.
    public static let qualitativeNotFound = Self("QUALITATIVE_NOT_FOUND", .notFound)
    /// No stored evidence file with that hash.
    public static let evidenceNotFound = Self("EVIDENCE_NOT_FOUND", .notFound)

    // MARK: State (FAILED_PRECONDITION)

    /// No SKP covers the day.
    public static let noSkp = Self("REPORT_NO_SKP", .failedPrecondition)
    /// The day is outside the SKP's covered days.
    public static let reportDateOutsideSkp = Self("REPORT_DATE_OUTSIDE_SKP", .failedPrecondition)
    /// The day is before the backdate window.
    public static let reportDateBeforeWindow = Self("REPORT_DATE_BEFORE_WINDOW", .failedPrecondition)
    /// The day (or period) lies in a period locked for the employee.
    public static let periodLocked = Self("PERIOD_LOCKED", .failedPrecondition)
    /// The IKI is only in a newer SKP version awaiting approval.
    public static let ikiNotYetInForce = Self("REPORT_IKI_NOT_YET_IN_FORCE", .failedPrecondition)
    /// The policy requires evidence and the report has none.
    public static let evidenceRequired = Self("REPORT_EVIDENCE_REQUIRED", .failedPrecondition)
    /// The author's reports of the day reached max_reports_per_day.
    public static let dayLimitReached = Self("REPORT_DAY_LIMIT_REACHED", .failedPrecondition)
    /// The author's reports of the day would spend more than 1440 minutes.
    public static let dayMinutesExceeded = Self("REPORT_DAY_MINUTES_EXCEEDED", .failedPrecondition)
    /// Only a DIAJUKAN report can be verified or rejected.
    public static let reportNotDiajukan = Self("REPORT_NOT_DIAJUKAN", .failedPrecondition)
    /// Only a DIVERIFIKASI report's verification can be revoked.
    public static let reportNotDiverifikasi = Self("REPORT_NOT_DIVERIFIKASI", .failedPrecondition)
    /// Only a DIAJUKAN, DITOLAK or DICABUT report can be updated or withdrawn.
    public static let reportNotChangeable = Self("REPORT_NOT_CHANGEABLE", .failedPrecondition)
    /// A qualitative realisation for a Kuantitatif SKP.
    public static let notKualitatif = Self("QUALITATIVE_NOT_KUALITATIF", .failedPrecondition)
    /// The period is outside the SKP's covered days.
    public static let periodOutsideSkp = Self("QUALITATIVE_PERIOD_OUTSIDE_SKP", .failedPrecondition)
    /// The period has not begun.
    public static let periodNotBegun = Self("QUALITATIVE_PERIOD_NOT_BEGUN", .failedPrecondition)
    /// The realisation is rated; the employee can no longer change it.
    public static let alreadyRated = Self("QUALITATIVE_ALREADY_RATED", .failedPrecondition)

    // MARK: Concurrency and limits

    /// The caller read an older revision (ABORTED).
    public static let revisionMismatch = Self("REVISION_MISMATCH", .aborted)
    /// A bulk call carries more rows than allowed (RESOURCE_EXHAUSTED).
    public static let bulkTooManyRows = Self("BULK_TOO_MANY_ROWS", .resourceExhausted)
    /// An evidence file is above the policy's file cap (RESOURCE_EXHAUSTED).
    public static let evidenceFileTooLarge = Self("EVIDENCE_FILE_TOO_LARGE", .resourceExhausted)
    /// The employee's monthly evidence volume is used up (RESOURCE_EXHAUSTED).
    public static let evidenceMonthlyQuotaReached = Self("EVIDENCE_MONTHLY_QUOTA_REACHED", .resourceExhausted)

    // MARK: The evidence store

    /// A stored file no longer hashes to its name (DATA_LOSS).
    public static let evidenceCorrupted = Self("EVIDENCE_CORRUPTED", .dataLoss)
    /// Another process holds the store's lock (UNAVAILABLE).
    public static let evidenceStoreLocked = Self("EVIDENCE_STORE_LOCKED", .unavailable)
    /// The evidence folder's file system is full (UNAVAILABLE: retry once space is freed; nothing was stored).
    public static let evidenceStoreFull = Self("EVIDENCE_STORE_FULL", .unavailable)
    /// A file-system call failed (INTERNAL; the cause says which and why).
    public static let evidenceStoreIO = Self("EVIDENCE_STORE_IO", .internal)
}
