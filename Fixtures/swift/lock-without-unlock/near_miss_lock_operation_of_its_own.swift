// run: clean
// A condition lock's `lock(whenValue:timeout:)` returns holding the lock when it got it, and
// releases it before returning `false` on a timeout: returning held is its contract.
import Foundation

final class ConditionLock: @unchecked Sendable {
    private let mutex = NSLock()
    private(set) var value: Int

    init(value: Int) { self.value = value }

    func lock() { mutex.lock() }

    func unlock() { mutex.unlock() }

    func lock(whenValue wanted: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        self.lock()
        while true {
            if value == wanted {
                return true
            }
            if Date() >= deadline {
                self.unlock()
                return false
            }
            self.unlock()
            usleep(1_000)
            self.lock()
        }
    }

    func unlock(withValue newValue: Int) {
        value = newValue
        self.unlock()
    }
}

let condition = ConditionLock(value: 1)
if condition.lock(whenValue: 1, timeout: 1) {
    condition.unlock(withValue: 2)
}
print(condition.lock(whenValue: 3, timeout: 0.01) ? "unexpected" : "timed out", condition.value)
