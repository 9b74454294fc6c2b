/// A queued waiter of one channel: the waiter, the operation id it is selected with, and its packet.
@usableFromInline
struct WaitEntry<Element> {
    @usableFromInline let waiter: Waiter
    @usableFromInline let operation: Int
    @usableFromInline let packet: Packet<Element>

    @inlinable
    init(waiter: Waiter, operation: Int, packet: Packet<Element>) {
        self.waiter = waiter
        self.operation = operation
        self.packet = packet
    }
}

/// The outcome of a non-blocking send attempt.
@usableFromInline
enum SendAttempt: Equatable {
    case sent, full, disconnected
}

/// The outcome of a non-blocking receive attempt.
@usableFromInline
enum ReceiveAttempt<Element> {
    case value(Element)
    case empty
    case disconnected
}

/// The shared state of a rendezvous or unbounded channel (and the slow path of no other): a buffer,
/// FIFO queues of blocked senders and receivers, and the closed flags, all under one pthread mutex.
///
/// The algorithm is Go's `hchan`: a send hands its message straight to a waiting receiver, else
/// buffers it if there is room, else queues; a receive takes from the buffer (refilling it from a
/// waiting sender), else takes straight from a waiting sender, else queues. A handoff completes the
/// counterpart's operation before it wakes, which is what lets `select` mix send and receive cases.
/// Waiters are woken after the mutex is released.
///
/// Memory: the buffer holds at most `capacity` messages (unbounded: as many as are sent and not yet
/// received); each blocked operation adds one queue entry.
///
/// The blocking and non-blocking send and receive are `@inlinable`, as in ``RingChannel``, so that
/// client modules specialise them; registration for `select`, the async face and closing are not.
@usableFromInline
final class ChannelState<Element: Sendable>: @unchecked Sendable {
    @usableFromInline let capacity: Int
    @usableFromInline let lock = PThreadMutex()
    // Mutex-guarded state: the mutex provides exclusivity, so the dynamic check is skipped.
    @exclusivity(unchecked) @usableFromInline var buffer = Deque<Element>()
    @exclusivity(unchecked) @usableFromInline var senders = Deque<WaitEntry<Element>>()
    @exclusivity(unchecked) @usableFromInline var receivers = Deque<WaitEntry<Element>>()
    @exclusivity(unchecked) @usableFromInline var closed = false
    @exclusivity(unchecked) @usableFromInline var receiversGone = false

    init(capacity: Int) {
        self.capacity = capacity
    }

    // MARK: Sending

    /// Lock held. Hands `value` to a waiting receiver or buffers it. Returns the waiter to unpark.
    @inlinable
    func sendLocked(_ value: Element) -> (SendAttempt, Waiter?) {
        if closed || receiversGone { return (.disconnected, nil) }
        while let entry = receivers.popFirst() {
            entry.packet.value = value
            if entry.waiter.trySelect(entry.operation) { return (.sent, entry.waiter) }
            entry.packet.value = nil  // stale entry: that waiter was selected elsewhere
        }
        if buffer.count < capacity {
            buffer.append(value)
            return (.sent, nil)
        }
        return (.full, nil)
    }

    /// Never blocks (beyond the channel mutex).
    @inlinable
    func trySend(_ value: Element) -> SendAttempt {
        lock.lock()
        let (attempt, wake) = sendLocked(value)
        lock.unlock()
        wake?.unpark()
        return attempt
    }

    /// Queues `waiter` as a sender of `value` unless the send can proceed now (`true`: not queued).
    func registerSend(_ waiter: Waiter, operation: Int, packet: Packet<Element>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if closed || receiversGone || buffer.count < capacity { return true }
        if receivers.contains(where: { $0.waiter !== waiter && $0.waiter.selection == Waiter.waiting }) {
            return true
        }
        senders.append(WaitEntry(waiter: waiter, operation: operation, packet: packet))
        return false
    }

