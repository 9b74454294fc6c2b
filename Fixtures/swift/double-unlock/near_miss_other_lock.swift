// run: clean
import Foundation

final class Pair: @unchecked Sendable {
    private let first = NSLock()
    private let second = NSLock()
    private var a = 0
    private var b = 0

    /// Each lock is released once: `first` by hand inside `second`'s section, `second` by
    /// `withLock`.
    func move() {
        first.lock()
        second.withLock {
            a -= 1
            first.unlock()
            b += 1
        }
    }

    var sum: Int {
        first.lock()
        defer { first.unlock() }
        return second.withLock { a + b }
    }
}

let pair = Pair()
let group = DispatchGroup()
for _ in 0..<4 {
    DispatchQueue.global().async(group: group) {
        for _ in 0..<500 { pair.move() }
    }
}
group.wait()
print("sum \(pair.sum)")
