import ArgumentParser
import KinerjaProto

/// Turns any failure into the one line kinerjactl prints on stderr and the exit status it ends with.
enum ErrorReporting {
    /// The exit status for an RPC status code: 69 UNAVAILABLE, 77 UNAUTHENTICATED and
    /// PERMISSION_DENIED, 1 for every other failure.
    static func exitStatus(for code: RPCError.Code) -> Int32 {
        switch code {
        case .ok: return 0
        case .unavailable: return CLIError.Code.unavailable.exitStatus
        case .unauthenticated, .permissionDenied: return CLIError.Code.notPermitted.exitStatus
        default: return CLIError.Code.failure.exitStatus
        }
    }

    /// The stderr line (nil when nothing is to be printed) and the exit status for `error`.
    static func report(_ error: any Error) -> (line: String?, exitStatus: Int32) {
        switch error {
        case let exit as ExitCode:
            return (nil, exit.rawValue)
        case let error as CLIError:
            return (line(status: error.status, message: error.message), error.code.exitStatus)
        case let error as RPCError:
            return (line(status: error.code, message: message(of: error)), exitStatus(for: error.code))
        case let error as ValidationError:
            return (line(status: nil, message: error.message), CLIError.Code.invalidArguments.exitStatus)
        default:
            return (line(status: nil, message: String(describing: error)), CLIError.Code.failure.exitStatus)
        }
    }

    /// `error: <STATUS_NAME>: <message>` (or `error: <message>`) on one sanitized line.
    static func line(status: RPCError.Code?, message: String) -> String {
        let text = TerminalText.sanitized(message).split(separator: " ", omittingEmptySubsequences: true)
            .joined(separator: " ")
        return "error: " + (status.map { "\($0): " } ?? "") + text
    }

    /// The server's message followed by what its details add: invalid fields, when to retry.
    static func message(of error: RPCError) -> String {
        var message = error.message
        var violations: [String] = []
        for detail in error.details {
            switch detail.detail {
            case .badRequest(let request)?:
                violations += request.fieldViolations.map { violation in
                    violation.field.isEmpty ? violation.description : "\(violation.field): \(violation.description)"
                }
            case .retryInfo(let info)? where info.retryDelayMs > 0:
                message += "; retry in \((info.retryDelayMs + 999) / 1000) s"
            default:
                break
            }
        }
        let fresh = violations.filter { !message.contains($0) }
        if !fresh.isEmpty { message += " (" + fresh.joined(separator: "; ") + ")" }
        return message
    }
}
