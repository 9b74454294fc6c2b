import Foundation

/// One measured result line: `impl<TAB>benchmark<TAB>value<TAB>unit`, parsed by
/// scripts/bench-runtime.sh (the Go and Rust programs print the same format).
func report(_ implementation: String, _ benchmark: String, _ value: Double, _ unit: String) {
    print("\(implementation)\t\(benchmark)\t\(String(format: "%.2f", value))\t\(unit)")
}

/// Best (minimum) wall time over `repetitions` runs of `body`, in nanoseconds.
func bestTime(repetitions: Int = 3, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        best = min(best, Double(seconds) * 1e9 + Double(attoseconds) / 1e9)
    }
    return best
}

/// Async variant of ``bestTime(repetitions:_:)``.
func bestTimeAsync(repetitions: Int = 3, _ body: () async -> Void) async -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        let start = ContinuousClock.now
        await body()
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        best = min(best, Double(seconds) * 1e9 + Double(attoseconds) / 1e9)
    }
    return best
}

/// The light per-item work of the parallel map benchmark (same formula in Go and Rust).
@inline(__always)
func lightWork(_ x: Int) -> Int {
    (x &* 2_654_435_761) ^ (x >> 7)
}

/// The heavy per-item work: `iterations` dependent xorshift-multiply steps (same in Go and Rust).
@inline(never)
func heavyWork(_ seed: Int, iterations: Int) -> Int {
    var x = UInt64(truncatingIfNeeded: seed) | 1
    for _ in 0..<iterations {
        x ^= x << 13
        x ^= x >> 7
        x ^= x << 17
        x = x &* 0x2545_F491_4F6C_DD1D
    }
    return Int(truncatingIfNeeded: x)
}

/// Iterations of ``heavyWork(_:iterations:)`` that take about `target` on this machine.
func calibrateHeavyIterations(target: Duration = .microseconds(100)) -> Int {
    var iterations = 10_000
    while true {
        // The fastest of many single items: on a busy machine a slower sample only means the
        // thread was descheduled.
        var elapsed = Duration.seconds(1)
        var sink = 0
        for i in 0..<30 {
            let start = ContinuousClock.now
            sink &+= heavyWork(i, iterations: iterations)
            elapsed = min(elapsed, ContinuousClock.now - start)
        }
        if sink == 42 { print("") }
        if elapsed >= target / 2 {
            let scale = Double(target.components.attoseconds) / Double(elapsed.components.attoseconds)
            return Int(Double(iterations) * scale)
        }
        iterations *= 2
    }
}
