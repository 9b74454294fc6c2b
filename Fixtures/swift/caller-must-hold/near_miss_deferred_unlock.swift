// run: clean
import Foundation

final class RateCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var window: [Int] = []
    private var version = 0

    /// Marks the window as changed. Caller must hold `lock`.
    private func bumpLocked() {
        version += 1
    }

    func record(_ value: Int) {
        lock.lock()
        window.append(value)
        if window.count > 16 { window.removeFirst() }
        bumpLocked()
        lock.unlock()
    }

    /// Holds `lock` until it returns: the deferred unlock runs after the bump.
    func reset() {
        lock.lock()
        defer { lock.unlock() }
        window.removeAll()
        bumpLocked()
    }

    var currentVersion: Int { lock.withLock { version } }
}

let counter = RateCounter()
let stop = Date().addingTimeInterval(0.1)
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    while Date() < stop { counter.reset() }
}
DispatchQueue.global().async(group: group) {
    var value = 0
    while Date() < stop {
        counter.record(value)
        value += 1
    }
}
group.wait()
print("version:", counter.currentVersion)
