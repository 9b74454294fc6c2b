// SwiftPM always provides the shim; `conclint fixtures run` compiles these sources alone with one
// swiftc call, and there spinning merely loses the pause.
#if canImport(CConcRuntimeShims)
import CConcRuntimeShims
#endif

/// Exponential back-off for spin-then-park loops, after crossbeam's `Backoff`.
///
/// `spin()` busy-waits 2^step iterations (step ≤ 6); `snooze()` spins while the step is small and then
/// yields the time slice; `isCompleted` says the caller should stop spinning and park.
///
/// `@usableFromInline` / `@inlinable` (like the rest of the channel hot path) so that client modules
/// specialise and inline it instead of calling generic code through witness tables.
@usableFromInline
struct Backoff {
    @usableFromInline var step = 0
    @inlinable static var spinLimit: Int { 6 }
    @inlinable static var yieldLimit: Int { 10 }

    @inlinable init() {}

    @inlinable @inline(__always)
    mutating func spin() {
        let count = 1 << min(step, Self.spinLimit)
        for _ in 0..<count { spinLoopHint() }
        if step <= Self.spinLimit { step += 1 }
    }

    @inlinable @inline(__always)
    mutating func snooze() {
        if step <= Self.spinLimit {
            for _ in 0..<(1 << step) { spinLoopHint() }
        } else {
            yieldThread()
        }
        if step <= Self.yieldLimit { step += 1 }
    }

    @inlinable var isCompleted: Bool { step > Self.yieldLimit }

    @inlinable mutating func reset() { step = 0 }
}

/// The CPU's spin-wait instruction (x86 PAUSE, ARM YIELD): a spin loop waits longer per iteration
/// without touching shared memory, and a spinning core gives way to its hyper-thread sibling.
@inlinable @inline(__always)
func spinLoopHint() {
    #if canImport(CConcRuntimeShims)
    cconcruntime_spin_loop_hint()
    #endif
}
