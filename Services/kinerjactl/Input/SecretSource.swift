/// Where passwords come from: a hidden prompt on the terminal, or lines of standard input
/// (`--password-stdin`, so scripts and tests can sign in).
enum SecretSource {
    case terminal
    case lines(() -> String?)

    /// Standard input, one secret per line.
    static var standardInput: SecretSource { .lines { Swift.readLine(strippingNewline: true) } }

    /// The next secret; `what` names it in the prompt and in the error when input runs out.
    func next(_ what: String) throws -> String {
        switch self {
        case .terminal:
            return try PasswordPrompt.hidden(prompt: "\(what): ")
        case .lines(let read):
            guard var line = read() else {
                throw CLIError.invalidArguments("standard input ended before the \(what.lowercased())")
            }
            if line.hasSuffix("\r") { line.removeLast() }
            return line
        }
    }

    /// A new password, asked twice; at the terminal a mismatch asks again (three tries).
    func newPassword() throws -> String {
        let tries = if case .terminal = self { 3 } else { 1 }
        for _ in 0..<tries {
            let first = try next("New password")
            let second = try next("Repeat new password")
            if first == second { return first }
            if case .terminal = self { StandardError.line("The passwords differ; try again.") }
        }
        throw CLIError.invalidArguments("the new passwords differ")
    }
}
