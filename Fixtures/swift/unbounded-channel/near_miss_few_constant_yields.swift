// run: clean
import Foundation

// Five values at most: the default policy cannot grow far.
let (numbers, feed) = AsyncStream<Int>.makeStream()
for n in 0..<5 { feed.yield(n) }
feed.finish()
var sum = 0
for await n in numbers { sum += n }
print(sum)

// Made and filled inside a callback: the yields still run once per stream.
func withScratch(_ body: @escaping @Sendable () async -> Void) -> Task<Void, Never> { Task { await body() } }
await withScratch {
    let bytes = AsyncStream(UInt8.self) { continuation in
        for _ in 0..<16_384 { continuation.yield(0) }
        continuation.finish()
    }
    var count = 0
    for await _ in bytes { count += 1 }
    print(count)
}.value
