// run: leak
import Foundation

struct MissingRecord: Error {}

final class Ledger: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Int] = [:]

    func amount(of name: String) throws -> Int {
        guard let value = ["rent": 900][name] else { throw MissingRecord() }
        return value
    }

    /// A `try` between `lock()` and `unlock()` leaves the method with the lock held when it
    /// throws: nothing releases it.
    func record(_ name: String) throws {
        lock.lock() // want "lock-without-unlock"
        let value = try amount(of: name)
        entries[name] = value
        lock.unlock()
    }

    var isFree: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }
}

let ledger = Ledger()
try? ledger.record("rent")
try? ledger.record("food")
if ledger.isFree {
    print("lock free after a failed record")
} else {
    print("LEAK: the lock is still held after a `try` threw")
}
