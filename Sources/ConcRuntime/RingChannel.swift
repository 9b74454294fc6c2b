import Synchronization

/// A bounded channel (capacity ≥ 1) as a lock-free ring of slots, after crossbeam's array flavor
/// (itself Dmitry Vyukov's bounded MPMC queue).
///
/// `head` and `tail` count positions as `lap | index`; each slot's `stamp` says whose turn it is: a
/// sender may write slot `i` when `stamp == tail`, a receiver may read it when `stamp == head + 1`.
/// Claiming a slot is one compare-and-swap; the message is published by a releasing store of the
/// stamp. The `mark` bit of `tail` records disconnection. Blocked threads park on a ``SyncWaker``,
/// which is touched only when someone is actually waiting; operations spin and yield before
/// parking, so a producer and consumer running on two cores rarely park at all. How long they spin
/// adapts to whether spinning pays (``SpinBudget``).
///
/// Memory: `capacity` slots, allocated once; one waiter per blocked thread (reused) or task.
///
/// The send and receive paths are `@inlinable` (state `@usableFromInline`) so that a client module
/// gets them specialised for its element type rather than running generic code through witness
/// tables, several times slower; parking and closing stay out of line.
@usableFromInline
final class RingChannel<Element: Sendable>: @unchecked Sendable {
    /// Above this, `Channel.bounded` uses a growable buffer instead of preallocating slots.
    static var largestCapacity: Int { 1 << 16 }

    /// Bytes between `head` and `tail`, and their alignment: x86's adjacent-line prefetcher pulls
    /// cache lines in pairs, so 128 bytes keep the two from sharing a line (as crossbeam's
    /// `CachePadded`).
    private static var positionStride: Int { 128 }

    @usableFromInline let capacity: Int
    @usableFromInline let oneLap: Int
    @usableFromInline let markBit: Int
    // `head` and `tail` live in their own 128-byte blocks, not in this object: the fields here are
    // read on every operation, so a CAS on a position must never invalidate their cache line. A
    // third block holds the spin budgets, written now and then by blocked operations.
    @usableFromInline let head: UnsafeMutablePointer<Atomic<Int>>
    @usableFromInline let tail: UnsafeMutablePointer<Atomic<Int>>
    @usableFromInline let sendSpin: SpinBudget
    @usableFromInline let receiveSpin: SpinBudget
    @usableFromInline let stamps: UnsafeMutablePointer<Atomic<Int>>
    @usableFromInline let values: UnsafeMutablePointer<Element>
    @usableFromInline let senders = SyncWaker()
    @usableFromInline let receivers = SyncWaker()

    init(capacity: Int) {
        let capacity = max(1, capacity)  // Channel.bounded routes 0 to rendezvous
        self.capacity = capacity
        var lap = 1
        while lap <= capacity { lap <<= 1 }
        markBit = lap
        oneLap = lap << 1
        let positions = UnsafeMutableRawPointer.allocate(
            byteCount: 3 * Self.positionStride, alignment: Self.positionStride)
        head = positions.bindMemory(to: Atomic<Int>.self, capacity: 1)
        head.initialize(to: Atomic(0))
        tail = (positions + Self.positionStride).bindMemory(to: Atomic<Int>.self, capacity: 1)
        tail.initialize(to: Atomic(0))
        let budgets = (positions + 2 * Self.positionStride).bindMemory(to: Atomic<Int>.self, capacity: 2)
        sendSpin = SpinBudget(storage: budgets)
        receiveSpin = SpinBudget(storage: budgets + 1)
        stamps = .allocate(capacity: capacity)
        for index in 0..<capacity { (stamps + index).initialize(to: Atomic(index)) }
        values = .allocate(capacity: capacity)
    }

    deinit {
        while case .value = tryReceive() {}
        stamps.deinitialize(count: capacity)
        stamps.deallocate()
        values.deallocate()
        sendSpin.limit.deinitialize(count: 1)
        receiveSpin.limit.deinitialize(count: 1)
        head.deinitialize(count: 1)
        tail.deinitialize(count: 1)
        UnsafeMutableRawPointer(head).deallocate()
    }

    // MARK: Slot protocol

    @usableFromInline
    enum Claim {
        case slot(index: Int, stamp: Int)
        case notReady
        case disconnected
    }

