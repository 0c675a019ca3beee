import NIOCore

/// The result of a future that an `EmbeddedEventLoop` has already completed, or nil if still pending.
func completedResult<T>(of future: EventLoopFuture<T>) -> Result<T, any Error>? {
    let box = ResultBox<T>()
    future.whenComplete { box.result = $0 }
    return box.result
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    var isSuccess: Bool {
        if case .success = self { return true }
        return false
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
