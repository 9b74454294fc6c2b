// run: clean
import Foundation

// An operation queue with `maxConcurrentOperationCount` set runs that many operations at once,
// however many are added; the limit may be set where the queue is made, in another type.
final class Uploader {
    let queue: OperationQueue = {
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 4
        return queue
    }()
}

final class Batch {
    let uploader = Uploader()
    let serial = OperationQueue()

    init() {
        serial.maxConcurrentOperationCount = 1
    }

    func run(_ files: [String]) {
        let lock = NSLock()
        var sizes = 0
        for file in files {
            uploader.queue.addOperation {
                lock.withLock { sizes += file.count }
            }
        }
        uploader.queue.waitUntilAllOperationsAreFinished()
        var names: [String] = []
        for file in files {
            serial.addOperation { names.append(file) }
        }
        serial.waitUntilAllOperationsAreFinished()
        print(sizes, names.count)
    }
}

Batch().run((0..<50).map { "file-\($0)" })
