/// Runs `body` with a ``ThreadScope`` for spawning threads, and returns only after every thread
/// spawned in it has finished — the structured replacement for detached threads and `WaitGroup`s,
/// after Rust's `std::thread::scope`.
///
/// ```swift
/// let results = try withThreadScope { scope in
///     let a = scope.spawn { try load("a") }
///     let b = scope.spawn { try load("b") }
///     return try [a.join(), b.join()]
/// }
/// ```
///
/// Blocks on: every spawned thread (including threads spawned by spawned threads).
/// - Throws: if `body` throws, that error; otherwise the first error (in time) thrown by a spawned
///   thread whose handle was never joined. Either way only after all threads have finished.
///   A thread the system refuses to start reports ``ThreadScopeError/spawnFailed(code:)``.
/// Memory: one OS thread (default stack) per live spawned thread.
@discardableResult
public func withThreadScope<R>(_ body: (ThreadScope) throws -> R) throws -> R {
    let scope = ThreadScope()
    let result: Swift.Result<R, any Error>
    do {
        result = .success(try body(scope))
    } catch {
        result = .failure(error)
    }
    let unjoinedFailure = scope.joinAll()
    let value = try result.get()
    if let unjoinedFailure { throw unjoinedFailure }
    return value
}

/// Errors raised by ``withThreadScope(_:)`` itself.
public enum ThreadScopeError: Error, Equatable, Sendable {
    /// `pthread_create` failed with this error code (e.g. `EAGAIN`: the thread limit is reached).
    case spawnFailed(code: Int32)
    /// ``ThreadScope/spawn(_:)`` was called after its scope had ended; nothing ran.
    case scopeEnded
}

/// The spawning handle of ``withThreadScope(_:)``. It may be captured by spawned closures (to spawn
/// more threads into the same scope); spawning after the scope has returned runs nothing.
public final class ThreadScope: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var pending: [(OSThread?, ScopedThreadCompletion)] = []
    private var ended = false

    init() {}

    /// Starts `work` on a new OS thread, joined before the scope returns.
    ///
    /// Never blocks. Returns a handle whose ``ScopedThread/join()`` gives `work`'s result.
    @discardableResult
    public func spawn<T: Sendable>(_ work: @escaping @Sendable () throws -> T) -> ScopedThread<T> {
        let handle = ScopedThread<T>()
        lock.lock()
        defer { lock.unlock() }
        if ended {
            handle.finish(.failure(ThreadScopeError.scopeEnded), scopeObserves: false)
            return handle
        }
        var code: Int32 = 0
        let thread = OSThread.start(errorCode: &code) {
            do {
                handle.finish(.success(try work()), scopeObserves: true)
            } catch {
                handle.finish(.failure(error), scopeObserves: true)
            }
        }
        if thread == nil {
            handle.finish(.failure(ThreadScopeError.spawnFailed(code: code)), scopeObserves: true)
        }
        pending.append((thread, handle))
        return handle
    }

    /// Joins every thread (also those spawned while joining); returns the first unobserved failure.
    func joinAll() -> (any Error)? {
        var first: (order: Int, error: any Error)?
        while true {
            lock.lock()
            if pending.isEmpty {
                ended = true
                lock.unlock()
                break
            }
            let batch = pending
            pending.removeAll()
            lock.unlock()
            for (thread, completion) in batch {
                thread?.join()
                if let failure = completion.unobservedFailure(), failure.order < (first?.order ?? .max) {
                    first = failure
                }
            }
        }
        return first?.error
    }
}
