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
/// resumed exactly once), so the async face never blocks a cooperative thread.
final class Waiter: @unchecked Sendable {
    static let waiting = 0
    static let aborted = 1
    static let disconnected = 2
    static let firstOperation = 3

    let state = Atomic<Int>(0)
    private let mutex = PThreadMutex()
    private let condition: PThreadCondition?
    // Async mode only, guarded by `mutex`.
    // Mutex-guarded state: the mutex provides exclusivity, so the dynamic check is skipped.
    @exclusivity(unchecked) private var continuation: UnsafeContinuation<Void, Never>?
    @exclusivity(unchecked) private var unparked = false

    /// A waiter that parks the calling thread.
    init() {
        condition = PThreadCondition()
    }

    /// A waiter that suspends a task; call ``suspend(_:)`` from `withUnsafeContinuation`.
    init(async: Void) {
        condition = nil
    }

    /// Claims this waiter for `selection`. Returns `false` if someone else claimed it first.
    @inline(__always)
    func trySelect(_ selection: Int) -> Bool {
        state.compareExchange(
            expected: Self.waiting, desired: selection, ordering: .acquiringAndReleasing
        ).exchanged
    }

    /// The current selection (acquiring, so the winner's writes are visible).
    @inline(__always)
    var selection: Int { state.load(ordering: .acquiring) }

    /// Wakes the parked thread or resumes the suspended task. Called by whoever won ``trySelect(_:)``.
    func unpark() {
        mutex.lock()
        if let condition {
            condition.signal()
            mutex.unlock()
        } else if let continuation {
            self.continuation = nil
            mutex.unlock()
            continuation.resume()
        } else {
            unparked = true
            mutex.unlock()
        }
    }

    /// Async mode: hands the continuation over; resumes at once if ``unpark()`` already ran.
    func suspend(_ continuation: UnsafeContinuation<Void, Never>) {
        mutex.lock()
        if unparked {
            mutex.unlock()
            continuation.resume()
        } else {
            self.continuation = continuation
            mutex.unlock()
        }
    }

    /// Thread mode: blocks until selected or until `deadline` (then selects ``aborted`` itself, unless
    /// someone selected it first). Returns the selection. Spins and yields briefly before sleeping.
    func wait(until deadline: ContinuousClock.Instant?) -> Int {
        var backoff = Backoff()
        while !backoff.isCompleted {
            let current = selection
            if current != Self.waiting { return current }
            if let deadline, ContinuousClock.now >= deadline { break }
            backoff.snooze()
        }
        guard let condition else { return selection }
        mutex.lock()
        while selection == Self.waiting {
            if let deadline {
                if !condition.wait(mutex, until: deadline), ContinuousClock.now >= deadline {
                    mutex.unlock()
                    if trySelect(Self.aborted) { return Self.aborted }
                    return selection
                }
            } else {
                condition.wait(mutex)
            }
        }
        mutex.unlock()
        return selection
    }
}

/// A box for the value moved by a rendezvous: a blocked sender's message, or the slot a blocked
/// receiver's message is written into. Written before the waiter is selected, read after.
final class Packet<Element>: @unchecked Sendable {
    var value: Element?
    init(_ value: Element? = nil) { self.value = value }
}
