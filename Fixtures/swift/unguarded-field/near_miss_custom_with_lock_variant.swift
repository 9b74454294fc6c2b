// run: clean
import Foundation

/// A lock wrapper with its own `withLock…` variant: its closure runs holding the lock.
final class WorkLock: @unchecked Sendable {
    private let lock = NSCondition()

    func withLock<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func withLockSignalling<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        defer {
            lock.signal()
            lock.unlock()
        }
        return body()
    }
}

final class WorkQueue: @unchecked Sendable {
    private let work = WorkLock()
    private var items: [Int] = []  // guarded by work

    func add(_ item: Int) {
        work.withLock { items.append(item) }
    }

    func count() -> Int {
        work.withLock { items.count }
    }

    func drain() -> [Int] {
        work.withLockSignalling {
            let all = items
            items = []
            return all
        }
    }
}

let queue = WorkQueue()
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    for index in 0..<1_000 { queue.add(index) }
}
DispatchQueue.global().async(group: group) {
    for _ in 0..<100 { _ = queue.drain() }
}
group.wait()
print("left:", queue.count())
