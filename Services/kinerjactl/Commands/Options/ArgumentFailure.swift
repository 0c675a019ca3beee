/// Finds the ``CLIError`` that a command's `validate()` threw inside the error ArgumentParser
/// reports for it. ArgumentParser wraps such an error (with the command stack) in a type of its
/// own that it does not export, and would end with exit 1; kinerjactl documents 64 for arguments
/// that parse but are invalid, and prints its own one-line message.
enum ArgumentFailure {
    /// The CLIError inside `error` (searched a few levels deep), if any.
    static func invalidArguments(in error: any Error) -> CLIError? {
        find(error, depth: 0)
    }

    private static func find(_ value: Any, depth: Int) -> CLIError? {
        if let error = value as? CLIError { return error }
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let found = find(child.value, depth: depth + 1) { return found }
        }
        return nil
    }
}
