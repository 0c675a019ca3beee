/// A type-erased stream of messages: requests on the server, responses on the client.
public struct RPCAsyncSequence<Element: Sendable>: AsyncSequence, Sendable {
    private let base: any AsyncSequence<Element, any Error> & Sendable

    /// Wraps any sendable sequence.
    public init(wrapping base: some AsyncSequence<Element, any Error> & Sendable) {
        self.base = base
    }

    /// A sequence of the given elements.
    public static func elements(_ elements: [Element]) -> Self {
        let (stream, continuation) = AsyncThrowingStream<Element, any Error>.makeStream()
        for element in elements { continuation.yield(element) }
        continuation.finish()
        return Self(wrapping: stream)
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator())
    }

    /// Iterates the wrapped sequence.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: any AsyncIteratorProtocol<Element, any Error>

        public mutating func next() async throws -> Element? {
            try await base.next(isolation: nil)
        }
    }

    /// Maps each element, e.g. bytes to decoded messages.
    public func mapElements<T: Sendable>(_ transform: @escaping @Sendable (Element) throws -> T) -> RPCAsyncSequence<T> {
        RPCAsyncSequence<T>(wrapping: MappedSequence(base: self, transform: transform))
    }
}

private struct MappedSequence<Base: Sendable, T: Sendable>: AsyncSequence, Sendable {
    typealias Element = T
    typealias Failure = any Error
    let base: RPCAsyncSequence<Base>
    let transform: @Sendable (Base) throws -> T

    func makeAsyncIterator() -> Iterator { Iterator(base: base.makeAsyncIterator(), transform: transform) }

    struct Iterator: AsyncIteratorProtocol {
        var base: RPCAsyncSequence<Base>.AsyncIterator
        let transform: @Sendable (Base) throws -> T
        mutating func next() async throws -> T? {
            guard let element = try await base.next() else { return nil }
            return try transform(element)
        }
    }
}

/// Sends messages of a stream: responses on the server, requests on the client.
public struct RPCWriter<Element: Sendable>: Sendable {
    private let sink: @Sendable (Element) async throws -> Void

    /// A writer that hands each element to `sink` (which applies backpressure by suspending).
    public init(_ sink: @escaping @Sendable (Element) async throws -> Void) {
        self.sink = sink
    }

    /// Writes one message; suspends while the peer is not reading.
    public func write(_ element: Element) async throws {
        try await sink(element)
    }

    /// Writes messages in order.
    public func write(contentsOf elements: some Sequence<Element>) async throws {
        for element in elements { try await sink(element) }
    }

    /// A writer that encodes `T` into this writer's elements.
    public func mapped<T: Sendable>(_ transform: @escaping @Sendable (T) throws -> Element) -> RPCWriter<T> {
        RPCWriter<T> { try await self.write(transform($0)) }
    }
}
