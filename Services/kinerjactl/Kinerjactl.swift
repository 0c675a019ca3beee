import ArgumentParser
import Foundation
import KinerjaProto

/// The operator and user command line of Kinerja.
@main
struct Kinerjactl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinerjactl",
        abstract: "Operate and use Kinerja, the ASN performance-management system of Kota Kupang.",
        discussion: """
        Commands that talk to a service take --pki, --cert, --json and --timeout, and where each \
        service listens: --server (or --identity), --planning, --reporting, --feedback, --evaluation \
        as HOST:PORT (defaults 127.0.0.1:7401–7405). Sign in with `kinerjactl login`; the session is \
        kept in $KINERJACTL_SESSION, else $XDG_CONFIG_HOME/kinerja/session.json, else \
        ~/.config/kinerja/session.json (mode 0600). Times are shown in WITA (UTC+8).

        Environment (each overridden by its option): KINERJACTL_SESSION, KINERJACTL_PKI, \
        KINERJACTL_CERT, KINERJACTL_IDENTITY_ADDRESS, KINERJACTL_PLANNING_ADDRESS, \
        KINERJACTL_REPORTING_ADDRESS, KINERJACTL_FEEDBACK_ADDRESS, KINERJACTL_EVALUATION_ADDRESS.

        Exit status:
          0   success
          1   any other error
          2   the command line does not parse (unknown option, bad value)
          3   an import finished but some rows were rejected
          4   the audit chain is broken
          5   a printed SKP or evaluation document does not match what the service holds (verify-print,
              verify-document: mismatch)
          6   a printed SKP carries no approval stamp (skp verify-print: not approved)
          7   an evaluation document's finalisation was reopened (eval verify-document: superseded)
          8   the evaluation is not finalised, so it has no stamped document (eval document)
          64  arguments parse but are invalid (out of range, conflicting)
          65  the input file cannot be read or parsed
          69  the service is unavailable or cannot be reached
          77  not signed in, session expired, or permission denied
        """,
        version: KinerjaVersion.current,
        subcommands: [
            Login.self, Logout.self, WhoAmI.self, Password.self, MyData.self,
            Units.self, Employees.self, Accounts.self, Roles.self, Penilai.self, Acting.self, Audit.self,
            Skp.self, Report.self, Feedback.self, Eval.self, Call.self, Contract.self,
        ]
    )

    /// Parses, runs, and ends with the documented exit status; failures print one line on stderr.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            // A check in a command's validate() failed: the arguments parse but are invalid (64).
            if let invalid = ArgumentFailure.invalidArguments(in: error) {
                let report = ErrorReporting.report(invalid)
                if let line = report.line { StandardError.line(line) }
                terminate(report.exitStatus)
            }
            // ArgumentParser exits 64 for every parse failure; 64 is kept for checks after parsing.
            if exitCode(for: error) == .validationFailure {
                StandardError.line(fullMessage(for: error))
                terminate(2)
            }
            exit(withError: error)
        }
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch let clean as CleanExit {
            exit(withError: clean)
        } catch where exitCode(for: error) == .success {
            // ArgumentParser's own help requests (`kinerjactl help units`) end up here.
            exit(withError: error)
        } catch {
            let report = ErrorReporting.report(error)
            if let line = report.line { StandardError.line(line) }
            terminate(report.exitStatus)
        }
    }
}

/// Ends the process with `status` (a free function: inside a command `exit` means `exit(withError:)`).
func terminate(_ status: Int32) -> Never {
    exit(status)
}
