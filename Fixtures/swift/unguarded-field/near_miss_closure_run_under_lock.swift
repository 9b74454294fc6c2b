// run: clean
import Foundation

/// Every change of the pool's state goes through `modify`, which runs the closure while holding
/// the lock: the closures' accesses are guarded although they take no lock themselves.
final class ConnectionPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Int] = []
    private var timers: [Int: Date] = [:]

    private func modify(_ body: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        body()
    }

    func release(_ connection: Int) {
        modify {
            idle.append(connection)
            timers[connection] = Date()
        }
    }

    func acquire() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let connection = idle.popLast() else { return nil }
        timers[connection] = nil
        return connection
    }

    func snapshot() -> (idle: [Int], timed: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (idle, timers.count)
    }

    func drain() {
        lock.lock()
        idle.removeAll()
        timers.removeAll()
        lock.unlock()
    }

    func expire(_ connection: Int) {
        modify {
            if timers.removeValue(forKey: connection) != nil {
                idle.removeAll { $0 == connection }
            }
        }
    }
}

let pool = ConnectionPool()
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    for index in 0..<1_000 { pool.release(index % 8) }
}
DispatchQueue.global().async(group: group) {
    for _ in 0..<1_000 { _ = pool.acquire() }
}
DispatchQueue.global().async(group: group) {
    for index in 0..<1_000 { pool.expire(index % 8) }
}
group.wait()
print("idle:", pool.snapshot().idle.count)
pool.drain()
