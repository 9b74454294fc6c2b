// run: clean
import Foundation

/// `next` takes the lock in the body it hands `withTaskCancellationHandler` and releases it on
/// every path before that body returns; the cancellation handler takes it after the body, or on
/// the cancelling thread, never nested in it.
final class Storage: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    private var cancelled = false

    func push(_ value: Int) {
        lock.lock()
        values.append(value)
        lock.unlock()
    }

    func next() async -> Int? {
        await withTaskCancellationHandler {
            self.lock.lock()
            if self.values.isEmpty {
                self.lock.unlock()
                return nil
            } else {
                let value = self.values.removeFirst()
                self.lock.unlock()
                return value
            }
        } onCancel: {
            self.lock.lock()
            self.cancelled = true
            self.lock.unlock()
        }
    }
}

let storage = Storage()
for value in 0..<10 { storage.push(value) }
let consumer = Task {
    var sum = 0
    while let value = await storage.next() { sum += value }
    return sum
}
print("sum:", await consumer.value)
