public import KinerjaProto
public import KinerjaService
public import KinerjaStore
public import Foundation
public import KinerjaIdentityClient
import GRDB
public import KinerjaASN
import Synchronization

/// The feedback service's RPC handlers. One file per area (`Handlers/…`); this file holds what
/// they share: the store, identity (the directory), planning and reporting (``EvidenceSource``),
/// the deployment secret, the guess limiter and the clock. Every change goes through
/// ``StoreBackedService/write(_:_:_:)``: the change, its audit entry and its idempotency record
/// commit in one transaction.
public final class FeedbackHandlers: Feedback.FeedbackService.ServiceProtocol, StoreBackedService {
    /// The feedback store.
    public let store: Store
    let directory: any IdentityDirectory
    let evidence: any EvidenceSource
    let configuration: FeedbackConfiguration
    /// Keys rater pseudonyms and comment orders (never stored in the database).
    let secret: [UInt8]
    let pseudonyms: RaterPseudonym
    /// The clock.
    public let clock: @Sendable () -> Date
    let guesses: Mutex<TicketGuessLimiter>
    /// Working days (national libur and cuti bersama) for the dialog minimum.
    let calendar: WorkingDayCalendar

    /// Handlers over `store` (opened with ``FeedbackSchema/migrations``), asking identity through
    /// `directory` and planning and reporting through `evidence`; `secret` is the deployment's
    /// pseudonym secret (at least 32 bytes).
    public init(store: Store, directory: any IdentityDirectory, evidence: any EvidenceSource, configuration: FeedbackConfiguration,
                secret: [UInt8], calendar: WorkingDayCalendar = WorkingDayCalendar(nonWorkingDays: NonWorkingDayList.indonesia2026),
                clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.store = store
        self.directory = directory
        self.evidence = evidence
        self.configuration = configuration
        self.secret = secret
        self.pseudonyms = try RaterPseudonym(secret: secret)
        self.clock = clock
        self.calendar = calendar
        self.guesses = Mutex(TicketGuessLimiter(configuration: .init(burst: configuration.guessBurst, perHour: configuration.guessPerHour)))
    }

    /// The WITA day now.
    var today: Common.Date { Wita.today(now: clock()) }

    /// Now, in whole seconds (the precision of every stamp).
    var now: Common.Timestamp { Common.Timestamp(seconds: nowSeconds, nanos: 0) }

    /// The policy in force.
    func policy() async throws -> EffectiveFeedbackPolicy {
        try await store.read { db in try PolicyRecords.effective(in: db) }
    }

    /// A new record id.
    func newID() -> String { ULID.make(now: clock()) }
}

/// What feedback asks planning and reporting: whether the subject of a piece of feedback exists
/// and belongs to its recipient, and the atasan's ekspektasi khusus for a 360° round.
public protocol EvidenceSource: Sendable {
    /// Returns when `subjectID` of `kind` is the recipient's (`ownerNIP`): a daily report they
    /// wrote, an RHK or IKI of their SKP, their SKP.
    ///
    /// - Throws: NOT_FOUND when it does not exist or is someone else's; FAILED_PRECONDITION
    ///   "reporting is not configured" for a daily report without a reporting peer; UNAVAILABLE.
    func checkSubject(_ kind: Feedback.FeedbackSubjectKind, _ subjectID: String, ownerNIP: String, today: Common.Date) async throws
    /// The ekspektasi khusus of `nip`'s SKP in force for `year` (empty when there is none).
    func expectations(of nip: String, year: Int32) async throws -> [Planning.BehaviourExpectation]
    /// The RHK ids of `nip`'s SKP in force for `year` (empty when there is none; demo data links feedback to them).
    func rhkIDs(of nip: String, year: Int32) async throws -> [String]
}
