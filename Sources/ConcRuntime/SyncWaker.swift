import Synchronization

/// The waiters blocked on one side (senders or receivers) of a ``RingChannel``, after crossbeam's
/// `SyncWaker`: a pthread-mutex-guarded list plus an atomic "empty" flag, so that a send or receive
/// with nobody waiting pays one atomic load and never takes the lock. ``notify()`` wakes exactly one
/// waiter (no thundering herd); waking happens after the lock is released.
@usableFromInline
final class SyncWaker: @unchecked Sendable {
    private let lock = PThreadMutex()
    // Mutex-guarded state: the mutex provides exclusivity, so the dynamic check is skipped.
    @exclusivity(unchecked) private var entries: [(waiter: Waiter, operation: Int)] = []
    @usableFromInline let empty = Atomic<Bool>(true)

    /// Adds `waiter`, to be selected with `operation`.
    @usableFromInline
    func register(_ waiter: Waiter, operation: Int) {
        lock.lock()
        entries.append((waiter, operation))
        empty.store(false, ordering: .sequentiallyConsistent)
        lock.unlock()
    }

    /// Removes `waiter`'s entries.
    @usableFromInline
    func unregister(_ waiter: Waiter) {
        lock.lock()
        entries.removeAll { $0.waiter === waiter }
        empty.store(entries.isEmpty, ordering: .sequentiallyConsistent)
        lock.unlock()
    }

    /// Selects and wakes one waiting waiter, if any. Costs one atomic load when nobody waits.
    @inlinable @inline(__always)
    func notify() {
        if !empty.load(ordering: .sequentiallyConsistent) { notifySlow() }
    }

    @usableFromInline
    func notifySlow() {
        lock.lock()
        var woken: Waiter?
        var index = 0
        while index < entries.count {
            let entry = entries[index]
            if entry.waiter.trySelect(entry.operation) {
                entries.remove(at: index)
                woken = entry.waiter
                break
            }
            index += 1
        }
        empty.store(entries.isEmpty, ordering: .sequentiallyConsistent)
        lock.unlock()
        woken?.unpark()
    }

    /// Wakes every waiter with ``Waiter/disconnected``.
    func disconnect() {
        lock.lock()
        // Selected under the lock, like in `notifySlow`: once a waiter's owner has unregistered it,
        // nobody may select it any more (it is reused for the owner's next operation).
        let woken = entries.compactMap { $0.waiter.trySelect(Waiter.disconnected) ? $0.waiter : nil }
        entries.removeAll()
        empty.store(true, ordering: .sequentiallyConsistent)
        lock.unlock()
        for waiter in woken { waiter.unpark() }
    }
}