    @inlinable @inline(__always)
    func claimSend() -> Claim {
        var backoff = Backoff()
        var tail = self.tail.pointee.load(ordering: .relaxed)
        while true {
            if tail & markBit != 0 { return .disconnected }
            let index = tail & (markBit - 1)
            let lap = tail & ~(oneLap - 1)
            let stamp = stamps[index].load(ordering: .acquiring)
            if tail == stamp {
                let newTail = index + 1 < capacity ? tail + 1 : lap &+ oneLap
                let (exchanged, current) = self.tail.pointee.weakCompareExchange(
                    expected: tail, desired: newTail,
                    successOrdering: .sequentiallyConsistent, failureOrdering: .relaxed)
                if exchanged { return .slot(index: index, stamp: tail + 1) }
                tail = current
                backoff.spin()
            } else if stamp &+ oneLap == tail + 1 {
                let head = self.head.pointee.load(ordering: .sequentiallyConsistent)
                if head &+ oneLap == tail { return .notReady }
                backoff.spin()
                tail = self.tail.pointee.load(ordering: .relaxed)
            } else {
                backoff.snooze()
                tail = self.tail.pointee.load(ordering: .relaxed)
            }
        }
    }

    @inlinable @inline(__always)
    func claimReceive() -> Claim {
        var backoff = Backoff()
        var head = self.head.pointee.load(ordering: .relaxed)
        while true {
            let index = head & (markBit - 1)
            let lap = head & ~(oneLap - 1)
            let stamp = stamps[index].load(ordering: .acquiring)
            if head + 1 == stamp {
                let newHead = index + 1 < capacity ? head + 1 : lap &+ oneLap
                let (exchanged, current) = self.head.pointee.weakCompareExchange(
                    expected: head, desired: newHead,
                    successOrdering: .sequentiallyConsistent, failureOrdering: .relaxed)
                if exchanged { return .slot(index: index, stamp: head &+ oneLap) }
                head = current
                backoff.spin()
            } else if stamp == head {
                let tail = self.tail.pointee.load(ordering: .sequentiallyConsistent)
                if tail & ~markBit == head {
                    return tail & markBit != 0 ? .disconnected : .notReady
                }
                backoff.spin()
                head = self.head.pointee.load(ordering: .relaxed)
            } else {
                backoff.snooze()
                head = self.head.pointee.load(ordering: .relaxed)
            }
        }
    }

    @inlinable @inline(__always)
    func write(_ value: Element, index: Int, stamp: Int) {
        (values + index).initialize(to: value)
        stamps[index].store(stamp, ordering: .releasing)
        receivers.notify()
    }

    @inlinable @inline(__always)
    func read(index: Int, stamp: Int) -> Element {
        let value = (values + index).move()
        stamps[index].store(stamp, ordering: .releasing)
        senders.notify()
        return value
    }

    @inlinable
    var isFull: Bool {
        let tail = self.tail.pointee.load(ordering: .sequentiallyConsistent)
        let head = self.head.pointee.load(ordering: .sequentiallyConsistent)
        return head &+ oneLap == tail & ~markBit
    }

    @inlinable
    var isEmpty: Bool {
        let head = self.head.pointee.load(ordering: .sequentiallyConsistent)
        let tail = self.tail.pointee.load(ordering: .sequentiallyConsistent)
        return tail & ~markBit == head
    }

    @inlinable
    var isDisconnected: Bool { tail.pointee.load(ordering: .sequentiallyConsistent) & markBit != 0 }

    /// Messages buffered now (a snapshot).
    var count: Int {
        while true {
            let tail = self.tail.pointee.load(ordering: .sequentiallyConsistent)
            let head = self.head.pointee.load(ordering: .sequentiallyConsistent)
            if self.tail.pointee.load(ordering: .sequentiallyConsistent) != tail { continue }
            let headIndex = head & (markBit - 1)
            let tailIndex = tail & (markBit - 1)
            if headIndex < tailIndex { return tailIndex - headIndex }
            if headIndex > tailIndex { return capacity - headIndex + tailIndex }
            return tail & ~markBit == head ? 0 : capacity
        }
    }

    // MARK: Operations

    @inlinable
    func trySend(_ value: Element) -> SendAttempt {
        switch claimSend() {
        case .slot(let index, let stamp):
            write(value, index: index, stamp: stamp)
            return .sent
        case .notReady: return .full
        case .disconnected: return .disconnected
        }
    }

