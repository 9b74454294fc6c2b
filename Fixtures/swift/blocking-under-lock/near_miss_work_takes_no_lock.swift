// run: clean
import Foundation

final class Indexer: @unchecked Sendable {
    private let lock = NSLock()
    private var indexed: [String] = []

    /// Waits holding `lock`, but the work it waits for never takes `lock`.
    func reindex(_ files: [String]) {
        lock.lock()
        defer { lock.unlock() }
        let group = DispatchGroup()
        let tokens = TokenBox()
        DispatchQueue.global().async(group: group) {
            tokens.store(files.map { $0.lowercased() })
        }
        group.wait()
        indexed = tokens.load()
    }

    var count: Int { lock.withLock { indexed.count } }
}

/// Hands the result over under a lock of its own.
final class TokenBox: @unchecked Sendable {
    private let guardLock = NSLock()
    private var tokens: [String] = []

    func store(_ new: [String]) { guardLock.withLock { tokens = new } }

    func load() -> [String] { guardLock.withLock { tokens } }
}

let indexer = Indexer()
let finished = DispatchSemaphore(value: 0)
DispatchQueue.global().async {
    indexer.reindex(["README.md", "Package.swift"])
    finished.signal()
}
if finished.wait(timeout: .now() + 0.8) == .timedOut {
    print("LEAK: reindex never finished")
    exit(0)
}
print("indexed:", indexer.count)
