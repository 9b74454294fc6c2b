// run: clean
import Foundation

final class Table: @unchecked Sendable {
    private let lock = NSLock()
    private var rows: [String: String] = [:]

    init(_ rows: [String: String]) { self.rows = rows }

    func value(for key: String) -> String? {
        lock.withLock { rows[key] }
    }

    func put(_ value: String, for key: String) {
        lock.withLock { rows[key] = value }
    }
}

/// Copies a row from the primary into its own replica: the check is on one table and the act on
/// another.
final class Mirror: @unchecked Sendable {
    let primary = Table(["a": "1"])
    let replica = Table([:])

    func sync(_ key: String) {
        if let value = primary.value(for: key) {
            replica.put(value, for: key)
        }
    }
}

let mirror = Mirror()
DispatchQueue.concurrentPerform(iterations: 4) { _ in
    mirror.sync("a")
}
print("replica a =", mirror.replica.value(for: "a") ?? "-")
