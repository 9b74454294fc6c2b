// run: leak
import Foundation

final class WordCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// A `continue` between `lock()` and `unlock()` skips the unlock: the lock stays held into the
    /// next iteration (and here, past the end of the loop).
    func add(_ words: [String]) {
        for word in words {
            lock.lock() // want "lock-without-unlock"
            if word.isEmpty { continue }
            counts[word, default: 0] += 1
            lock.unlock()
        }
    }

    var isFree: Bool {
        guard lock.try() else { return false }
        lock.unlock()
        return true
    }
}

let counter = WordCounter()
counter.add(["a", "b", ""])
if counter.isFree {
    print("lock free after counting")
} else {
    print("LEAK: the lock is still held after a skipped iteration")
}
