// run: clean
import Foundation

let group = DispatchGroup()
var total = 0
let lock = NSLock()
// conclint:ignore shared-mutable-capture -- the lock was added since // want "unused-suppression"
DispatchQueue.global().async(group: group) {
    lock.lock()
    total += 1
    lock.unlock()
}
group.wait()
print(total)
