import KinerjaProto

/// Sends the chunks of an ``ImportPlan`` one call after the other, retrying a chunk whose call
/// fails with UNAVAILABLE (same idempotency key, growing backoff), and adds up the reports.
struct ImportRunner {
    /// Sends one chunk as one ImportEmployees call and returns its report.
    typealias SendChunk = (ImportPlan.Chunk, Identity.ImportEmployeesOptions) async throws -> Identity.ImportEmployeesResponse

    /// Retries of one chunk after UNAVAILABLE (`--retries`).
    var retries = 5
    /// Wait before retry `n` (from 1): 1 s, 2 s, 4 s … at most 30 s.
    var backoff: (Int) -> Duration = { retry in .seconds(min(30, 1 << min(retry - 1, 5))) }
    var sleep: (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    /// Called with a note for people (a retry).
    var note: (String) -> Void = { _ in }
    /// Called after each acknowledged chunk with (acknowledged rows, total rows).
    var progress: (Int, Int) -> Void = { _, _ in }

    /// Runs the plan. A failure after some chunks were acknowledged says how many rows were,
    /// and that running the same command again resumes.
    func run(_ plan: ImportPlan, send: SendChunk) async throws -> ImportSummary {
        var summary = ImportSummary()
        var acknowledged = 0
        let total = plan.totalRows
        progress(0, total)
        for chunk in plan.chunks {
            var retry = 0
            while true {
                do {
                    let report = try await send(chunk, plan.options)
                    summary.add(report)
                    acknowledged += chunk.rows.count
                    progress(acknowledged, total)
                    break
                } catch let error as RPCError where error.code == .unavailable && retry < retries {
                    retry += 1
                    let delay = backoff(retry)
                    note("note: chunk \(chunk.index + 1)/\(plan.chunks.count) failed (UNAVAILABLE: \(error.message)); "
                        + "retrying in \(Self.seconds(delay)) (retry \(retry) of \(retries))")
                    try await sleep(delay)
                } catch {
                    throw Self.interrupted(error, acknowledged: acknowledged, total: total, resumable: !plan.options.dryRun)
                }
            }
        }
        return summary
    }

    /// The error to end with when chunk calls stop succeeding.
    static func interrupted(_ error: any Error, acknowledged: Int, total: Int, resumable: Bool) -> any Error {
        let progress = "\(Display.grouped(acknowledged)) of \(Display.grouped(total)) rows acknowledged"
            + (resumable ? "; run the same command again to resume" + (acknowledged > 0 ? "" : " once the cause is fixed") : "")
        switch error {
        case let error as RPCError:
            return CLIError(code(for: error.code), "\(ErrorReporting.message(of: error)) (\(progress))",
                            status: error.code, cause: error)
        case var error as CLIError:
            error.message += " (\(progress))"
            return error
        default:
            return CLIError(.failure, "\(error) (\(progress))", cause: error)
        }
    }

    private static func code(for status: RPCError.Code) -> CLIError.Code {
        switch ErrorReporting.exitStatus(for: status) {
        case CLIError.Code.unavailable.exitStatus: return .unavailable
        case CLIError.Code.notPermitted.exitStatus: return .notPermitted
        default: return .failure
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        "\(duration.components.seconds) s"
    }
}
