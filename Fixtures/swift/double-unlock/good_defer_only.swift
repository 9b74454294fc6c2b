// run: clean
import Foundation

final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Int] = []

    func post(_ message: Int) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    /// Takes the oldest message; the `defer` alone releases `lock`, on every path.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !messages.isEmpty else { return nil }
        return messages.removeFirst()
    }
}

let inbox = Inbox()
let senders = DispatchGroup()
for sender in 0..<3 {
    DispatchQueue.global().async(group: senders) {
        for n in 0..<1_000 { inbox.post(sender * 10_000 + n) }
    }
}
var taken = 0
for _ in 0..<2_000 where inbox.take() != nil { taken += 1 }
senders.wait()
while inbox.take() != nil { taken += 1 }
print("taken \(taken) of 3000")
