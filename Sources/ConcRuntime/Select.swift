import Synchronization

/// Waits until one of `cases` is ready, performs it and returns its arm's result, like Go's `select`
/// and crossbeam's `select!`. When several arms are ready, one is chosen uniformly at random.
///
/// Blocks on: any arm becoming ready (spinning briefly, then parking the thread). With no arms it
/// blocks forever, as Go does. It blocks a thread, so call it from threads (``withThreadScope(_:)``),
/// not from async code. Memory: one queue entry per arm while parked.
public func select<Result>(_ cases: SelectCase<Result>...) -> Result {
    if let result = runSelect(cases, deadline: nil, nonBlocking: false) { return result }
    selectForever()
}

/// ``select(_:)`` over an array of arms (for a number of arms known only at run time).
public func select<Result>(_ cases: [SelectCase<Result>]) -> Result {
    if let result = runSelect(cases, deadline: nil, nonBlocking: false) { return result }
    selectForever()
}

/// ``select(_:)`` that gives up after `timeout` and returns `onTimeout()` instead.
public func select<Result>(
    _ cases: SelectCase<Result>..., timeout: Duration, onTimeout: () -> Result
) -> Result {
    runSelect(cases, deadline: ContinuousClock.now.advanced(by: timeout), nonBlocking: false) ?? onTimeout()
}

/// ``select(_:)`` that gives up at `deadline` and returns `onTimeout()` instead. A deadline in the
/// past makes one non-blocking pass.
public func select<Result>(
    _ cases: SelectCase<Result>..., deadline: ContinuousClock.Instant, onTimeout: () -> Result
) -> Result {
    runSelect(cases, deadline: deadline, nonBlocking: false) ?? onTimeout()
}

/// ``select(_:)`` with a default arm: never blocks; returns `default()` if no arm is ready now.
public func select<Result>(_ cases: SelectCase<Result>..., default: () -> Result) -> Result {
    runSelect(cases, deadline: nil, nonBlocking: true) ?? `default`()
}

private func selectForever() -> Never {
    while true { sleepThread(until: ContinuousClock.now.advanced(by: .seconds(3600))) }
}

/// The select loop (crossbeam's `run_select`): try every arm in random order; back off; then queue
/// one waiter on every arm, re-checking readiness after each registration, and park until an arm
/// selects it, a timer arm falls due, or the deadline passes. A handoff arm that selected us is
/// complete; an arm that woke us is tried first; any other wake-up retries all arms.
func runSelect<Result>(
    _ cases: [SelectCase<Result>], deadline: ContinuousClock.Instant?, nonBlocking: Bool
) -> Result? {
    var order = Array(cases.indices)
    var backoff = Backoff()
    while true {
        shuffle(&order)
        for index in order {
            if let result = cases[index].attempt() { return result }
        }
        if nonBlocking { return nil }
        if let deadline, ContinuousClock.now >= deadline { return nil }
        if !backoff.isCompleted {
            backoff.snooze()
            continue
        }
        let waiter = Waiter()
        var registered = 0
        for index in order {
            registered += 1
            if cases[index].register(waiter, Waiter.firstOperation + index) {
                _ = waiter.trySelect(Waiter.aborted)
                break
            }
        }
        var wakeAt = deadline
        for arm in cases {
            if let due = arm.readyAt() { wakeAt = min(wakeAt ?? due, due) }
        }
        let selection = waiter.wait(until: wakeAt.map(Deadline.init))
        for index in order.prefix(registered) { cases[index].unregister(waiter) }
        let chosen = selection - Waiter.firstOperation
        if chosen >= 0, chosen < cases.count {
            // A handoff arm is already complete. Any other arm was woken because it became ready:
            // try it first, so the wake-up is not lost on another arm (crossbeam's `accept`).
            if let result = cases[chosen].completed() ?? cases[chosen].attempt() { return result }
        }
        backoff.reset()
    }
}

private let selectSeed = Atomic<UInt64>(0x9E37_79B9_7F4A_7C15)

/// Fisher–Yates shuffle driven by a splitmix64 stream (fairness only; not cryptographic).
private func shuffle(_ order: inout [Int]) {
    guard order.count > 1 else { return }
    var state = selectSeed.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
    for index in stride(from: order.count - 1, to: 0, by: -1) {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        mixed ^= mixed >> 31
        let other = Int(mixed % UInt64(index + 1))
        order.swapAt(index, other)
    }
}
