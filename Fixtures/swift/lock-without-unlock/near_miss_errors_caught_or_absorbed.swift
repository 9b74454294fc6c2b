// run: clean
import Foundation

struct MissingRecord: Error {}

final class Ledger: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: Int] = [:]

    func amount(of name: String) throws -> Int {
        guard let value = ["rent": 900][name] else { throw MissingRecord() }
        return value
    }

    /// `try?` turns the error into `nil`; the path goes on to the unlock.
    func recordIfKnown(_ name: String) {
        lock.lock()
        entries[name] = try? amount(of: name)
        lock.unlock()
    }

    /// A `do` whose `catch` takes every error keeps the path inside the method, whether the
    /// error comes from a `try` or a `throw`.
    func recordOrZero(_ name: String) {
        lock.lock()
        do {
            if name.isEmpty { throw MissingRecord() }
            entries[name] = try amount(of: name)
        } catch {
            entries[name] = 0
        }
        lock.unlock()
    }

    /// A `defer` releases the lock on the throwing path too.
    func record(_ name: String) throws {
        lock.lock()
        defer { lock.unlock() }
        entries[name] = try amount(of: name)
    }

    var isFree: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }
}

let ledger = Ledger()
ledger.recordIfKnown("food")
ledger.recordOrZero("")
ledger.recordOrZero("food")
try? ledger.record("food")
print(ledger.isFree ? "lock free" : "LEAK: lock held")
