// run: clean
import Foundation

final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func append(_ event: String) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    /// Holds this log's lock while it appends to `mirror`, another log with a lock of its own.
    func appendAll(_ batch: [String], mirroringTo mirror: EventLog) {
        lock.lock()
        defer { lock.unlock() }
        for event in batch {
            events.append(event)
            mirror.append(event)
        }
    }

    var count: Int { lock.withLock { events.count } }
}

let primary = EventLog()
let backup = EventLog()
let group = DispatchGroup()
DispatchQueue.global().async(group: group) {
    for _ in 0..<500 { primary.appendAll(["start", "stop"], mirroringTo: backup) }
}
DispatchQueue.global().async(group: group) {
    for _ in 0..<500 { backup.append("tick") }
}
group.wait()
print("events:", primary.count, backup.count)
