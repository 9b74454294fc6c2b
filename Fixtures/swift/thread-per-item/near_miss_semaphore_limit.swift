// run: clean
import Foundation

// A semaphore acquired before each spawn bounds how many run at once.
let limit = DispatchSemaphore(value: 4)
let group = DispatchGroup()
for item in Array(0..<100) {
    limit.wait()
    DispatchQueue.global().async(group: group) {
        usleep(UInt32(100 + item % 3))
        limit.signal()
    }
}
group.wait()
print("done")
