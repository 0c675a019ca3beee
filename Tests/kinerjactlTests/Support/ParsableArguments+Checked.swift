import ArgumentParser
@testable import kinerjactl

extension ParsableArguments {
    /// `parse`, with a failed `validate()` rethrown as the CLIError it threw, as `kinerjactl`
    /// reports it (ArgumentParser wraps it in an error type of its own).
    static func parseChecked(_ arguments: [String]) throws -> Self {
        do {
            return try parse(arguments)
        } catch {
            if let invalid = ArgumentFailure.invalidArguments(in: error) { throw invalid }
            throw error
        }
    }

    /// The CLIError `validate()` throws for `arguments`, nil when they are valid.
    static func invalid(_ arguments: [String]) -> CLIError? {
        do {
            _ = try parse(arguments)
            return nil
        } catch {
            return ArgumentFailure.invalidArguments(in: error)
        }
    }
}
