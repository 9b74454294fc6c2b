// run: clean
import Foundation

final class Leases: @unchecked Sendable {
    private let lock = NSLock()
    private var active: [String: Int] = [:]

    func holder(of name: String) -> Int? {
        lock.withLock { active[name] }
    }

    func grant(_ name: String, to id: Int) {
        lock.withLock { active[name] = id }
    }

    func release(_ name: String) {
        lock.withLock { active[name] = nil }
    }
}

/// Drops a lease that is held: two callers that both see it both remove it, which is removing
/// it once.
func expire(_ leases: Leases, _ name: String) {
    if leases.holder(of: name) != nil {
        leases.release(name)
    }
}

let leases = Leases()
leases.grant("db", to: 1)
DispatchQueue.concurrentPerform(iterations: 4) { _ in
    expire(leases, "db")
}
print("db held:", leases.holder(of: "db") != nil)
