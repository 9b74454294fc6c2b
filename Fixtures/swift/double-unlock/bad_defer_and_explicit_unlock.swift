// run: race
import Foundation

final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Int] = []

    /// Posts a message, slowly: the list is copied, extended and stored back.
    func post(_ message: Int) {
        lock.lock()
        var copy = messages
        usleep(20)
        copy.append(message)
        messages = copy
        lock.unlock()
    }

    /// Takes the oldest message. On an empty inbox it unlocks by hand to back off outside the
    /// lock, and the `defer` unlocks again on return, freeing a `post` that holds the lock.
    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard !messages.isEmpty else {
            lock.unlock() // want "double-unlock"
            usleep(100)
            return nil
        }
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
print("taken \(taken), posted 3000")
