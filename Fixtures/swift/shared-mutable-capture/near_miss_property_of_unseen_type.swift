// run: clean
import Foundation

// `progress.totalUnitCount` is a property of a type this file does not declare, and
// Foundation's Progress synchronizes its own properties: what the store does is not visible
// here, so it is not called a plain, unguarded write.
let progress = Progress(totalUnitCount: 4)
let group = DispatchGroup()
for step in 1...4 {
    DispatchQueue.global().async(group: group) {
        progress.totalUnitCount = Int64(4 + step)
    }
}
group.wait()
print(progress.totalUnitCount > 4)
