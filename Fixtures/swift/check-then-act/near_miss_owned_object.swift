// run: clean
import Foundation

/// Handed to one user at a time by the pool; its lock guards it against a monitor's reads.
final class Connection: @unchecked Sendable {
    private let lock = NSLock()
    private var session: String?

    func isOpen() -> Bool {
        lock.withLock { session != nil }
    }

    func setSession(_ id: String) {
        lock.withLock { session = id }
    }

    /// Only whoever took the connection out of the pool opens it: nobody else can at the same time.
    fileprivate func open(_ id: String) {
        if !isOpen() {
            setSession(id)
        }
    }
}

final class Pool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle = (0..<4).map { _ in Connection() }

    func take(_ id: String) -> Connection {
        let connection = lock.withLock { idle.removeLast() }
        connection.open(id)
        return connection
    }
}

let pool = Pool()
DispatchQueue.concurrentPerform(iterations: 4) { index in
    _ = pool.take("s\(index)").isOpen()
}
print("four connections opened")
