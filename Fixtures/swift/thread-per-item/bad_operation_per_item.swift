// run: clean
import Foundation

// An operation queue with no limit set runs as many operations at once as the system allows: one
// per file, each holding a thread while it blocks.
func checkAll(_ paths: [String]) {
    let queue = OperationQueue()
    for path in paths {
        queue.addOperation { // want "thread-per-item"
            _ = FileManager.default.fileExists(atPath: path)
        }
    }
    queue.waitUntilAllOperationsAreFinished()
}

checkAll((0..<32).map { "/tmp/conclint-\($0)" })
print("checked")
