// run: clean
import ConcRuntime
import Foundation

// parallelMap runs the items on a pool sized to the cores, not one thread per item.
func checksum(_ path: String) -> Int {
    usleep(500)
    return path.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
}

let paths = (0..<200).map { "photo-\($0).jpg" }
let sums = paths.parallelMap { path in checksum(path) }
print("checksummed", sums.count, "files")