    /// Blocks until the message is buffered or handed over, the deadline passes, or the channel closes.
    @inlinable
    func send(_ value: Element, deadline: Deadline?) -> SendOutcome {
        var backoff = Backoff()
        while true {
            // A rendezvous without a deadline skips this attempt: the locked one below makes it and
            // queues in the same critical section, one lock round trip per hand-off.
            if capacity > 0 || deadline != nil {
                switch trySend(value) {
                case .sent: return .sent
                case .disconnected: return .disconnected
                case .full: break
                }
                if let deadline, deadline.hasPassed { return .timeout }
                // With a buffer, spin on it before queueing. A rendezvous needs one side queued for
                // the other to find, so it queues at once and spins in `Waiter.wait` instead.
                if capacity > 0, !backoff.isCompleted {
                    backoff.snooze()
                    continue
                }
            }
            lock.lock()
            let (attempt, wake) = sendLocked(value)
            // Waiter and packet are taken only when queueing (the waiter from a thread-local slot,
            // cheap enough under the lock): a hand-off to a waiting receiver needs neither.
            let waiter = attempt == .full ? ThreadWaiterCache.take() : nil
            if let waiter {
                senders.append(WaitEntry(waiter: waiter, operation: Waiter.firstOperation, packet: Packet(value)))
            }
            lock.unlock()
            wake?.unpark()
            guard let waiter else { return attempt == .sent ? .sent : .disconnected }
            // Every path out of this iteration leaves no queue entry of `waiter` behind.
            defer { ThreadWaiterCache.recycle(waiter) }
            let selection = waiter.wait(until: deadline)
            if selection == Waiter.firstOperation { return .sent }
            unregister(waiter)
            backoff.reset()
        }
    }

    /// Async mode of ``send(_:deadline:)``: suspends instead of blocking. `.timeout` means cancelled.
    func sendAsync(_ value: Element) async -> SendOutcome {
        while true {
            switch trySend(value) {
            case .sent: return .sent
            case .disconnected: return .disconnected
            case .full: break
            }
            if Task.isCancelled { return .timeout }
            let waiter = Waiter(async: ())
            let packet = Packet(value)
            lock.lock()
            let (attempt, wake) = sendLocked(value)
            if attempt == .full {
                senders.append(WaitEntry(waiter: waiter, operation: Waiter.firstOperation, packet: packet))
            }
            lock.unlock()
            wake?.unpark()
            switch attempt {
            case .sent: return .sent
            case .disconnected: return .disconnected
            case .full: break
            }
            await park(waiter)
            if waiter.selection == Waiter.firstOperation { return .sent }
            unregister(waiter)
        }
    }

    // MARK: Receiving

    /// Lock held. Takes a message from the buffer or a waiting sender. Returns the waiter to unpark.
    @inlinable
    func receiveLocked() -> (ReceiveAttempt<Element>, Waiter?) {
        if let value = buffer.popFirst() {
            while let entry = senders.popFirst() {
                if entry.waiter.trySelect(entry.operation) {
                    if let moved = entry.packet.value { buffer.append(moved) }
                    return (.value(value), entry.waiter)
                }
            }
            return (.value(value), nil)
        }
        while let entry = senders.popFirst() {
            if entry.waiter.trySelect(entry.operation) {
                if let moved = entry.packet.value { return (.value(moved), entry.waiter) }
                return (.empty, entry.waiter)
            }
        }
        if closed || receiversGone { return (.disconnected, nil) }
        return (.empty, nil)
    }

    /// Never blocks (beyond the channel mutex).
    @inlinable
    func tryReceive() -> ReceiveAttempt<Element> {
        lock.lock()
        let (attempt, wake) = receiveLocked()
        lock.unlock()
        wake?.unpark()
        return attempt
    }

