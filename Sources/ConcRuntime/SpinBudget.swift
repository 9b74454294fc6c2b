import Synchronization

/// The adaptive spin limit of one side (senders or receivers) of a ``RingChannel``: how many
/// ``Backoff`` steps a blocked operation spins before it starts yielding, 0...``Backoff/spinLimit``,
/// shared by that side's threads.
///
/// Spinning pays only while the counterpart runs on another core. On an oversubscribed machine the
/// scheduler may put producer and consumer on the same core; then every spin phase is wasted (the
/// counterpart cannot run until the spinner yields), and a buffer filled and drained in turn costs
/// two whole spin phases, ~3 µs each, per round, several times the cost of the messages. So a wait
/// that ended while still spinning raises the limit by one step, and one that had to yield or park
/// lowers it by one. Relaxed atomics: a lost update only delays the adaptation by one wait.
@usableFromInline
struct SpinBudget {
    @usableFromInline let limit: UnsafeMutablePointer<Atomic<Int>>

    /// A budget kept in `storage` (initialised here, to the full spin limit). The owner deinitialises
    /// and frees it.
    @usableFromInline
    init(storage: UnsafeMutablePointer<Atomic<Int>>) {
        storage.initialize(to: Atomic(Backoff.spinLimit))
        limit = storage
    }

    /// A back-off for the next wait, spinning as far as the budget allows.
    @inlinable
    func backoff() -> Backoff {
        Backoff(spinLimit: limit.pointee.load(ordering: .relaxed))
    }

    /// Adapts the budget to how the wait driven by `backoff` ended (nothing if it never waited).
    @inlinable
    func record(_ backoff: Backoff) {
        guard backoff.step > 0 else { return }
        let current = backoff.snoozeSpinLimit
        let next = backoff.hasOnlySpun ? min(current + 1, Backoff.spinLimit) : max(current - 1, 0)
        if next != current { limit.pointee.store(next, ordering: .relaxed) }
    }
}
