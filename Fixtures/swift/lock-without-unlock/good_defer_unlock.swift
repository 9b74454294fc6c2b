// run: clean
import Foundation

struct InsufficientFunds: Error {}

final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var balance = 10

    func withdraw(_ amount: Int) throws {
        lock.lock()
        defer { lock.unlock() }
        if amount > balance {
            throw InsufficientFunds()
        }
        balance -= amount
    }

    func withdrawScoped(_ amount: Int) throws {
        try lock.withLock {
            if amount > balance { throw InsufficientFunds() }
            balance -= amount
        }
    }
}

let account = Account()
try? account.withdraw(50)
try? account.withdrawScoped(5)
print("withdrawals done")
