// run: clean
import Foundation

// `async(group:)` counts the work itself; a group made inside the work counts only its own parts.
let group = DispatchGroup()
let lock = NSLock()
var sizes: [Int] = []
for name in ["a.png", "b.png"] {
    DispatchQueue.global().async(group: group) {
        let parts = DispatchGroup()
        parts.enter()
        DispatchQueue.global().async {
            lock.withLock { sizes.append(name.count) }
            parts.leave()
        }
        parts.wait()
    }
}
group.wait()
print("sizes:", lock.withLock { sizes })
