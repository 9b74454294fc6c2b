// SwiftPM always provides the shim; `conclint fixtures run` compiles these sources alone with one
// swiftc call, and there spinning merely loses the pause.
#if canImport(CConcRuntimeShims)
import CConcRuntimeShims
#endif

/// Exponential back-off for spin-then-park loops, after crossbeam's `Backoff`.
///
/// `spin()` busy-waits 2^step iterations (step ≤ 6); `snooze()` spins while the step is at most the
/// spin limit (6, or a ``SpinBudget``'s smaller one) and then yields the time slice, four times;
/// `isCompleted` says the caller should stop spinning and park.
///
/// `@usableFromInline` / `@inlinable` (like the rest of the channel hot path) so that client modules
/// specialise and inline it instead of calling generic code through witness tables.
@usableFromInline
struct Backoff {
    @usableFromInline var step = 0
    /// The last step of `snooze()` that spins; later steps yield.
    @usableFromInline let snoozeSpinLimit: Int
    @inlinable static var spinLimit: Int { 6 }
    /// How many times `snooze()` yields before `isCompleted`.
    @inlinable static var yields: Int { 4 }

    @inlinable init() { snoozeSpinLimit = Self.spinLimit }

    /// A back-off whose `snooze()` spins only up to step `spinLimit` (0...``spinLimit``).
    @inlinable init(spinLimit: Int) { snoozeSpinLimit = spinLimit }

    @inlinable @inline(__always)
    mutating func spin() {
        let count = 1 << min(step, Self.spinLimit)
        for _ in 0..<count { spinLoopHint() }
        if step <= Self.spinLimit { step += 1 }
    }

    @inlinable @inline(__always)
    mutating func snooze() {
        if step <= snoozeSpinLimit {
            for _ in 0..<(1 << step) { spinLoopHint() }
        } else {
            yieldThread()
        }
        if step <= snoozeSpinLimit + Self.yields { step += 1 }
    }

    @inlinable var isCompleted: Bool { step > snoozeSpinLimit + Self.yields }

    /// Whether `snooze()` has only spun so far, never yielded.
    @inlinable var hasOnlySpun: Bool { step <= snoozeSpinLimit + 1 }

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
