// run: clean
import ConcRuntime
import Foundation

let lock = NSLock()
var total = 0
DispatchQueue.concurrentPerform(iterations: 1_000) { index in
    lock.withLock { total += index }
}
print("total:", total)
let sum = (0..<1_000).parallelReduce(0, +)
print("parallel sum:", sum)
