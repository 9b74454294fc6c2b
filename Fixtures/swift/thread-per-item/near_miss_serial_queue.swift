// run: clean
import Foundation

// Work items on one serial queue run one at a time.
let writer = DispatchQueue(label: "writer")
let group = DispatchGroup()
for event in Array(0..<100) {
    writer.async(group: group) {
        usleep(UInt32(10 + event % 2))
    }
}
group.wait()
print("written")
