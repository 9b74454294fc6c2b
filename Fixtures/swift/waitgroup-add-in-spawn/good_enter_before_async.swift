// run: clean
import Foundation

let group = DispatchGroup()
let lock = NSLock()
var thumbnails: [String] = []
for name in ["a.png", "b.png", "c.png"] {
    group.enter()
    DispatchQueue.global().async {
        defer { group.leave() }
        lock.withLock { thumbnails.append("thumb-" + name) }
    }
}
group.wait()
print("thumbnails:", lock.withLock { thumbnails.count })
