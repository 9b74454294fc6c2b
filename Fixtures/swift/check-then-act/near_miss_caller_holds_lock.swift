// run: clean
import Foundation

final class Registry: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [String: Int] = [:]

    func id(for name: String) -> Int? {
        lock.withLock { ids[name] }
    }

    func add(_ name: String, id: Int) {
        lock.withLock { ids[name] = id }
    }
}

/// Serialises every registration with its own lock, held across the check and the act.
final class Service: @unchecked Sendable {
    let registry = Registry()
    private let lock = NSLock()

    func register(_ name: String, id: Int) {
        lock.lock()
        defer { lock.unlock() }
        if registry.id(for: name) == nil {
            registry.add(name, id: id)
        }
    }
}

let service = Service()
DispatchQueue.concurrentPerform(iterations: 8) { index in
    service.register("worker", id: index)
}
print("registered:", service.registry.id(for: "worker") != nil)
