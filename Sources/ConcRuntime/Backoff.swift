import CConcRuntimeShims

/// Exponential back-off for spin-then-park loops, after crossbeam's `Backoff`.
///
/// `spin()` busy-waits 2^step iterations (step ≤ 6); `snooze()` spins while the step is small and then
/// yields the time slice; `isCompleted` says the caller should stop spinning and park.
struct Backoff {
    private var step = 0
    static let spinLimit = 6
    static let yieldLimit = 10

    @inline(__always)
    mutating func spin() {
        let count = 1 << min(step, Self.spinLimit)
        for _ in 0..<count { spinLoopHint() }
        if step <= Self.spinLimit { step += 1 }
    }

    @inline(__always)
    mutating func snooze() {
        if step <= Self.spinLimit {
            for _ in 0..<(1 << step) { spinLoopHint() }
        } else {
            yieldThread()
        }
        if step <= Self.yieldLimit { step += 1 }
    }

    var isCompleted: Bool { step > Self.yieldLimit }

    mutating func reset() { step = 0 }
}

/// The CPU's spin-wait instruction (x86 PAUSE, ARM YIELD): a spin loop waits longer per iteration
/// without touching shared memory, and a spinning core gives way to its hyper-thread sibling.
@inline(__always)
func spinLoopHint() {
    cconcruntime_spin_loop_hint()
}
