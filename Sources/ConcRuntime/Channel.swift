/// Constructors of multi-producer, multi-consumer channels, after crossbeam's `bounded`,
/// `unbounded` and Go's `make(chan T, n)`.
///
/// Each returns a ``Sender`` and a ``Receiver``. Both are classes: copying a reference copies the
/// handle, so any number of threads and tasks may send and receive. The channel closes when
/// ``Sender/close()`` is called or when the last reference to the sender is released; receivers then
/// drain what is buffered and see ``ChannelError/disconnected``. When the last receiver reference is
/// released, sends fail with ``ChannelError/disconnected`` and buffered messages are dropped.
///
/// ```swift
/// let (tx, rx) = Channel<Int>.bounded(100)
/// try withThreadScope { scope in
///     scope.spawn { for i in 0..<10 { try tx.send(i) }; tx.close() }
///     for value in rx { print(value) }
/// }
/// ```
public enum Channel<Element: Sendable> {
    /// A channel buffering at most `capacity` messages; a send blocks while it is full.
    /// `capacity` 0 (or less) gives a ``rendezvous()`` channel.
    ///
    /// Memory: `capacity` preallocated slots (capacity ≤ 65,536; above that the buffer grows on demand
    /// up to `capacity` messages), plus one waiter per blocked operation.
    ///
    /// Capacity ≥ 1 is a lock-free ring (crossbeam's array flavor): a send or receive that need not
    /// wait is one compare-and-swap and never takes a lock.
    public static func bounded(_ capacity: Int) -> (sender: Sender<Element>, receiver: Receiver<Element>) {
        if capacity <= 0 { return rendezvous() }
        if capacity > RingChannel<Element>.largestCapacity {
            // Very large bounds: a buffer that grows on demand instead of preallocated slots.
            let state = ChannelState<Element>(capacity: capacity)
            return (Sender(.queue(state)), Receiver(.queue(state)))
        }
        let ring = RingChannel<Element>(capacity: capacity)
        return (Sender(.ring(ring)), Receiver(.ring(ring)))
    }

    /// A channel without a buffer: each send waits until a receiver takes the message (a handoff).
    ///
    /// Memory: one queue entry per blocked operation.
    public static func rendezvous() -> (sender: Sender<Element>, receiver: Receiver<Element>) {
        let state = ChannelState<Element>(capacity: 0)
        return (Sender(.queue(state)), Receiver(.queue(state)))
    }

    /// A channel whose sends never block. Prefer ``bounded(_:)``: without back-pressure a fast
    /// producer grows the buffer without limit.
    ///
    /// Memory: every message sent and not yet received.
    public static func unbounded() -> (sender: Sender<Element>, receiver: Receiver<Element>) {
        let state = ChannelState<Element>(capacity: Int.max)
        return (Sender(.queue(state)), Receiver(.queue(state)))
    }
}
