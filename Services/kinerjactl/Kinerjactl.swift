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
        Commands that talk to the identity service take --server, --pki, --cert, --json and \
        --timeout; the skp commands also take --planning (the planning service). Sign in with `kinerjactl login`; the session is kept in $KINERJA_SESSION, else \
        $XDG_CONFIG_HOME/kinerja/session.json, else ~/.config/kinerja/session.json (mode 0600). \
        Times are shown in WITA (UTC+8).

        Exit status:
          0   success
          1   any other error
          2   the command line does not parse (unknown option, bad value)
          3   an import finished but some rows were rejected
          4   the audit chain is broken
          64  arguments parse but are invalid (out of range, conflicting)
          65  the input file cannot be read or parsed
          69  the service is unavailable or cannot be reached
          77  not signed in, session expired, or permission denied
        """,
        version: KinerjaVersion.current,
        subcommands: [
            Login.self, Logout.self, WhoAmI.self, Password.self,
            Units.self, Employees.self, Accounts.self, Roles.self, Audit.self,
            Skp.self, Contract.self,
        ]
    )

    /// Parses, runs, and ends with the documented exit status; failures print one line on stderr.
    static func main() async {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
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
