import Synchronization

/// The handle of a thread spawned with ``ThreadScope/spawn(_:)``.
///
/// ``join()`` waits for the thread and returns its result or rethrows its error; a failure observed
/// through `join()` is not rethrown again by ``withThreadScope(_:)``. Joining twice returns the same
/// result. The handle is `Sendable`: another scoped thread may join it.
public final class ScopedThread<T: Sendable>: ScopedThreadCompletion, @unchecked Sendable {
    private let lock = PThreadMutex()
    private let done = PThreadCondition()
    private var result: Swift.Result<T, any Error>?
    private var failureOrder = 0
    private var observed = false

    init() {}

    /// Blocks until the thread has finished; returns what its closure returned.
    /// - Throws: what the closure threw, or ``ThreadScopeError`` if the thread never started.
    public func join() throws -> T {
        lock.lock()
        while result == nil { done.wait(lock) }
        observed = true
        let outcome = result
        lock.unlock()
        switch outcome {
        case .success(let value): return value
        case .failure(let error): throw error
        case nil: throw ThreadScopeError.scopeEnded  // unreachable: the loop above waits for a result
        }
    }

    /// Whether the thread has finished. Never blocks.
    public var isFinished: Bool { lock.withLock { result != nil } }

    func finish(_ outcome: Swift.Result<T, any Error>, scopeObserves: Bool) {
        let order = failureClock.wrappingAdd(1, ordering: .relaxed).newValue
        lock.lock()
        result = outcome
        failureOrder = order
        if !scopeObserves { observed = true }
        done.broadcast()
        lock.unlock()
    }

    func unobservedFailure() -> (order: Int, error: any Error)? {
        lock.withLock {
            guard !observed, case .failure(let error) = result else { return nil }
            return (failureOrder, error)
        }
    }
}

/// Type-erased view of a ``ScopedThread`` for its scope.
protocol ScopedThreadCompletion: AnyObject, Sendable {
    func unobservedFailure() -> (order: Int, error: any Error)?
}

/// Orders thread completions, so a scope can rethrow the failure that happened first.
private let failureClock = Atomic<Int>(0)
