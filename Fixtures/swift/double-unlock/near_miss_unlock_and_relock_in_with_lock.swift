// run: clean
import Foundation

final class Notifier: @unchecked Sendable {
    private let lock = NSLock()
    private var observers: [(Int) -> Void] = []
    private var value = 0

    func observe(_ observer: @escaping (Int) -> Void) { lock.withLock { observers.append(observer) } }

    /// Drops `lock` while the observers run and takes it back before `withLock` releases it.
    func set(_ newValue: Int) {
        lock.withLock {
            value = newValue
            let toCall = observers
            lock.unlock()
            for observer in toCall { observer(newValue) }
            lock.lock()
        }
    }

    /// The same, with the lock taken back by a `defer` when the closure returns.
    func reset() {
        lock.withLock {
            value = 0
            let toCall = observers
            lock.unlock()
            defer { lock.lock() }
            for observer in toCall { observer(0) }
        }
    }
}

let notifier = Notifier()
let seen = NSLock()
var total = 0
notifier.observe { value in seen.withLock { total += value } }
let group = DispatchGroup()
for n in 1...4 {
    DispatchQueue.global().async(group: group) {
        for _ in 0..<100 { notifier.set(n) }
        notifier.reset()
    }
}
group.wait()
print("observed \(seen.withLock { total })")
