// run: clean
import Foundation

// A counted loop starts a fixed number of workers; the bound is a worker count, not the input.
let workers = ProcessInfo.processInfo.activeProcessorCount
let group = DispatchGroup()
let lock = NSLock()
var finished = 0
for _ in 0..<workers {
    DispatchQueue.global().async(group: group) {
        lock.withLock { finished += 1 }
    }
}
group.wait()
print("workers finished:", finished)
