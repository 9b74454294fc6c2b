// run: leak
// `acquireAndRun` is named like a lock operation but locks, works and unlocks: its early return
// leaves the lock held. Its body, not its name, says what it is.
import Foundation

final class Runner: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = true
    private var runs = 0

    func acquireAndRun() -> Bool {
        lock.lock() // want "lock-without-unlock"
        if stopped {
            return false
        }
        runs += 1
        lock.unlock()
        return true
    }

    var isFree: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }
}

let runner = Runner()
print(runner.acquireAndRun())
if runner.isFree {
    print("lock free after a stopped run")
} else {
    print("LEAK: the lock is still held after a stopped run")
}
