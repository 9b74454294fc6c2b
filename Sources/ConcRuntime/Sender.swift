/// The sending handle of a channel made by ``Channel``.
///
/// A class: share the reference with every producer. Releasing the last reference closes the
/// channel, as ``close()`` does, which wakes every blocked receiver once the buffer is drained.
public final class Sender<Element: Sendable>: Sendable {
    @usableFromInline let flavor: ChannelFlavor<Element>

    init(_ flavor: ChannelFlavor<Element>) {
        self.flavor = flavor
    }

    deinit {
        flavor.close()
    }

    /// Sends `value`, blocking the calling thread while the channel is full (a rendezvous channel:
    /// until a receiver takes it).
    ///
    /// Blocks on: room in the buffer or a receiver. Spins briefly, then parks the thread; in async code
    /// the suspending overload (`try await sender.send(value)`) is chosen instead.
    /// - Throws: ``ChannelError/disconnected`` if the channel is closed or every receiver is gone.
    @inlinable
    public func send(_ value: Element) throws(ChannelError) {
        try flavor.send(value, deadline: nil)
    }

    /// Sends `value`, blocking at most `timeout`.
    /// - Throws: ``ChannelError/timeout`` when the time runs out first, ``ChannelError/disconnected``
    ///   if the channel is closed or every receiver is gone.
    @inlinable
    public func send(_ value: Element, timeout: Duration) throws(ChannelError) {
        try flavor.send(value, deadline: Deadline(ContinuousClock.now.advanced(by: timeout)))
    }

    /// Sends `value`, blocking until `deadline` at the latest. A deadline in the past makes one
    /// non-blocking attempt.
    /// - Throws: ``ChannelError/timeout`` or ``ChannelError/disconnected``.
    @inlinable
    public func send(_ value: Element, deadline: ContinuousClock.Instant) throws(ChannelError) {
        try flavor.send(value, deadline: Deadline(deadline))
    }

    /// Sends `value` only if that needs no waiting. Never blocks.
    /// - Throws: ``ChannelError/full`` or ``ChannelError/disconnected``.
    @inlinable
    public func trySend(_ value: Element) throws(ChannelError) {
        switch flavor.trySend(value) {
        case .sent: return
        case .full: throw .full
        case .disconnected: throw .disconnected
        }
    }

    /// Sends `value`, suspending the task (never blocking its thread) while the channel is full:
    /// back-pressure for Swift concurrency.
    /// - Throws: ``ChannelError/disconnected``, or ``ChannelError/cancelled`` if the task is cancelled
    ///   while waiting (the message is then not sent).
    public func send(_ value: Element) async throws(ChannelError) {
        try await flavor.sendAsync(value)
    }

    /// Closes the channel: later sends fail; receivers take what is buffered and then see
    /// ``ChannelError/disconnected``; every blocked sender and receiver wakes. Idempotent; never blocks.
    public func close() {
        flavor.close()
    }

    /// Whether the channel is closed, or every receiver is gone.
    public var isClosed: Bool { flavor.isClosed }

    /// The buffer size given at creation (0 for rendezvous, `Int.max` for unbounded).
    public var capacity: Int { flavor.capacity }
}
