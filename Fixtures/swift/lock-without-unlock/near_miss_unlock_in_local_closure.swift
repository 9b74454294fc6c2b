// run: clean
import Foundation

// The early return goes through `fail`, a local closure that records the code and releases the
// lock: every path out of `apply` releases it.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private var lastError = 0

    func apply(_ delta: Int) {
        lock.lock()
        let fail = { (code: Int) in
            self.lastError = code
            self.lock.unlock()
        }
        if delta < 0 {
            fail(1)
            return
        }
        value += delta
        lock.unlock()
    }

    var snapshot: (Int, Int) {
        lock.lock()
        defer { lock.unlock() }
        return (value, lastError)
    }
}

let counter = Counter()
DispatchQueue.concurrentPerform(iterations: 8) { index in counter.apply(index % 3 == 0 ? -1 : index) }
print(counter.snapshot)
