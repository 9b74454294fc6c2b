// run: clean
import Foundation

func persist(_ event: Int) { usleep(1_000) }

let events = Array(0..<200)
let group = DispatchGroup()
for event in events {
    DispatchQueue.global().async(group: group) { // want "thread-per-item"
        persist(event)
    }
}
group.wait()
print("persisted", events.count)
