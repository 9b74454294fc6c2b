// run: leak
import Foundation

final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [String] = []

    func append(_ event: String) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    /// Holds `lock` while it calls `append`, which takes `lock` again.
    func appendAll(_ batch: [String]) {
        lock.lock()
        defer { lock.unlock() }
        for event in batch {
            append(event) // want "double-lock"
        }
    }
}

let log = EventLog()
let finished = DispatchSemaphore(value: 0)
DispatchQueue.global().async {
    log.appendAll(["start", "stop"])
    finished.signal()
}
if finished.wait(timeout: .now() + 0.5) == .timedOut {
    print("LEAK: appendAll is stuck on the lock it already holds")
    exit(0)
}
print("logged")
