// run: clean
import Foundation

// The unfolding form produces only when the consumer asks for the next element.
let counter = NSLock()
nonisolated(unsafe) var produced = 0
let numbers = AsyncStream<Int> {
    counter.withLock { produced += 1 }
    try? await Task.sleep(nanoseconds: 1_000)
    return counter.withLock { produced < 5 ? produced : nil }
}
for await n in numbers { print(n) }
