// run: clean
import Foundation

/// `start` releases `lock`, then takes the `advance` semaphore before it calls the helper that
/// needs it held: a semaphore used as a lock is the lock the helper asks for.
final class Tracer: @unchecked Sendable {
    private let lock = NSLock()
    private let advance = DispatchSemaphore(value: 1)
    private var generation = 0
    private var readers = 0

    /// Starts a reader for the current generation. The advance semaphore must be held.
    private func startReaderLocked() {
        readers += 1
    }

    func start() {
        lock.lock()
        generation += 1
        lock.unlock()
        advance.wait()
        startReaderLocked()
        advance.signal()
    }

    var readerCount: Int {
        advance.wait()
        defer { advance.signal() }
        return readers
    }
}

let tracer = Tracer()
let group = DispatchGroup()
for _ in 0..<2 {
    DispatchQueue.global().async(group: group) {
        for _ in 0..<200 { tracer.start() }
    }
}
group.wait()
print("readers:", tracer.readerCount)
