import Synchronization

/// One blocked operation (or one blocked `select`) parked on one or more wait queues, after
/// crossbeam's `Context`.
///
/// `state` starts at ``Waiter/waiting``; exactly one party moves it away with a compare-and-swap
/// (``trySelect(_:)``): a counterpart that completed or enabled an operation (an operation id
/// ≥ ``Waiter/firstOperation``), the channel being closed (``Waiter/disconnected``), or the waiter
/// itself on timeout or cancellation (``Waiter/aborted``). Whoever wins the swap calls ``unpark()``.
///
/// A waiter parks either a thread (pthread mutex + condition) or a task (an unsafe continuation,
/// resumed exactly once, handed over through an atomic), so the async face never blocks a
/// cooperative thread. A thread waiter spins before it sleeps and raises `sleeping` first, so the
/// common hand-off to a still-spinning thread costs the waker one atomic load, no mutex, no syscall.
/// Thread waiters are reused across operations (``ThreadWaiterCache``): the parties that may select
/// one do so only while holding the lock of a queue that still lists it, so once the owner has
/// unregistered it, at most a late, harmless ``unpark()`` can reach it.
@usableFromInline
final class Waiter: @unchecked Sendable {
    @inlinable static var waiting: Int { 0 }
    @inlinable static var aborted: Int { 1 }
    @inlinable static var disconnected: Int { 2 }
    @inlinable static var firstOperation: Int { 3 }

    @usableFromInline let state = Atomic<Int>(0)
    /// Thread mode: set (mutex held) just before the thread sleeps on `parking`, cleared after. An
    /// unparker that finds it clear knows the thread will still see its selection, and skips the
    /// signal.
    private let sleeping = Atomic<Bool>(false)
    /// Thread mode: the mutex and condition the thread sleeps on. `nil` in async mode.
    private let parking: (mutex: PThreadMutex, condition: PThreadCondition)?
    /// Async mode: hand-over of the continuation between ``suspend(_:)`` and ``unpark()``:
    /// 0 = nothing yet, 1 = continuation stored, 2 = unparked before the continuation arrived.
    private let handOver = Atomic<Int>(0)
    /// Written once before `handOver` goes 0 → 1 (releasing), read after it (acquiring).
    @exclusivity(unchecked) private var continuation: UnsafeContinuation<Void, Never>?

    /// A waiter that parks the calling thread.
    init() {
        parking = (PThreadMutex(), PThreadCondition())
    }

    /// A waiter that suspends a task; call ``suspend(_:)`` from `withUnsafeContinuation`.
    /// Allocates no lock: the continuation changes hands through one atomic.
    init(async: Void) {
        parking = nil
    }

    /// Claims this waiter for `selection`. Returns `false` if someone else claimed it first.
    /// Sequentially consistent: ``unpark()``'s read of `sleeping` must not move before it.
    @inlinable @inline(__always)
    func trySelect(_ selection: Int) -> Bool {
        state.compareExchange(
            expected: Self.waiting, desired: selection, ordering: .sequentiallyConsistent
        ).exchanged
    }

    /// The current selection (acquiring at least, so the winner's writes are visible).
    @inlinable @inline(__always)
    var selection: Int { state.load(ordering: .sequentiallyConsistent) }

    /// Makes a finished thread waiter ready for its next operation. Only its owner calls this, after
    /// every queue entry of it is gone.
    func reset() {
        state.store(Self.waiting, ordering: .sequentiallyConsistent)
    }

    /// Wakes the parked thread or resumes the suspended task. Called once, by whoever won
    /// ``trySelect(_:)``.
    @usableFromInline
    func unpark() {
        if let parking {
            // Dekker-style with `wait`: the selection was stored (sequentially consistent) before this
            // load, and the waiter raises `sleeping` before it re-reads the selection, so either it
            // sees the selection and does not sleep, or this sees it sleeping and signals. The mutex
            // makes the signal land after the waiter is inside `pthread_cond_wait`.
            guard sleeping.load(ordering: .sequentiallyConsistent) else { return }
            parking.mutex.lock()
            parking.condition.signal()
            parking.mutex.unlock()
            return
        }
        if handOver.exchange(2, ordering: .acquiringAndReleasing) == 1, let continuation {
            continuation.resume()
        }
    }

    /// Async mode: hands the continuation over; resumes at once if ``unpark()`` already ran.
    func suspend(_ continuation: UnsafeContinuation<Void, Never>) {
        self.continuation = continuation
        let (stored, _) = handOver.compareExchange(expected: 0, desired: 1, ordering: .acquiringAndReleasing)
        if !stored { continuation.resume() }
    }

    /// Thread mode: blocks until selected or until `deadline` (then selects ``aborted`` itself, unless
    /// someone selected it first). Returns the selection. Spins and yields briefly before sleeping.
    @usableFromInline
    func wait(until deadline: Deadline?) -> Int {
        var backoff = Backoff()
        while !backoff.isCompleted {
            let current = selection
            if current != Self.waiting { return current }
            if let deadline, deadline.hasPassed { break }
            backoff.snooze()
        }
        guard let (mutex, condition) = parking else { return selection }
        mutex.lock()
        sleeping.store(true, ordering: .sequentiallyConsistent)
        // Every wake-up (also a late `unpark` meant for an earlier operation of a reused waiter)
        // re-checks the selection.
        while selection == Self.waiting {
            if let deadline {
                if !condition.wait(mutex, until: deadline.instant), deadline.hasPassed {
                    sleeping.store(false, ordering: .sequentiallyConsistent)
                    mutex.unlock()
                    if trySelect(Self.aborted) { return Self.aborted }
                    return selection
                }
            } else {
                condition.wait(mutex)
            }
        }
        sleeping.store(false, ordering: .sequentiallyConsistent)
        mutex.unlock()
        return selection
    }
}

/// A box for the value moved by a rendezvous: a blocked sender's message, or the slot a blocked
/// receiver's message is written into. Written before the waiter is selected, read after.
@usableFromInline
final class Packet<Element>: @unchecked Sendable {
    // Ordered by the waiter's selection (written before it, read after), not by exclusivity checks.
    @exclusivity(unchecked) @usableFromInline var value: Element?
    @inlinable init(_ value: Element? = nil) { self.value = value }
}
