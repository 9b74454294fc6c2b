// run: clean
import Foundation

/// The continuation is stored the first time `events` is read and yielded to on every
/// `publish`: an event source with no bound, however slowly the consumer reads.
final class EventBus: @unchecked Sendable {
    private var continuation: AsyncStream<Int>.Continuation?
    lazy var events: AsyncStream<Int> = AsyncStream { self.continuation = $0 } // want "unbounded-channel"

    func publish(_ value: Int) {
        continuation?.yield(value)
    }

    func close() {
        continuation?.finish()
    }
}

final class Mailbox: @unchecked Sendable {
    private var continuation: AsyncStream<String>.Continuation!
    private(set) var letters: AsyncStream<String>!

    init() {
        letters = AsyncStream { self.continuation = $0 } // want "unbounded-channel"
    }

    func deliver(_ letter: String) {
        continuation.yield(letter)
    }

    func close() {
        continuation.finish()
    }
}

let bus = EventBus()
let events = bus.events
let mailbox = Mailbox()
for value in 0..<100 {
    bus.publish(value)
    mailbox.deliver("letter \(value)")
}
bus.close()
mailbox.close()
var received = 0
for await _ in events { received += 1 }
for await _ in mailbox.letters { received += 1 }
print("received", received)
