// run: clean
// `acquire()` returns holding `lock`, and every path out of its callers releases it: directly
// or through `release()`, also from a `defer`.
import Foundation

struct InsufficientFunds: Error {}

final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var balance = 10

    private func acquire() { lock.lock() }

    private func release() { lock.unlock() }

    func withdraw(_ amount: Int) throws {
        acquire()
        if amount > balance {
            release()
            throw InsufficientFunds()
        }
        balance -= amount
        lock.unlock()
    }

    func deposit(_ amount: Int) throws {
        lock.lock()
        defer { release() }
        guard amount > 0 else { throw InsufficientFunds() }
        balance += amount
    }

    var isFree: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }
}

let account = Account()
try? account.withdraw(50)
try? account.deposit(0)
try? account.deposit(5)
print(account.isFree ? "lock free" : "LEAK")
