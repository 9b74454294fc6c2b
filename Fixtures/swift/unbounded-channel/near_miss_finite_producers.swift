// run: clean
import Foundation

// A stream fed once per element of a collection already in memory holds at most that many values;
// a callback that yields its one value and finishes feeds a one-value stream; a queue of jobs
// must run every job, so no buffering policy that drops could replace it.
func numbers(_ values: [Int]) -> AsyncStream<Int> {
    AsyncStream { continuation in
        for value in values { continuation.yield(value) }
        continuation.finish()
    }
}

final class Loader: @unchecked Sendable {
    var onLoad: (@Sendable (String) -> Void)?
    func load() { onLoad?("loaded") }
}

func firstLoad(_ loader: Loader) -> AsyncStream<String> {
    AsyncStream { continuation in
        loader.onLoad = { value in
            continuation.yield(value)
            continuation.finish()
        }
    }
}

final class JobQueue: @unchecked Sendable {
    let (jobs, continuation) = AsyncStream.makeStream(of: (@Sendable () async -> Void).self)
    func enqueue(_ job: @escaping @Sendable () async -> Void) { continuation.yield(job) }
    func close() { continuation.finish() }
}

var sum = 0
for await value in numbers(Array(0..<100)) { sum += value }
let loader = Loader()
let loads = firstLoad(loader)
loader.load()
for await value in loads { print(value) }
let queue = JobQueue()
for index in 0..<3 { queue.enqueue { print("job", index) } }
queue.close()
for await job in queue.jobs { await job() }
print(sum)
