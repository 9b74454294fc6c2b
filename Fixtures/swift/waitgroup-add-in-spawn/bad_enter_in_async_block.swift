// run: clean
import Foundation

let group = DispatchGroup()
let lock = NSLock()
var thumbnails: [String] = []
for name in ["a.png", "b.png", "c.png"] {
    DispatchQueue.global().async {
        group.enter() // want "waitgroup-add-in-spawn"
        defer { group.leave() }
        lock.withLock { thumbnails.append("thumb-" + name) }
    }
}
group.wait()
print("thumbnails made before wait returned:", lock.withLock { thumbnails.count })