    /// Queues `waiter` as a receiver into `packet` unless a receive can proceed now (`true`: not queued).
    func registerReceive(_ waiter: Waiter, operation: Int, packet: Packet<Element>) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if closed || receiversGone || !buffer.isEmpty { return true }
        if senders.contains(where: { $0.waiter !== waiter && $0.waiter.selection == Waiter.waiting }) {
            return true
        }
        receivers.append(WaitEntry(waiter: waiter, operation: operation, packet: packet))
        return false
    }

    /// Blocks until a message arrives, the deadline passes, or the channel is closed and drained.
    @inlinable
    func receive(deadline: Deadline?) -> ReceiveOutcome<Element> {
        var backoff = Backoff()
        while true {
            // As in `send`: a rendezvous without a deadline goes straight to the locked attempt.
            if capacity > 0 || deadline != nil {
                switch tryReceive() {
                case .value(let value): return .value(value)
                case .disconnected: return .disconnected
                case .empty: break
                }
                if let deadline, deadline.hasPassed { return .timeout }
                // With a buffer, spin on it before queueing. A rendezvous needs one side queued for
                // the other to find, so it queues at once and spins in `Waiter.wait` instead.
                if capacity > 0, !backoff.isCompleted {
                    backoff.snooze()
                    continue
                }
            }
            lock.lock()
            let (attempt, wake) = receiveLocked()
            // As in `send`: waiter and packet only when queueing.
            var queued: WaitEntry<Element>?
            if case .empty = attempt {
                let entry = WaitEntry(
                    waiter: ThreadWaiterCache.take(), operation: Waiter.firstOperation, packet: Packet<Element>())
                receivers.append(entry)
                queued = entry
            }
            lock.unlock()
            wake?.unpark()
            switch attempt {
            case .value(let value): return .value(value)
            case .disconnected: return .disconnected
            case .empty: break
            }
            // `.empty` always queued an entry; the fallback is unreachable.
            guard let (waiter, packet) = queued.map({ ($0.waiter, $0.packet) }) else { return .disconnected }
            // Every path out of this iteration leaves no queue entry of `waiter` behind.
            defer { ThreadWaiterCache.recycle(waiter) }
            let selection = waiter.wait(until: deadline)
            if selection == Waiter.firstOperation, let value = packet.value { return .value(value) }
            unregister(waiter)
            backoff.reset()
        }
    }

    /// Async mode of ``receive(deadline:)``. `.timeout` means the task was cancelled.
    func receiveAsync() async -> ReceiveOutcome<Element> {
        while true {
            switch tryReceive() {
            case .value(let value): return .value(value)
            case .disconnected: return .disconnected
            case .empty: break
            }
            if Task.isCancelled { return .timeout }
            let waiter = Waiter(async: ())
            let packet = Packet<Element>()
            lock.lock()
            let (attempt, wake) = receiveLocked()
            if case .empty = attempt {
                receivers.append(WaitEntry(waiter: waiter, operation: Waiter.firstOperation, packet: packet))
            }
            lock.unlock()
            wake?.unpark()
            switch attempt {
            case .value(let value): return .value(value)
            case .disconnected: return .disconnected
            case .empty: break
            }
            await park(waiter)
            if waiter.selection == Waiter.firstOperation, let value = packet.value { return .value(value) }
            unregister(waiter)
        }
    }

    // MARK: Closing

    /// Removes every queue entry of `waiter`.
    @usableFromInline
    func unregister(_ waiter: Waiter) {
        lock.lock()
        senders.removeAll { $0.waiter === waiter }
        receivers.removeAll { $0.waiter === waiter }
        lock.unlock()
    }

    /// Closes the sending side: later sends fail, receivers drain the buffer and then see
    /// disconnection; every blocked sender and receiver wakes.
    func close() {
        lock.lock()
        closed = true
        let woken = drainWaiters()
        lock.unlock()
        for waiter in woken { waiter.unpark() }
    }

    /// The last receiver is gone: buffered messages are dropped and every sender fails from now on.
    func closeReceivingSide() {
        lock.lock()
        receiversGone = true
        let dropped = buffer
        buffer.removeAll()
        let woken = drainWaiters()
        lock.unlock()
        _ = dropped  // released outside the lock: a message's deinit may touch this channel
        for waiter in woken { waiter.unpark() }
    }

    /// Lock held. Empties both queues, selecting each waiter with ``Waiter/disconnected``; returns
    /// those to unpark. Selecting under the lock means that once a waiter's owner has unregistered
    /// it, nobody selects it any more (thread waiters are reused for the owner's next operation).
    private func drainWaiters() -> [Waiter] {
        var woken: [Waiter] = []
        while let entry = senders.popFirst() {
            if entry.waiter.trySelect(Waiter.disconnected) { woken.append(entry.waiter) }
        }
        while let entry = receivers.popFirst() {
            if entry.waiter.trySelect(Waiter.disconnected) { woken.append(entry.waiter) }
        }
        return woken
    }

    var isClosed: Bool { lock.withLock { closed || receiversGone } }

    /// Messages buffered now.
    var count: Int { lock.withLock { buffer.count } }
}

/// Suspends the current task on `waiter` until it is selected; a task cancellation selects it as
/// aborted. Never blocks a thread.
func park(_ waiter: Waiter) async {
    await withTaskCancellationHandler {
        await withUnsafeContinuation { continuation in
            waiter.suspend(continuation)
        }
    } onCancel: {
        if waiter.trySelect(Waiter.aborted) { waiter.unpark() }
    }
}

/// The outcome of a blocking send.
@usableFromInline
enum SendOutcome {
    case sent, timeout, disconnected
}

/// The outcome of a blocking receive.
@usableFromInline
enum ReceiveOutcome<Element> {
    case value(Element)
    case timeout
    case disconnected
}
