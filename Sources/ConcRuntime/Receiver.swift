/// The receiving handle of a channel made by ``Channel`` or a timer (``tick(every:)``, ``after(_:)``).
///
/// A class: share the reference with every consumer; each message goes to exactly one of them.
/// Releasing the last reference makes later sends fail with ``ChannelError/disconnected``.
///
/// Iterate with `for value in receiver` (blocking the thread) or `for await value in receiver`
/// (suspending the task); both end when the channel is closed and drained.
public final class Receiver<Element: Sendable>: Sendable {
    @usableFromInline let flavor: ChannelFlavor<Element>

    init(_ flavor: ChannelFlavor<Element>) {
        self.flavor = flavor
    }

    deinit {
        flavor.closeReceivingSide()
    }

    /// Receives the next message, blocking the calling thread until one arrives.
    ///
    /// Blocks on: a message, or the channel closing. Spins briefly, then parks the thread; in async
    /// code use `try await receiver.receive()` or `for await`.
    /// - Throws: ``ChannelError/disconnected`` once the channel is closed and drained.
    @inlinable
    public func receive() throws(ChannelError) -> Element {
        try flavor.receive(deadline: nil)
    }

    /// Receives the next message, blocking at most `timeout`.
    /// - Throws: ``ChannelError/timeout`` or ``ChannelError/disconnected``.
    @inlinable
    public func receive(timeout: Duration) throws(ChannelError) -> Element {
        try flavor.receive(deadline: Deadline(ContinuousClock.now.advanced(by: timeout)))
    }

    /// Receives the next message, blocking until `deadline` at the latest. A deadline in the past
    /// makes one non-blocking attempt.
    /// - Throws: ``ChannelError/timeout`` or ``ChannelError/disconnected``.
    @inlinable
    public func receive(deadline: ContinuousClock.Instant) throws(ChannelError) -> Element {
        try flavor.receive(deadline: Deadline(deadline))
    }

    /// Receives a message only if one is ready. Never blocks.
    /// - Throws: ``ChannelError/empty`` or ``ChannelError/disconnected``.
    @inlinable
    public func tryReceive() throws(ChannelError) -> Element {
        switch flavor.tryReceive() {
        case .value(let value): return value
        case .empty: throw .empty
        case .disconnected: throw .disconnected
        }
    }

    /// Receives the next message, suspending the task (never blocking its thread) until one arrives.
    /// - Throws: ``ChannelError/disconnected`` once closed and drained, ``ChannelError/cancelled`` if
    ///   the task is cancelled while waiting.
    public func receive() async throws(ChannelError) -> Element {
        try await flavor.receiveAsync()
    }

    /// Whether the channel is closed (it may still hold buffered messages).
    public var isClosed: Bool { flavor.isClosed }

    /// Messages buffered right now (a snapshot; 0 for rendezvous channels and timers).
    public var count: Int { flavor.count }
}

extension Receiver: Sequence {
    /// Blocking iteration: each `next()` is a ``Receiver/receive()``; ends when the channel is closed
    /// and drained.
    public struct Iterator: IteratorProtocol {
        @usableFromInline let receiver: Receiver

        @usableFromInline
        init(receiver: Receiver) {
            self.receiver = receiver
        }

        /// Blocks until the next message; `nil` once the channel is closed and drained.
        @inlinable
        public mutating func next() -> Element? {
            try? receiver.receive()
        }
    }

    /// A blocking iterator over the messages (`for value in receiver`).
    @inlinable
    public func makeIterator() -> Iterator {
        Iterator(receiver: self)
    }
}

extension Receiver: AsyncSequence {
    /// Suspending iteration: each `next()` is an async ``Receiver/receive()``; ends when the channel is
    /// closed and drained, or when the task is cancelled.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let receiver: Receiver

        /// Suspends until the next message; `nil` once the channel is closed and drained, or the task
        /// is cancelled.
        public mutating func next() async -> Element? {
            try? await receiver.receive()
        }
    }

    /// A suspending iterator over the messages (`for await value in receiver`).
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(receiver: self)
    }
}
