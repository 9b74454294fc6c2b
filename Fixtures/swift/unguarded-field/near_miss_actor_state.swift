// run: clean
import Foundation

/// Ported from a class that kept its lock: isolation already serializes every method, so the
/// read without the lock is safe.
actor Inventory {
    private let lock = NSLock()
    private var stock: [String: Int] = [:]

    func restock(_ item: String, by amount: Int) {
        lock.withLock { stock[item, default: 0] += amount }
    }

    func reserve(_ item: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let left = stock[item], left > 0 else { return false }
        stock[item] = left - 1
        return true
    }

    func count(of item: String) -> Int {
        stock[item] ?? 0
    }
}

let inventory = Inventory()
await withTaskGroup(of: Void.self) { tasks in
    tasks.addTask {
        for _ in 0..<1_000 { await inventory.restock("bolt", by: 1) }
    }
    tasks.addTask {
        for _ in 0..<1_000 { _ = await inventory.reserve("bolt") }
    }
    tasks.addTask {
        for _ in 0..<1_000 { _ = await inventory.count(of: "bolt") }
    }
}
print("bolts left:", await inventory.count(of: "bolt"))
