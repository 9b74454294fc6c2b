// run: clean
import Foundation

let group = DispatchGroup()
let lock = NSLock()
var parsed: [Int] = []
for text in ["1", "x", "3"] {
    group.enter()
    DispatchQueue.global().async {
        defer { group.leave() }
        guard let value = Int(text) else {
            print("skipping", text)
            return
        }
        lock.withLock { parsed.append(value) }
    }
}
group.wait()
print("parsed:", lock.withLock { parsed.sorted() })
