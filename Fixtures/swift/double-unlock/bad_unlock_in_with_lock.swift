// run: race
import Foundation

final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// Counts one, slowly: the count is read, then written back.
    func add() {
        lock.withLock {
            let seen = count
            usleep(20)
            count = seen + 1
        }
    }

    /// Takes the count and starts again, releasing `lock` early to report outside it; but
    /// `withLock` releases it again when the closure returns, freeing an `add` that holds it.
    func drain() -> Int {
        lock.withLock {
            let taken = count
            count = 0
            lock.unlock() // want "double-unlock"
            usleep(100)
            return taken
        }
    }
}

let tally = Tally()
let workers = DispatchGroup()
for _ in 0..<3 {
    DispatchQueue.global().async(group: workers) {
        for _ in 0..<2_000 { tally.add() }
    }
}
var drained = 0
for _ in 0..<500 { drained += tally.drain() }
workers.wait()
print("drained \(drained + tally.drain()), counted 6000")
