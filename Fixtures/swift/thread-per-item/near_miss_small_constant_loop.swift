// run: clean
import Foundation

// Four workers over a shared, locked queue of jobs: the loop's bound is a small constant.
let lock = NSLock()
var jobs = Array(0..<100)
var done = 0
let group = DispatchGroup()
for _ in 0..<4 {
    DispatchQueue.global().async(group: group) {
        while true {
            lock.lock()
            guard let job = jobs.popLast() else { lock.unlock(); break }
            done += job >= 0 ? 1 : 0
            lock.unlock()
        }
    }
}
group.wait()
print("done", done)