    @inlinable
    func tryReceive() -> ReceiveAttempt<Element> {
        switch claimReceive() {
        case .slot(let index, let stamp): return .value(read(index: index, stamp: stamp))
        case .notReady: return .empty
        case .disconnected: return .disconnected
        }
    }

    @inlinable
    func send(_ value: Element, deadline: Deadline?) -> SendOutcome {
        while true {
            var backoff = sendSpin.backoff()
            while true {
                switch trySend(value) {
                case .sent:
                    sendSpin.record(backoff)
                    return .sent
                case .disconnected: return .disconnected
                case .full: break
                }
                if backoff.isCompleted { break }
                backoff.snooze()
            }
            sendSpin.record(backoff)
            if let deadline, deadline.hasPassed { return .timeout }
            let waiter = ThreadWaiterCache.take()
            senders.register(waiter, operation: Waiter.firstOperation)
            if !isFull || isDisconnected { _ = waiter.trySelect(Waiter.aborted) }
            if waiter.wait(until: deadline) != Waiter.firstOperation { senders.unregister(waiter) }
            ThreadWaiterCache.recycle(waiter)
        }
    }

    @inlinable
    func receive(deadline: Deadline?) -> ReceiveOutcome<Element> {
        while true {
            var backoff = receiveSpin.backoff()
            while true {
                switch tryReceive() {
                case .value(let value):
                    receiveSpin.record(backoff)
                    return .value(value)
                case .disconnected: return .disconnected
                case .empty: break
                }
                if backoff.isCompleted { break }
                backoff.snooze()
            }
            receiveSpin.record(backoff)
            if let deadline, deadline.hasPassed { return .timeout }
            let waiter = ThreadWaiterCache.take()
            receivers.register(waiter, operation: Waiter.firstOperation)
            if !isEmpty || isDisconnected { _ = waiter.trySelect(Waiter.aborted) }
            if waiter.wait(until: deadline) != Waiter.firstOperation { receivers.unregister(waiter) }
            ThreadWaiterCache.recycle(waiter)
        }
    }

    /// Async send: `.timeout` means the task was cancelled.
    func sendAsync(_ value: Element) async -> SendOutcome {
        while true {
            switch trySend(value) {
            case .sent: return .sent
            case .disconnected: return .disconnected
            case .full: break
            }
            if Task.isCancelled { return .timeout }
            let waiter = Waiter(async: ())
            senders.register(waiter, operation: Waiter.firstOperation)
            if (!isFull || isDisconnected), waiter.trySelect(Waiter.aborted) { waiter.unpark() }
            await park(waiter)
            if waiter.selection != Waiter.firstOperation { senders.unregister(waiter) }
        }
    }

    /// Async receive: `.timeout` means the task was cancelled.
    func receiveAsync() async -> ReceiveOutcome<Element> {
        while true {
            switch tryReceive() {
            case .value(let value): return .value(value)
            case .disconnected: return .disconnected
            case .empty: break
            }
            if Task.isCancelled { return .timeout }
            let waiter = Waiter(async: ())
            receivers.register(waiter, operation: Waiter.firstOperation)
            if (!isEmpty || isDisconnected), waiter.trySelect(Waiter.aborted) { waiter.unpark() }
            await park(waiter)
            if waiter.selection != Waiter.firstOperation { receivers.unregister(waiter) }
        }
    }

    /// For `select`: registers `waiter` on the side that would block; `true` if the arm is ready now.
    func registerSend(_ waiter: Waiter, operation: Int) -> Bool {
        senders.register(waiter, operation: operation)
        return !isFull || isDisconnected
    }

    func registerReceive(_ waiter: Waiter, operation: Int) -> Bool {
        receivers.register(waiter, operation: operation)
        return !isEmpty || isDisconnected
    }

    // MARK: Closing

    /// Marks the channel disconnected and wakes everyone. Returns whether this call did it.
    @discardableResult
    func close() -> Bool {
        let old = tail.pointee.bitwiseOr(markBit, ordering: .sequentiallyConsistent).oldValue
        guard old & markBit == 0 else { return false }
        senders.disconnect()
        receivers.disconnect()
        return true
    }

    /// The last receiver is gone: disconnect and drop the buffered messages.
    func closeReceivingSide() {
        close()
        while case .value = tryReceive() {}
    }
}
