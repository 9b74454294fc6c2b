// run: leak
import Foundation

final class Indexer: @unchecked Sendable {
    private let lock = NSLock()
    private var indexed: [String] = []

    /// Waits, holding `lock`, for work that needs `lock` to finish.
    func reindex(_ file: String) {
        lock.lock()
        defer { lock.unlock() }
        indexed.removeAll()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            self.lock.lock()
            self.indexed.append(file.lowercased())
            self.lock.unlock()
        }
        group.wait() // want "blocking-under-lock"
    }

    var count: Int { lock.withLock { indexed.count } }
}

let indexer = Indexer()
let finished = DispatchSemaphore(value: 0)
DispatchQueue.global().async {
    indexer.reindex("README.md")
    finished.signal()
}
if finished.wait(timeout: .now() + 0.8) == .timedOut {
    print("LEAK: reindex waits under the lock its own work needs")
    exit(0)
}
print("indexed:", indexer.count)
