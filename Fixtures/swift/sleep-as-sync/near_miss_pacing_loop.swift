// run: clean
import Foundation

// A sleep that paces a polling loop is not standing in for a join.
let group = DispatchGroup()
DispatchQueue.global().async(group: group) { usleep(1_000) }
for attempt in 0..<3 {
    print("poll", attempt)
    Thread.sleep(forTimeInterval: 0.001)
}
group.wait()
