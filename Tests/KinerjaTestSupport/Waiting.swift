import Foundation

/// Waits until `condition` holds (a hang guard of 20 s, not a timing assertion).
public func waitUntil(_ what: String, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while !(try await condition()) {
        if ContinuousClock.now > deadline { throw TestFailure("\(what): not within 20 s") }
        try await Task.sleep(for: .milliseconds(50))
    }
}
