// run: clean
import Foundation

final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int] = [:]

    func id(for name: String) -> Int? {
        lock.withLock { ids[name] }
    }

    /// Checks again under the lock before it writes: the first caller wins.
    func addIfAbsent(_ name: String, id: Int) -> Int {
        lock.withLock {
            if let existing = ids[name] { return existing }
            ids[name] = id
            return id
        }
    }
}

/// The lookup is only a fast path; the act decides under the lock.
func register(_ registry: Registry, _ name: String, id: Int) -> Int {
    if let existing = registry.id(for: name) {
        return existing
    }
    return registry.addIfAbsent(name, id: id)
}

let registry = Registry()
DispatchQueue.concurrentPerform(iterations: 8) { index in
    _ = register(registry, "worker", id: index)
}
print("worker:", registry.id(for: "worker") ?? -1)
