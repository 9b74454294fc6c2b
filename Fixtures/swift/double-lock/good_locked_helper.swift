// run: clean
import Foundation

final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func append(_ event: String) {
        lock.lock()
        defer { lock.unlock() }
        appendLocked(event)
    }

    func appendAll(_ batch: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for event in batch {
            appendLocked(event)
        }
    }

    var count: Int { lock.withLock { events.count } }

    /// Adds one event. The caller must hold `lock`.
    private func appendLocked(_ event: String) {
        events.append(event)
    }
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
