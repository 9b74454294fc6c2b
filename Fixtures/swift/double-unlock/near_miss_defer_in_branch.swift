// run: clean
import Foundation

final class Stats: @unchecked Sendable {
    private let lock = NSLock()
    private var hits = 0
    private var misses = 0

    /// The `defer` in the `if` releases `lock` when that block ends, not when the function
    /// returns, so the lock taken again below is released once.
    func record(hit: Bool) -> Int {
        lock.lock()
        if hit {
            defer { lock.unlock() }
            hits += 1
        } else {
            misses += 1
            lock.unlock()
        }
        lock.lock()
        let total = hits + misses
        lock.unlock()
        return total
    }

    /// A `defer` in a loop body releases at the end of each iteration.
    func recordAll(_ results: [Bool]) {
        for hit in results {
            lock.lock()
            defer { lock.unlock() }
            if hit { hits += 1 } else { misses += 1 }
        }
        lock.lock()
        hits += 0
        lock.unlock()
    }
}

let stats = Stats()
let group = DispatchGroup()
for n in 0..<4 {
    DispatchQueue.global().async(group: group) {
        for i in 0..<500 { _ = stats.record(hit: (i + n) % 3 == 0) }
        stats.recordAll([true, false, true])
    }
}
group.wait()
print("total \(stats.record(hit: true))")
