/// A channel that delivers one message — the instant it became due — once `delay` has passed, and
/// then never again (a receive after that blocks until its timeout; `select` ignores it). Like Go's
/// `time.After` and crossbeam's `after`.
///
/// Uses no thread and no buffer: readiness is computed from the clock. Memory: constant.
public func after(_ delay: Duration) -> Receiver<ContinuousClock.Instant> {
    Receiver(.timer(TimerState(first: ContinuousClock.now.advanced(by: delay), period: nil) { $0 }))
}

/// A channel that delivers the due instant every `period`, first after one period. A tick nobody
/// receives in time is dropped (the next is due a period after the late one), like Go's
/// `time.Tick` and crossbeam's `tick`.
///
/// Uses no thread and no buffer. Memory: constant. A non-positive period is treated as 1 ns.
public func tick(every period: Duration) -> Receiver<ContinuousClock.Instant> {
    let period = max(period, .nanoseconds(1))
    return Receiver(.timer(TimerState(first: ContinuousClock.now.advanced(by: period), period: period) { $0 }))
}
