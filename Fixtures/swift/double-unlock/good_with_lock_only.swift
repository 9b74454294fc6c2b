// run: clean
import Foundation

final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }

    /// Takes the count and starts again; `withLock` alone releases `lock`.
    func drain() -> Int {
        lock.withLock {
            let taken = count
            count = 0
            return taken
        }
    }
}

let tally = Tally()
let workers = DispatchGroup()
for _ in 0..<4 {
    DispatchQueue.global().async(group: workers) {
        for _ in 0..<20_000 { tally.add() }
    }
}
var drained = 0
for _ in 0..<2_000 { drained += tally.drain() }
workers.wait()
print("drained \(drained + tally.drain()) of 80000")
