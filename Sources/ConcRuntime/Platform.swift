#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Musl)
@preconcurrency import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of processors currently online, at least 1.
///
/// Reads `sysconf(_SC_NPROCESSORS_ONLN)`. Does not block; allocates nothing.
public var activeProcessorCount: Int {
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// Gives up the rest of the current time slice. Used by back-off loops.
@inlinable @inline(__always)
func yieldThread() {
    sched_yield()
}

/// A `timespec` on `CLOCK_MONOTONIC` that lies `deadline - now` in the future (or now, if the deadline
/// has passed). `pthread_cond_timedwait` with a monotonic condition attribute takes this form.
func monotonicTimespec(for deadline: ContinuousClock.Instant) -> timespec {
    let remaining = max(.zero, deadline - ContinuousClock.now)
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let (seconds, attoseconds) = remaining.components
    let cappedSeconds = min(seconds, Int64(Int32.max))
    var sec = Int64(now.tv_sec) + cappedSeconds
    var nsec = Int64(now.tv_nsec) + attoseconds / 1_000_000_000
    if nsec >= 1_000_000_000 {
        sec += 1
        nsec -= 1_000_000_000
    }
    return timespec(tv_sec: .init(sec), tv_nsec: .init(nsec))
}
