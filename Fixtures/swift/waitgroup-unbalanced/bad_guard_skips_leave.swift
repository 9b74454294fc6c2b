// run: leak
import Foundation

let group = DispatchGroup()
let lock = NSLock()
var parsed: [Int] = []
for text in ["1", "x", "3"] {
    group.enter()
    DispatchQueue.global().async {
        guard let value = Int(text) else {
            print("skipping", text)
            return // want "waitgroup-unbalanced"
        }
        lock.withLock { parsed.append(value) }
        group.leave()
    }
}
if group.wait(timeout: .now() + 1) == .timedOut {
    print("LEAK: wait timed out: a path never left the group")
}
