// run: clean
import Foundation

// Every path leaves the group before returning; the early return in the forEach closure only
// ends that iteration.
let group = DispatchGroup()
let lock = NSLock()
var parsed: [Int] = []
for text in ["1", "x", "3"] {
    group.enter()
    DispatchQueue.global().async {
        guard let value = Int(text) else {
            group.leave()
            return
        }
        [value, value * 10].forEach { item in
            if item > 100 { return }
            lock.withLock { parsed.append(item) }
        }
        group.leave()
    }
}
group.wait()
print("parsed:", lock.withLock { parsed.sorted() })
