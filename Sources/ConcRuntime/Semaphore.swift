/// A counting semaphore: at most `permits` holders at a time — Go's buffered-channel-as-semaphore
/// and Swift's `DispatchSemaphore`, with scoped use (`withPermit`) and an async face.
///
/// Waiters are served first come, first served; ``release()`` hands its permit straight to the
/// oldest waiter. Memory: one queue entry per blocked acquirer.
public final class Semaphore: @unchecked Sendable {
    private let lock = PThreadMutex()
    // Mutex-guarded state: the mutex provides exclusivity, so the dynamic check is skipped.
    @exclusivity(unchecked) private var available: Int
    @exclusivity(unchecked) private var waiters = Deque<Waiter>()

    /// A semaphore with `permits` permits available (negative counts as 0).
    public init(permits: Int) {
        available = max(0, permits)
    }

    /// Permits available right now (a snapshot).
    public var availablePermits: Int { lock.withLock { available } }

    /// Takes a permit if one is available now. Never blocks.
    public func tryAcquire() -> Bool {
        lock.withLock {
            guard available > 0, waiters.isEmpty else { return false }
            available -= 1
            return true
        }
    }

    /// Takes a permit, blocking the thread until one is released.
    public func acquire() {
        _ = acquire(until: nil)
    }

    /// Takes a permit, blocking at most `timeout`. Returns `false` (holding nothing) on timeout.
    public func acquire(timeout: Duration) -> Bool {
        acquire(until: ContinuousClock.now.advanced(by: timeout))
    }

    /// Takes a permit, blocking until `deadline` at the latest. Returns `false` on timeout.
    public func acquire(deadline: ContinuousClock.Instant) -> Bool {
        acquire(until: deadline)
    }

    private func acquire(until deadline: ContinuousClock.Instant?) -> Bool {
        if tryAcquire() { return true }
        if let deadline, ContinuousClock.now >= deadline { return false }
        let waiter = Waiter()
        if enqueue(waiter) { return true }
        if waiter.wait(until: deadline.map(Deadline.init)) == Waiter.firstOperation { return true }
        lock.withLock { waiters.removeAll { $0 === waiter } }
        return false
    }

    /// Takes a permit, suspending the task (never blocking its thread) until one is released.
    /// - Throws: `CancellationError` if the task is cancelled while waiting (holding nothing).
    public func acquire() async throws(CancellationError) {
        if tryAcquire() { return }
        if Task.isCancelled { throw CancellationError() }
        let waiter = Waiter(async: ())
        if enqueue(waiter) { return }
        await park(waiter)
        if waiter.selection == Waiter.firstOperation { return }
        lock.withLock { waiters.removeAll { $0 === waiter } }
        throw CancellationError()
    }

    /// Queues `waiter`, or takes a permit at once (`true`) if one appeared meanwhile.
    private func enqueue(_ waiter: Waiter) -> Bool {
        lock.withLock {
            if available > 0, waiters.isEmpty {
                available -= 1
                return true
            }
            waiters.append(waiter)
            return false
        }
    }

    /// Returns a permit: to the oldest waiter if any, else to the pool. Never blocks (beyond the
    /// semaphore's mutex). Releasing more than was acquired raises the count, as with
    /// `DispatchSemaphore`.
    public func release() {
        lock.lock()
        while let waiter = waiters.popFirst() {
            if waiter.trySelect(Waiter.firstOperation) {
                lock.unlock()
                waiter.unpark()
                return
            }
        }
        available += 1
        lock.unlock()
    }

    /// Runs `body` holding a permit, released when `body` returns or throws.
    /// Blocks on: a permit. Throws: whatever `body` throws.
    public func withPermit<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        acquire()
        defer { release() }
        return try body()
    }

    /// Runs `body` holding a permit taken with the async `acquire()`.
    /// - Throws: `CancellationError` if cancelled while waiting for the permit, else what `body` throws.
    public func withPermit<R>(_ body: () async throws -> R) async throws -> R {
        try await acquire()
        defer { release() }
        return try await body()
    }
}
