// run: clean
import Foundation

// Each iteration writes its own element through a pointer; the flag is under a lock.
let inputs = Array(0..<64)
let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: inputs.count)
defer { slots.deallocate() }
let failureLock = NSLock()
var sawOdd = false
DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
    slots[index] = inputs[index] * 2
    if inputs[index] % 2 == 1 {
        failureLock.lock()
        sawOdd = true
        failureLock.unlock()
    }
}
print(slots.reduce(0, +), sawOdd)
