#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The state of a timer channel (``after(_:)``, ``tick(every:)``): no thread, no buffer — a message
/// is "ready" once the clock passes the next delivery instant, after crossbeam's `at` and `tick`
/// flavors. A tick that nobody receives in time is dropped, not queued.
@usableFromInline
final class TimerState<Element: Sendable>: @unchecked Sendable {
    private let lock = PThreadMutex()
    private var next: ContinuousClock.Instant?
    private let period: Duration?
    private let make: @Sendable (ContinuousClock.Instant) -> Element

    init(first: ContinuousClock.Instant, period: Duration?,
         make: @escaping @Sendable (ContinuousClock.Instant) -> Element) {
        self.next = first
        self.period = period
        self.make = make
    }

    /// The next delivery instant, or `nil` once a one-shot timer has delivered.
    var readyAt: ContinuousClock.Instant? { lock.withLock { next } }

    @usableFromInline
    func tryReceive() -> ReceiveAttempt<Element> {
        let now = ContinuousClock.now
        lock.lock()
        guard let due = next, now >= due else {
            lock.unlock()
            return .empty
        }
        if let period {
            next = max(now, due).advanced(by: period)
        } else {
            next = nil
        }
        lock.unlock()
        return .value(make(due))
    }

    @usableFromInline
    func receive(deadline: ContinuousClock.Instant?) -> ReceiveOutcome<Element> {
        while true {
            if case .value(let value) = tryReceive() { return .value(value) }
            let now = ContinuousClock.now
            if let deadline, now >= deadline { return .timeout }
            var wakeAt = readyAt ?? now.advanced(by: .seconds(3600))
            if let deadline { wakeAt = min(wakeAt, deadline) }
            sleepThread(until: wakeAt)
        }
    }

    func receiveAsync() async -> ReceiveOutcome<Element> {
        while true {
            if case .value(let value) = tryReceive() { return .value(value) }
            let wakeAt = readyAt ?? ContinuousClock.now.advanced(by: .seconds(3600))
            do {
                try await Task.sleep(until: wakeAt, clock: .continuous)
            } catch {
                return .timeout
            }
        }
    }
}

/// Blocks the calling thread until `deadline` (`nanosleep`, restarted on signals).
func sleepThread(until deadline: ContinuousClock.Instant) {
    while true {
        let remaining = deadline - ContinuousClock.now
        if remaining <= .zero { return }
        let (seconds, attoseconds) = remaining.components
        var request = timespec(tv_sec: .init(min(seconds, Int64(Int32.max))), tv_nsec: .init(attoseconds / 1_000_000_000))
        var left = timespec()
        _ = nanosleep(&request, &left)
    }
}
