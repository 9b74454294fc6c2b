// run: clean
import Foundation

/// An `NSRecursiveLock` may be taken again by the thread that holds it.
final class EventLog: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var events: [String] = []

    func append(_ event: String) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func appendAll(_ batch: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for event in batch {
            append(event)
        }
    }

    var count: Int { lock.withLock { events.count } }
}

let log = EventLog()
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    for _ in 0..<500 { log.appendAll(["start", "stop"]) }
}
DispatchQueue.global().async(group: group) {
    for _ in 0..<500 { log.append("tick") }
}
group.wait()
print("events:", log.count)
