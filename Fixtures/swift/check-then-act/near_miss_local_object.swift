// run: clean
import Foundation

final class WordIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func count(of word: String) -> Int? {
        lock.withLock { counts[word] }
    }

    func set(_ count: Int, for word: String) {
        lock.withLock { counts[word] = count }
    }
}

/// Fills an index nobody else can see yet; it is shared only once it is returned.
func buildIndex(_ words: [String]) -> WordIndex {
    let index = WordIndex()
    for word in words {
        if let count = index.count(of: word) {
            index.set(count + 1, for: word)
        } else {
            index.set(1, for: word)
        }
    }
    return index
}

/// Seeds its index in its initializer, before anyone else can see the object.
final class Search: @unchecked Sendable {
    let index: WordIndex = buildIndex(["a", "b", "a"])

    init() {
        if index.count(of: "default") == nil {
            index.set(0, for: "default")
        }
    }
}

let shared = Search()
DispatchQueue.concurrentPerform(iterations: 4) { _ in
    _ = shared.index.count(of: "a")
}
print("a:", shared.index.count(of: "a") ?? 0)
