// run: clean
import Foundation

/// The continuation is kept by an object that finishes it when it closes; the second loop stops
/// after a count.
final class Feed: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: AsyncStream<String>.Continuation?

    func makeStream() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(16))
        lock.withLock { self.continuation = continuation }
        return stream
    }

    func publish(_ item: String) { lock.withLock { _ = continuation?.yield(item) } }
    func close() { lock.withLock { continuation?.finish() } }
}

func firstTwo() async -> [Int] {
    let (numbers, continuation) = AsyncStream.makeStream(of: Int.self)
    for n in 1...5 { continuation.yield(n) }
    var taken: [Int] = []
    for await n in numbers {
        taken.append(n)
        if taken.count == 2 { break }
    }
    return taken
}

let feed = Feed()
let items = feed.makeStream()
feed.publish("a")
feed.close()
for await item in items { print(item) }
print(await firstTwo())
