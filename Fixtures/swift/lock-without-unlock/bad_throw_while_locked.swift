// run: leak
import Foundation

struct InsufficientFunds: Error {}

final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var balance = 10

    func withdraw(_ amount: Int) throws {
        lock.lock() // want "lock-without-unlock"
        if amount > balance {
            throw InsufficientFunds()
        }
        balance -= amount
        lock.unlock()
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
