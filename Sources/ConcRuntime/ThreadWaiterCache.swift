#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One reusable thread-mode ``Waiter`` per thread, after crossbeam's thread-local `Context`: a
/// blocking channel operation that has to park would otherwise allocate a waiter, a pthread mutex
/// and a condition each time, and free them again.
///
/// ``take()`` empties the thread's slot, so a nested blocking operation on the same thread (none is
/// known, but e.g. a deinit run while waiting could) just gets a fresh waiter. ``recycle(_:)`` may
/// only be given a waiter that no queue lists any more: its owner unregistered it, or the party
/// that selected it removed its entry.
@usableFromInline
enum ThreadWaiterCache {
    /// Takes this thread's cached waiter (reset to ``Waiter/waiting``), or makes a new one.
    @usableFromInline
    static func take() -> Waiter {
        guard let raw = pthread_getspecific(key) else { return Waiter() }
        pthread_setspecific(key, nil)
        let waiter = Unmanaged<Waiter>.fromOpaque(raw).takeRetainedValue()
        waiter.reset()
        return waiter
    }

    /// Keeps `waiter` for this thread's next blocking operation (if the slot is free).
    @usableFromInline
    static func recycle(_ waiter: Waiter) {
        guard pthread_getspecific(key) == nil else { return }
        pthread_setspecific(key, Unmanaged.passRetained(waiter).toOpaque())
    }

    /// The thread-specific slot; its destructor releases the waiter when the thread exits.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        let status = pthread_key_create(&key) { Unmanaged<Waiter>.fromOpaque($0).release() }
        #else
        let status = pthread_key_create(&key) { raw in
            if let raw { Unmanaged<Waiter>.fromOpaque(raw).release() }
        }
        #endif
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()
}
