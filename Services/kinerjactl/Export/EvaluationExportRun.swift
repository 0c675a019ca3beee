import KinerjaProto
import Synchronization

/// One export of finalised evaluations to CSV (`eval export`), resumed where it stopped: rows come
/// in NIP order, so after an interruption the next attempt asks for the rows after the last NIP
/// written (`after_nip`) from the same finalisation (`finalisation_number`), and no row is written
/// twice or skipped — also when an earlier run's file is continued (`--resume`).
struct EvaluationExportRun: Sendable {
    /// One attempt: streams the rows `request` asks for into `row`, in order.
    typealias Attempt = @Sendable (_ request: Evaluation.ExportEvaluationsRequest,
                                   _ row: @escaping @Sendable (Evaluation.ExportEvaluationsResponse) throws -> Void) async throws -> Void

    /// What a run did.
    struct Summary: Equatable, Sendable {
        /// Rows written by this run.
        var written: Int
        /// Rows in the output, with those of the run it continued.
        var total: Int
        /// The finalisation numbers the rows come from.
        var finalisationNumbers: Set<UInt32>
        /// Attempts resumed after an interruption.
        var resumed: Int
    }

    /// The unit, period or span and `finalised_after`; `after_nip` and `finalisation_number` are the run's.
    var request: Evaluation.ExportEvaluationsRequest
    /// Where an earlier run left off (``EvaluationCSV/ResumePoint/empty`` for a new file).
    var resume: EvaluationCSV.ResumePoint = .empty
    /// How many interrupted attempts are resumed; each must have written at least one row.
    var maxResumes: Int = 20
    /// The pause before resuming.
    var retryDelay: Duration = .milliseconds(500)
    /// Writes CSV text (the header, then each record as it arrives).
    var write: @Sendable (String) throws -> Void
    /// Tells the user what happens (an interruption, a resumption).
    var notice: @Sendable (String) -> Void = { _ in }

    /// Whether an attempt that failed with `code` may be resumed: the connection or the deadline ended.
    static func resumable(_ code: RPCError.Code) -> Bool {
        code == .unavailable || code == .deadlineExceeded
    }

    /// The finalisation to ask for: the one every row so far came from; 0 (the current one) before
    /// the first row, or when the rows so far came from several periods' finalisations.
    static func pinned(_ numbers: Set<UInt32>) -> UInt32 {
        numbers.count == 1 ? numbers.first ?? 0 : 0
    }

    /// Streams the rows, writing the header first unless continuing a file.
    func run(_ attempt: Attempt) async throws -> Summary {
        let progress = Mutex((rows: resume.rows, lastNIP: resume.lastNIP, numbers: resume.finalisationNumbers))
        if resume.validLength == 0 { try write(EvaluationCSV.header) }
        if Self.pinned(resume.finalisationNumbers) == 0, resume.finalisationNumbers.count > 1 {
            notice("the file holds rows of \(resume.finalisationNumbers.count) finalisations (several periods): continuing from the current ones")
        }
        var resumed = 0
        while true {
            let (before, lastNIP, numbers) = progress.withLock { ($0.rows, $0.lastNIP, $0.numbers) }
            var next = request
            next.afterNIP = lastNIP
            next.finalisationNumber = Self.pinned(numbers)
            let write = self.write
            do {
                try await attempt(next) { response in
                    try write(EvaluationCSV.record(response))
                    progress.withLock { state in
                        state.rows += 1
                        state.lastNIP = response.record?.nip ?? state.lastNIP
                        if response.finalisationNumber > 0 { state.numbers.insert(response.finalisationNumber) }
                    }
                }
                let done = progress.withLock { $0 }
                return Summary(written: done.rows - resume.rows, total: done.rows, finalisationNumbers: done.numbers, resumed: resumed)
            } catch let error as RPCError where Self.resumable(error.code) && resumed < maxResumes {
                let now = progress.withLock { $0 }
                guard now.rows > before else { throw error }
                resumed += 1
                notice("interrupted after \(now.rows) rows (\(error.code): \(ErrorReporting.message(of: error))); resuming after NIP \(now.lastNIP)")
                try await Task.sleep(for: retryDelay)
            }
        }
    }
}
