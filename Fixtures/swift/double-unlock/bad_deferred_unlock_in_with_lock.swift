// run: skip
// Skipped: another thread must take the lock in the instant between the two releases, so the
// race shows on some runs only (bad_unlock_in_with_lock.swift shows it on every run).
import Foundation

final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }

    /// Takes the count and starts again; the `defer` releases `lock`, and `withLock` releases it
    /// again when the closure returns, freeing an `add` that took it in between.
    func drain() -> Int {
        lock.withLock {
            defer { lock.unlock() } // want "double-unlock"
            let taken = count
            count = 0
            return taken
        }
    }
}

let tally = Tally()
let workers = DispatchGroup()
for _ in 0..<2 {
    DispatchQueue.global().async(group: workers) {
        for _ in 0..<20_000 { tally.add() }
    }
}
var drained = 0
for _ in 0..<20_000 { drained += tally.drain() }
workers.wait()
print("drained \(drained + tally.drain()) of 40000")
