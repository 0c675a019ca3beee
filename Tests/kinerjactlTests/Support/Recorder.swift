import Foundation

/// A list that closures of any isolation can append to (tests record calls, notes, progress).
final class Recorder<Element>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Element] = []

    init(_ initial: [Element] = []) {
        stored = initial
    }

    func append(_ element: Element) {
        lock.withLock { stored.append(element) }
    }

    var items: [Element] { lock.withLock { stored } }

    /// Removes and returns the first element, if any.
    func popFirst() -> Element? {
        lock.withLock { stored.isEmpty ? nil : stored.removeFirst() }
    }
}
