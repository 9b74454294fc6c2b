#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A `pthread_mutex_t` on the heap.
///
/// ConcRuntime uses pthread mutexes and condition variables (and `Synchronization.Atomic`) rather than
/// `Synchronization.Mutex`: ThreadSanitizer intercepts the pthread calls, but not the
/// priority-inheritance futex behind `Mutex`'s contended path on Linux, so with these primitives a
/// TSan report always means a real race.
@usableFromInline
final class PThreadMutex: @unchecked Sendable {
    @usableFromInline let raw: UnsafeMutablePointer<pthread_mutex_t>

    @usableFromInline
    init() {
        raw = .allocate(capacity: 1)
        raw.initialize(to: pthread_mutex_t())
        var attributes = pthread_mutexattr_t()
        pthread_mutexattr_init(&attributes)
        #if os(Linux)
        // Adaptive mutexes spin briefly before sleeping: channel critical sections are a few
        // nanoseconds long, so sleeping on contention would cost far more than it saves.
        pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ADAPTIVE_NP))
        #endif
        pthread_mutex_init(raw, &attributes)
        pthread_mutexattr_destroy(&attributes)
    }

    deinit {
        pthread_mutex_destroy(raw)
        raw.deinitialize(count: 1)
        raw.deallocate()
    }

    @inlinable @inline(__always)
    func lock() {
        pthread_mutex_lock(raw)
    }

    @inlinable @inline(__always)
    func unlock() {
        pthread_mutex_unlock(raw)
    }

    @inline(__always)
    func withLock<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(raw)
        defer { pthread_mutex_unlock(raw) }
        return try body()
    }
}

/// A `pthread_cond_t` on the heap, waiting against `CLOCK_MONOTONIC` where the platform allows it.
final class PThreadCondition: @unchecked Sendable {
    let raw: UnsafeMutablePointer<pthread_cond_t>

    init() {
        raw = .allocate(capacity: 1)
        raw.initialize(to: pthread_cond_t())
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(raw, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        pthread_cond_destroy(raw)
        raw.deinitialize(count: 1)
        raw.deallocate()
    }

    /// Waits for a signal; `mutex` must be held. May wake spuriously.
    @inline(__always)
    func wait(_ mutex: PThreadMutex) {
        pthread_cond_wait(raw, mutex.raw)
    }

    /// Waits for a signal or the deadline; `mutex` must be held. Returns `false` when the deadline passed.
    func wait(_ mutex: PThreadMutex, until deadline: ContinuousClock.Instant) -> Bool {
        #if os(Linux)
        var time = monotonicTimespec(for: deadline)
        return pthread_cond_timedwait(raw, mutex.raw, &time) != ETIMEDOUT
        #else
        let remaining = max(.zero, deadline - ContinuousClock.now)
        let (seconds, attoseconds) = remaining.components
        var time = timespec(tv_sec: Int(min(seconds, Int64(Int32.max))), tv_nsec: Int(attoseconds / 1_000_000_000))
        return pthread_cond_timedwait_relative_np(raw, mutex.raw, &time) != ETIMEDOUT
        #endif
    }

    @inline(__always)
    func signal() {
        pthread_cond_signal(raw)
    }

    @inline(__always)
    func broadcast() {
        pthread_cond_broadcast(raw)
    }
}
