// run: leak
// `acquire()` returns holding `lock`: a call of it takes the lock. `withdraw` releases it through
// `release()`, and its `throw` in between leaves it held.
import Foundation

struct InsufficientFunds: Error {}

final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var balance = 10

    private func acquire() { lock.lock() }

    private func release() { lock.unlock() }

    func withdraw(_ amount: Int) throws {
        acquire() // want "lock-without-unlock"
        if amount > balance {
            throw InsufficientFunds()
        }
        balance -= amount
        release()
    }

    var isFree: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }
}

let account = Account()
try? account.withdraw(50)
if account.isFree {
    print("lock free after a failed withdrawal")
} else {
    print("LEAK: the lock is still held after a failed withdrawal")
}
